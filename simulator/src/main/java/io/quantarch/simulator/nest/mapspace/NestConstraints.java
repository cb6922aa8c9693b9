package io.quantarch.simulator.nest.mapspace;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The mapspace constraints of a hierarchy for one problem, resolved to its storage levels and meshes (Timeloop v0.4
 * {@code constraints}: factors, permutations, spatial split, keep/bypass, minimum utilization). Each rule remembers where
 * it was written, so a contradiction names it.
 *
 * @param temporal       one rule per storage level (its temporal loops)
 * @param spatial        one rule per fan-out, in the architecture's order
 * @param dataspaces     one rule per storage level: data spaces it must keep and must bypass
 * @param minUtilization the least fraction of the arithmetic instances a mapping must use (0: any)
 */
public record NestConstraints(List<LoopRule> temporal, List<LoopRule> spatial, List<KeepRule> dataspaces, double minUtilization,
                              String utilizationOrigin) {

    /**
     * Factors and order of one level's loops.
     *
     * @param exact  per dimension the factor it must have (0: free)
     * @param max    per dimension the largest factor allowed (0: no bound)
     * @param min    per dimension the smallest factor allowed (0: no bound)
     * @param prefix dimensions that must be the innermost loops, innermost first
     * @param suffix dimensions that must be the outermost loops, in the order written (Timeloop's {@code _} separator)
     * @param split  spatial only: Timeloop's split, counted over the whole permutation with the unit factors first (-1: free)
     * @param origin where each part was written ({@code file: key ...}), for messages
     */
    public record LoopRule(long[] exact, long[] max, long[] min, int[] prefix, int[] suffix, int split, List<String> origin) {

        public LoopRule {
            exact = exact.clone();
            max = max.clone();
            min = min.clone();
            prefix = prefix.clone();
            suffix = suffix.clone();
            origin = List.copyOf(origin);
        }

        public static LoopRule free(int dims) {
            return new LoopRule(new long[dims], new long[dims], new long[dims], new int[0], new int[0], -1, List.of());
        }

        public boolean isFree() {
            return Arrays.stream(exact).allMatch(x -> x == 0) && Arrays.stream(max).allMatch(x -> x == 0)
                    && Arrays.stream(min).allMatch(x -> x == 0) && prefix.length == 0 && suffix.length == 0 && split < 0;
        }

        public String where() {
            return origin.isEmpty() ? "(no constraint)" : String.join("; ", origin);
        }
    }

    /** Data spaces a level must keep and must bypass (the others are the mapper's choice). */
    public record KeepRule(Set<String> keep, Set<String> bypass, String origin) {

        public KeepRule {
            keep = Set.copyOf(keep);
            bypass = Set.copyOf(bypass);
        }

        public static final KeepRule FREE = new KeepRule(Set.of(), Set.of(), "");
    }

    public NestConstraints {
        temporal = List.copyOf(temporal);
        spatial = List.copyOf(spatial);
        dataspaces = List.copyOf(dataspaces);
    }

    /** No constraints: every factorization, order, split and bypass choice. */
    public static NestConstraints none(int levels, int fanouts, int dims) {
        return new NestConstraints(java.util.Collections.nCopies(levels, LoopRule.free(dims)),
                java.util.Collections.nCopies(fanouts, LoopRule.free(dims)), java.util.Collections.nCopies(levels, KeepRule.FREE), 0, "");
    }
}
