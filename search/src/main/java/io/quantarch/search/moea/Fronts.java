package io.quantarch.search.moea;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pareto dominance on objective vectors that are all minimised: fast non-dominated sorting and the crowding
 * distance of Deb et al. (NSGA-II, IEEE TEC 6(2), 2002, Sections III-A and III-B), computed within each front.
 */
public final class Fronts {

    private Fronts() {
    }

    /** -1 when {@code a} dominates {@code b}, 1 when {@code b} dominates {@code a}, else 0 (all objectives minimised). */
    public static int dominance(double[] a, double[] b) {
        boolean aBetter = false;
        boolean bBetter = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] < b[i]) {
                aBetter = true;
            } else if (b[i] < a[i]) {
                bBetter = true;
            }
            if (aBetter && bBetter) {
                return 0;
            }
        }
        return aBetter ? -1 : bBetter ? 1 : 0;
    }

    /** Front index of every point (0 = non-dominated), by Deb's fast non-dominated sort, O(M N^2). */
    public static int[] rank(double[][] f) {
        int n = f.length;
        int[] dominatedBy = new int[n];
        List<List<Integer>> dominates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            dominates.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int d = dominance(f[i], f[j]);
                if (d < 0) {
                    dominates.get(i).add(j);
                    dominatedBy[j]++;
                } else if (d > 0) {
                    dominates.get(j).add(i);
                    dominatedBy[i]++;
                }
            }
        }
        int[] rank = new int[n];
        Arrays.fill(rank, -1);
        List<Integer> current = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (dominatedBy[i] == 0) {
                rank[i] = 0;
                current.add(i);
            }
        }
        int r = 0;
        while (!current.isEmpty()) {
            List<Integer> next = new ArrayList<>();
            for (int i : current) {
                for (int j : dominates.get(i)) {
                    if (--dominatedBy[j] == 0) {
                        rank[j] = r + 1;
                        next.add(j);
                    }
                }
            }
            current = next;
            r++;
        }
        return rank;
    }

    /**
     * Crowding distance of each point of {@code members} (indices into {@code f}, one front): per objective,
     * the boundary points get infinity and the others the normalised gap between their neighbours.
     */
    public static double[] crowding(double[][] f, int[] members) {
        int n = members.length;
        double[] d = new double[n];
        if (n == 0) {
            return d;
        }
        int m = f[members[0]].length;
        Integer[] order = new Integer[n];
        for (int obj = 0; obj < m; obj++) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            final int o = obj;
            // ties broken by index so the result does not depend on the sort's stability
            Arrays.sort(order, (x, y) -> {
                int c = Double.compare(f[members[x]][o], f[members[y]][o]);
                return c != 0 ? c : Integer.compare(x, y);
            });
            double lo = f[members[order[0]]][o];
            double hi = f[members[order[n - 1]]][o];
            d[order[0]] = Double.POSITIVE_INFINITY;
            d[order[n - 1]] = Double.POSITIVE_INFINITY;
            if (hi > lo) {
                for (int i = 1; i < n - 1; i++) {
                    d[order[i]] += (f[members[order[i + 1]]][o] - f[members[order[i - 1]]][o]) / (hi - lo);
                }
            }
        }
        return d;
    }

    /** Crowding distance of every point, computed within its own front. */
    public static double[] crowdingByFront(double[][] f, int[] rank) {
        double[] out = new double[f.length];
        int maxRank = Arrays.stream(rank).max().orElse(-1);
        for (int r = 0; r <= maxRank; r++) {
            final int rr = r;
            int[] members = java.util.stream.IntStream.range(0, f.length).filter(i -> rank[i] == rr).toArray();
            double[] c = crowding(f, members);
            for (int i = 0; i < members.length; i++) {
                out[members[i]] = c[i];
            }
        }
        return out;
    }

    /** Indices of the non-dominated points (duplicates kept once, the first). */
    public static int[] nonDominated(double[][] f) {
        List<Integer> out = new ArrayList<>();
        outer:
        for (int i = 0; i < f.length; i++) {
            for (int j = 0; j < f.length; j++) {
                if (j != i && (dominance(f[j], f[i]) < 0 || j < i && Arrays.equals(f[j], f[i]))) {
                    continue outer;
                }
            }
            out.add(i);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
