package io.quantarch.simulator.attention;

/**
 * SpAtten's top-k engine (Wang, Zhang, Han, HPCA 2021, section IV-B: a quick-select pipeline whose partition step
 * compares {@code comparators} candidates with the pivot per cycle), functionally and in cycles.
 *
 * <p>Order: larger score first; equal scores by smaller position first (a strict total order, so the result is
 * defined for every input, all-equal scores included). The pivot of a range is its middle element.
 *
 * <p>Cycles: each partition pass over {@code m} candidates takes {@code ceil(m / comparators) + pipelineDepth};
 * passes repeat on the side that holds the k-th element until it is found.
 */
public final class TopKEngine {

    /** The selected positions (ascending) and the cycles the engine spent. */
    public record Selection(int[] kept, long cycles, int passes, long comparisons) { }

    private final int comparators;
    private final int pipelineDepth;

    public TopKEngine(int comparators, int pipelineDepth) {
        if (comparators < 1 || pipelineDepth < 0) {
            throw new IllegalArgumentException("top-k engine needs at least one comparator and a non-negative pipeline depth");
        }
        this.comparators = comparators;
        this.pipelineDepth = pipelineDepth;
    }

    public int comparators() {
        return comparators;
    }

    public int pipelineDepth() {
        return pipelineDepth;
    }

    /** True when candidate a ranks before b. */
    static boolean before(float[] score, int a, int b) {
        int c = Float.compare(score[a], score[b]);
        return c > 0 || c == 0 && a < b;
    }

    /** The {@code k} best of {@code candidates} (positions into {@code score}); all of them when k >= their number. */
    public Selection select(float[] score, int[] candidates, int k) {
        int n = candidates.length;
        if (k >= n) {
            int[] all = candidates.clone();
            java.util.Arrays.sort(all);
            return new Selection(all, 0, 0, 0);
        }
        if (k <= 0) {
            return new Selection(new int[0], 0, 0, 0);
        }
        int[] a = candidates.clone();
        int lo = 0;
        int hi = n;                  // invariant: the k-th best is at a[k - 1] once [lo, hi) is ordered; lo <= k - 1 < hi
        long cycles = 0;
        int passes = 0;
        long comparisons = 0;
        while (true) {
            int m = hi - lo;
            int pivot = a[lo + m / 2];
            cycles += (m + comparators - 1) / comparators + pipelineDepth;
            passes++;
            comparisons += m - 1;
            // stable split of [lo, hi): better than the pivot, the pivot, worse
            int[] src = java.util.Arrays.copyOfRange(a, lo, hi);
            int w = lo;
            for (int x : src) {
                if (x != pivot && before(score, x, pivot)) {
                    a[w++] = x;
                }
            }
            int pivotAt = w;
            a[w++] = pivot;
            for (int x : src) {
                if (x != pivot && !before(score, x, pivot)) {
                    a[w++] = x;
                }
            }
            if (pivotAt == k - 1) {
                break;
            } else if (pivotAt > k - 1) {
                hi = pivotAt;
            } else {
                lo = pivotAt + 1;
            }
        }
        int[] kept = java.util.Arrays.copyOf(a, k);
        java.util.Arrays.sort(kept);
        return new Selection(kept, cycles, passes, comparisons);
    }
}
