package io.quantarch.workloads.tensor;

/**
 * Reductions over keys for every query of a block at once, in key order per query, with the queries across the
 * vector lanes ({@link DenseAttention}'s block path). {@code rows[s][t]} belongs to key {@code s} and query {@code t};
 * query {@code t} sees the keys {@code s} with {@code first(s) <= t} (causal). Four keys per statement where a query
 * sees all four, key by key before that: per query the same operations in the same order as one key per loop, with a
 * quarter of the loads and stores of the accumulator.
 */
final class CausalSums {

    private CausalSums() {
    }

    /** First query of the block that key {@code s} is visible to: the query at position p sees keys 0..p. */
    static int first(int s, int blockStartPos) {
        return Math.max(0, s - blockStartPos);
    }

    /** acc[t] += rows[s][t] x w[wo + s x stride] over the visible keys s in order. */
    static void weighted(float[] acc, float[][] rows, float[] w, int wo, int stride, int keyEnd, int blockStartPos,
                         int width) {
        int s = 0;
        for (; s + 3 < keyEnd; s += 4) {
            int allFour = first(s + 3, blockStartPos);
            for (int j = 0; j < 3; j++) {
                float v = w[wo + (s + j) * stride];
                float[] r = rows[s + j];
                for (int t = first(s + j, blockStartPos); t < allFour; t++) {
                    acc[t] += r[t] * v;
                }
            }
            int o = wo + s * stride;
            add4(acc, rows[s], w[o], rows[s + 1], w[o + stride], rows[s + 2], w[o + 2 * stride], rows[s + 3],
                    w[o + 3 * stride], allFour, width);
        }
        for (; s < keyEnd; s++) {
            float v = w[wo + s * stride];
            float[] r = rows[s];
            for (int t = first(s, blockStartPos); t < width; t++) {
                acc[t] += r[t] * v;
            }
        }
    }

    private static void add4(float[] acc, float[] r0, float v0, float[] r1, float v1, float[] r2, float v2, float[] r3,
                             float v3, int from, int width) {
        for (int t = from; t < width; t++) {
            acc[t] = (((acc[t] + r0[t] * v0) + r1[t] * v1) + r2[t] * v2) + r3[t] * v3;
        }
    }

    /** max[t] = the largest of max[t] and rows[s][t] over the visible keys s (exact in any order). */
    static void max(float[] max, float[][] rows, int keyEnd, int blockStartPos, int width) {
        int s = 0;
        for (; s + 3 < keyEnd; s += 4) {
            int allFour = first(s + 3, blockStartPos);
            for (int j = 0; j < 3; j++) {
                float[] r = rows[s + j];
                for (int t = first(s + j, blockStartPos); t < allFour; t++) {
                    max[t] = Math.max(max[t], r[t]);
                }
            }
            max4(max, rows[s], rows[s + 1], rows[s + 2], rows[s + 3], allFour, width);
        }
        for (; s < keyEnd; s++) {
            float[] r = rows[s];
            for (int t = first(s, blockStartPos); t < width; t++) {
                max[t] = Math.max(max[t], r[t]);
            }
        }
    }

    private static void max4(float[] max, float[] r0, float[] r1, float[] r2, float[] r3, int from, int width) {
        for (int t = from; t < width; t++) {
            max[t] = Math.max(Math.max(Math.max(Math.max(max[t], r0[t]), r1[t]), r2[t]), r3[t]);
        }
    }
}
