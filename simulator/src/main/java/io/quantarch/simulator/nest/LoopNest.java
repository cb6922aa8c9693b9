package io.quantarch.simulator.nest;

import java.util.List;

/**
 * A mapping laid out as one loop nest, outermost loop first, in primitive arrays: each storage level's temporal loops,
 * then the spatial loops of the fan-out below it. The analysis of {@link NestModel} walks these arrays.
 */
final class LoopNest {

    final int[] dim;
    final long[] factor;
    final boolean[] spatial;
    /** First loop of each storage level (its temporal loops start here); {@code start[levels]} = loops. */
    final int[] start;
    /** One past each storage level's temporal loops (its fan-out's spatial loops follow). */
    final int[] temporalEnd;
    final int dims;

    private LoopNest(int[] dim, long[] factor, boolean[] spatial, int[] start, int[] temporalEnd, int dims) {
        this.dim = dim;
        this.factor = factor;
        this.spatial = spatial;
        this.start = start;
        this.temporalEnd = temporalEnd;
        this.dims = dims;
    }

    static LoopNest of(NestMapping m, int dims) {
        int n = 0;
        for (NestMapping.Level l : m.levels()) {
            n += l.temporal().size() + l.spatialX().size() + l.spatialY().size();
        }
        int[] dim = new int[n];
        long[] factor = new long[n];
        boolean[] spatial = new boolean[n];
        int[] start = new int[m.levels().size() + 1];
        int[] tend = new int[m.levels().size()];
        int i = 0;
        for (int l = 0; l < m.levels().size(); l++) {
            NestMapping.Level lv = m.levels().get(l);
            start[l] = i;
            for (NestMapping.Loop lp : lv.temporal()) {
                dim[i] = lp.dim();
                factor[i++] = lp.factor();
            }
            tend[l] = i;
            for (List<NestMapping.Loop> s : List.of(lv.spatialY(), lv.spatialX())) {
                for (NestMapping.Loop lp : s) {
                    dim[i] = lp.dim();
                    factor[i] = lp.factor();
                    spatial[i++] = true;
                }
            }
        }
        start[m.levels().size()] = n;
        return new LoopNest(dim, factor, spatial, start, tend, dims);
    }

    /** Product of the factors of every loop from {@code from} on, per dimension. */
    long[] factorsFrom(int from) {
        long[] f = ones();
        for (int i = from; i < dim.length; i++) {
            f[dim[i]] *= factor[i];
        }
        return f;
    }

    /** Per dimension: every temporal factor of the nest times the spatial factors from {@code from} on. */
    long[] distinctFactors(int from) {
        long[] f = ones();
        for (int i = 0; i < dim.length; i++) {
            if (!spatial[i] || i >= from) {
                f[dim[i]] *= factor[i];
            }
        }
        return f;
    }

    /** Product of all temporal factors: the cycles without throttling, and the computes of one arithmetic instance. */
    long temporalProduct() {
        long p = 1;
        for (int i = 0; i < dim.length; i++) {
            if (!spatial[i]) {
                p *= factor[i];
            }
        }
        return p;
    }

    /** Product of the spatial factors before {@code to}: the instances that hold a tile there. */
    long spatialBefore(int to) {
        long p = 1;
        for (int i = 0; i < to; i++) {
            if (spatial[i]) {
                p *= factor[i];
            }
        }
        return p;
    }

    private long[] ones() {
        long[] f = new long[dims];
        java.util.Arrays.fill(f, 1);
        return f;
    }
}
