package io.quantarch.search.moea;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hypervolume and non-dominated sorting against brute-force definitions. */
class IndicatorProperties {

    static double[][] points(long seed, int n, int m, boolean grid) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] p = new double[n][m];
        for (double[] x : p) {
            for (int i = 0; i < m; i++) {
                x[i] = grid ? r.nextInt(5) / 5.0 : r.nextDouble() * 1.2;       // ties and points beyond the reference too
            }
        }
        return p;
    }

    /** Inclusion-exclusion over every subset of boxes [p, ref]: exact for any dimension, exponential in n. */
    static double inclusionExclusion(double[][] pts, double[] ref) {
        int n = pts.length;
        double total = 0;
        for (int mask = 1; mask < (1 << n); mask++) {
            double vol = 1;
            for (int i = 0; i < ref.length && vol > 0; i++) {
                double lo = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    if ((mask & (1 << j)) != 0) {
                        lo = Math.max(lo, pts[j][i]);
                    }
                }
                vol *= Math.max(0, ref[i] - lo);
            }
            total += (Integer.bitCount(mask) % 2 == 1 ? 1 : -1) * vol;
        }
        return total;
    }

    @Property(tries = 300)
    void exactHypervolumeEqualsInclusionExclusion(@ForAll long seed, @ForAll @IntRange(min = 1, max = 10) int n,
                                                  @ForAll @IntRange(min = 2, max = 3) int m, @ForAll boolean grid) {
        double[][] p = points(seed, n, m, grid);
        double[] ref = new double[m];
        Arrays.fill(ref, 1.0);
        assertEquals(inclusionExclusion(p, ref), Hypervolume.of(p, ref), 1e-12);
    }

    @Property(tries = 20)
    void monteCarloHypervolumeIsWithinItsSamplingError(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int n) {
        double[][] p = points(seed, n, 4, false);
        double[] ref = {1, 1, 1, 1};
        assertEquals(inclusionExclusion(p, ref), Hypervolume.of(p, ref), 0.01);
    }

    @Property(tries = 300)
    void ranksAreTheFrontsPeeledOneByOne(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n,
                                         @ForAll @IntRange(min = 2, max = 4) int m, @ForAll boolean grid) {
        double[][] p = points(seed, n, m, grid);
        int[] expected = new int[n];
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            left.add(i);
        }
        for (int front = 0; !left.isEmpty(); front++) {
            List<Integer> nd = new ArrayList<>();
            for (int i : left) {
                boolean dominated = false;
                for (int j : left) {
                    boolean leq = true;
                    boolean lt = false;
                    for (int k = 0; k < m; k++) {
                        leq &= p[j][k] <= p[i][k];
                        lt |= p[j][k] < p[i][k];
                    }
                    dominated |= leq && lt;
                }
                if (!dominated) {
                    nd.add(i);
                }
            }
            for (int i : nd) {
                expected[i] = front;
            }
            left.removeAll(nd);
        }
        assertArrayEquals(expected, Fronts.rank(p));
    }
}
