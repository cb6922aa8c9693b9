package io.quantarch.simulator.nest;

import java.util.List;
import java.util.Set;

/**
 * A mapping: for each storage level, its temporal loops (outermost first), the spatial loops of the fan-out below it
 * (mesh X first), and which data spaces it keeps.
 *
 * @param levels one entry per storage level, in the architecture's order
 */
public record NestMapping(List<Level> levels) {

    /** A loop over dimension {@code dim} with {@code factor} iterations. */
    public record Loop(int dim, long factor) { }

    /**
     * @param temporal    temporal loops at this level, outermost first
     * @param spatialX    spatial loops of the fan-out below this level along mesh X (innermost first as Timeloop lists them)
     * @param spatialY    the same along mesh Y
     * @param keep        data spaces this level keeps (the others bypass it)
     */
    public record Level(List<Loop> temporal, List<Loop> spatialX, List<Loop> spatialY, Set<String> keep) {

        public Level {
            temporal = List.copyOf(temporal);
            spatialX = List.copyOf(spatialX);
            spatialY = List.copyOf(spatialY);
            keep = Set.copyOf(keep);
        }
    }

    public NestMapping {
        levels = List.copyOf(levels);
    }
}
