package io.quantarch.simulator.attention;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The top-k engine stepped clock by clock, as hardware runs it: a candidate buffer streams {@code comparators}
 * entries per cycle into the comparator array; each comparison travels {@code pipelineDepth} register stages before
 * it lands in the "better" or "worse" buffer; when the buffer is empty and the pipeline has drained, the controller
 * knows where the pivot falls and starts the next pass on the side holding the k-th element. The reference for
 * {@link TopKEngine}'s analytic cycle count, and a second functional implementation.
 */
public final class TopKCycleModel {

    private TopKCycleModel() {
    }

    /** One pass's outcome: the candidates on each side of the pivot, the cycles and comparisons it took. */
    private record Pass(int[] better, int nb, int[] worse, int nw, long cycles, long comparisons) { }

    public static TopKEngine.Selection run(TopKEngine engine, float[] score, int[] candidates, int k) {
        int n = candidates.length;
        if (k >= n) {
            int[] all = candidates.clone();
            Arrays.sort(all);
            return new TopKEngine.Selection(all, 0, 0, 0);
        }
        if (k <= 0) {
            return new TopKEngine.Selection(new int[0], 0, 0, 0);
        }
        int[] range = candidates.clone();       // the current pass's candidates, in buffer order
        int keptBefore = 0;                     // candidates already known to be in the top k
        int[] keptSoFar = new int[k];
        long cycle = 0;
        int passes = 0;
        long comparisons = 0;
        while (true) {
            int pivot = range[range.length / 2];
            passes++;
            Pass pass = pass(engine, score, range, pivot);
            cycle += pass.cycles();
            comparisons += pass.comparisons();
            int nb = pass.nb();
            int pivotRank = keptBefore + nb;            // 0-based rank of the pivot overall
            if (pivotRank == k - 1) {
                System.arraycopy(pass.better(), 0, keptSoFar, keptBefore, nb);
                keptSoFar[k - 1] = pivot;
                break;
            } else if (pivotRank > k - 1) {
                range = Arrays.copyOf(pass.better(), nb);
            } else {
                System.arraycopy(pass.better(), 0, keptSoFar, keptBefore, nb);
                keptSoFar[keptBefore + nb] = pivot;
                keptBefore += nb + 1;
                range = Arrays.copyOf(pass.worse(), pass.nw());
            }
        }
        Arrays.sort(keptSoFar);
        return new TopKEngine.Selection(keptSoFar, cycle, passes, comparisons);
    }

    /** One pass over {@code range}, clock by clock: {@code comparators} issued per cycle, each landing {@code pipelineDepth} later. */
    private static Pass pass(TopKEngine engine, float[] score, int[] range, int pivot) {
        int p = engine.comparators();
        int depth = engine.pipelineDepth();
        int[] better = new int[range.length];
        int[] worse = new int[range.length];
        int nb = 0;
        int nw = 0;
        int read = 0;
        long cycle = 0;
        long comparisons = 0;
        ArrayDeque<int[]> pipe = new ArrayDeque<>();   // per stage: the comparisons issued that cycle
        boolean pivotSeen = false;
        while (read < range.length || !pipe.isEmpty()) {
            cycle++;
            int issue = Math.min(p, range.length - read);
            int[] stage = Arrays.copyOfRange(range, read, read + issue);
            read += issue;
            pipe.addLast(stage);
            if (pipe.size() > depth) {                 // the oldest stage leaves the pipeline this cycle
                for (int x : pipe.removeFirst()) {
                    if (x == pivot) {
                        pivotSeen = true;
                        continue;
                    }
                    comparisons++;
                    if (TopKEngine.before(score, x, pivot)) {
                        better[nb++] = x;
                    } else {
                        worse[nw++] = x;
                    }
                }
            }
            if (read == range.length && issue == 0 && pipe.size() <= depth) {
                // nothing left to issue: keep clocking until the registers drain
                while (!pipe.isEmpty() && pipe.peekFirst().length == 0) {
                    pipe.removeFirst();
                }
            }
        }
        if (!pivotSeen) {
            throw new IllegalStateException("pivot lost in the pipeline");
        }
        return new Pass(better, nb, worse, nw, cycle, comparisons);
    }
}
