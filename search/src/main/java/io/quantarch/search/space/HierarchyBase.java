package io.quantarch.search.space;

import io.quantarch.search.mapper.MapperObjective;
import io.quantarch.simulator.nest.NestArchitecture;

import java.nio.file.Path;
import java.util.List;

/**
 * A Timeloop v0.4 hierarchy as the base of a design space ({@code architecture: {base: H.yaml, mapping: auto, mapper:
 * {...}}}): its files (read again for their inline constraints), the parsed hierarchy the {@code hierarchy.*} genes vary,
 * extra constraint files, and how each layer is mapped and priced.
 *
 * @param budget       the mapper's evaluations per distinct layer shape of each design
 * @param costTable    quantarch's cost table for storage and arithmetic prices (ignored with an ERT)
 * @param ert          an Accelergy ERT for prices (null: quantarch's cost models)
 * @param cycleSeconds one cycle, from the hierarchy's global_cycle_seconds (1 ns when it has none)
 */
public record HierarchyBase(List<Path> files, NestArchitecture base, List<Path> constraints, long budget, MapperObjective objective,
                            String costTable, Path ert, Path art, double cycleSeconds) {

    public HierarchyBase {
        files = List.copyOf(files);
        constraints = List.copyOf(constraints);
    }
}
