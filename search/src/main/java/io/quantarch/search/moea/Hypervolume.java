package io.quantarch.search.moea;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hypervolume of a set of minimised objective vectors against a reference point: the measure of the region
 * they dominate inside the box bounded by the reference. Exact for two objectives (a sweep) and three (slices
 * along the third objective, each a two-objective sweep); Monte Carlo with a fixed seed above three.
 * Points that do not strictly dominate the reference contribute nothing.
 */
public final class Hypervolume {

    /** Samples of the Monte Carlo estimate for four or more objectives. */
    public static final int MONTE_CARLO_SAMPLES = 200_000;

    private Hypervolume() {
    }

    public static double of(double[][] points, double[] ref) {
        List<double[]> in = new ArrayList<>();
        for (double[] p : points) {
            boolean inside = true;
            for (int i = 0; i < ref.length; i++) {
                inside &= p[i] < ref[i];
            }
            if (inside) {
                in.add(p);
            }
        }
        if (in.isEmpty()) {
            return 0;
        }
        return switch (ref.length) {
            case 1 -> ref[0] - in.stream().mapToDouble(p -> p[0]).min().orElseThrow();
            case 2 -> twoD(in, ref[0], ref[1]);
            case 3 -> threeD(in, ref);
            default -> monteCarlo(in, ref, 1L);   // open: the number of objectives
        };
    }

    static double twoD(List<double[]> pts, double r0, double r1) {
        double[][] s = pts.toArray(double[][]::new);
        Arrays.sort(s, Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        double area = 0;
        double yMin = r1;
        for (double[] p : s) {
            if (p[1] < yMin) {
                area += (r0 - p[0]) * (yMin - p[1]);
                yMin = p[1];
            }
        }
        return area;
    }

    static double threeD(List<double[]> pts, double[] ref) {
        double[][] s = pts.toArray(double[][]::new);
        Arrays.sort(s, Comparator.comparingDouble(p -> p[2]));
        double vol = 0;
        List<double[]> below = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            below.add(s[i]);
            double next = i + 1 < s.length ? s[i + 1][2] : ref[2];
            if (next > s[i][2]) {
                vol += twoD(below, ref[0], ref[1]) * (next - s[i][2]);
            }
        }
        return vol;
    }

    static double monteCarlo(List<double[]> pts, double[] ref, long seed) {
        int m = ref.length;
        double[] lo = ref.clone();
        for (double[] p : pts) {
            for (int i = 0; i < m; i++) {
                lo[i] = Math.min(lo[i], p[i]);
            }
        }
        double box = 1;
        for (int i = 0; i < m; i++) {
            box *= ref[i] - lo[i];
        }
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[m];
        int hits = 0;
        for (int s = 0; s < MONTE_CARLO_SAMPLES; s++) {
            for (int i = 0; i < m; i++) {
                x[i] = lo[i] + r.nextDouble() * (ref[i] - lo[i]);
            }
            for (double[] p : pts) {
                boolean dom = true;
                for (int i = 0; i < m && dom; i++) {
                    dom = p[i] <= x[i];
                }
                if (dom) {
                    hits++;
                    break;
                }
            }
        }
        return box * hits / MONTE_CARLO_SAMPLES;
    }

    /** Inverted generational distance: mean distance from each point of {@code truth} to its nearest point of {@code found}. */
    public static double igd(double[][] found, double[][] truth) {
        double sum = 0;
        for (double[] t : truth) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] f : found) {
                double d = 0;
                for (int i = 0; i < t.length; i++) {
                    d += (t[i] - f[i]) * (t[i] - f[i]);
                }
                best = Math.min(best, d);
            }
            sum += Math.sqrt(best);
        }
        return sum / truth.length;
    }
}
