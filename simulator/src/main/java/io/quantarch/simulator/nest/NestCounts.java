package io.quantarch.simulator.nest;

import java.util.List;

/**
 * What a mapping does, counted (no prices): per storage level and data space it keeps, Timeloop's per-instance counts;
 * and the cycles.
 *
 * @param cycles     the product of the temporal loops, stretched by the most limiting bandwidth
 * @param throttling cycles over the loop bound (1 when no level's bandwidth limits)
 * @param levels     one row per (storage level, kept data space), outermost level first
 */
public record NestCounts(long computes, long cycles, double throttling, List<Row> levels) {

    /**
     * One storage level and data space: instances of the level, instances holding a tile and the clusters they fall in
     * (instances sharing one vector access; each instance its own cluster unless the level says cluster_size), words of the tile, bits
     * per word and words per vector access, and per instance the scalar reads (towards the level below or the
     * arithmetic, partial-sum reads included), fills (from the level above), updates (partial sums written back from
     * below) and temporal reductions.
     */
    public record Row(int level, String levelName, String dataSpace, long instances, long utilizedInstances, long utilizedClusters,
                      long utilizedCapacity,
                      long reads, long fills, long updates, long temporalReductions, int bits, long block) { }

    public NestCounts {
        levels = List.copyOf(levels);
    }
}
