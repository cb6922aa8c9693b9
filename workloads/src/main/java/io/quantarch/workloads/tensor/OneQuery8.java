package io.quantarch.workloads.tensor;

/** One query against a head of 8 dimensions, in registers: {@link DenseAttention}'s one-query path when headSize is 8. */
final class OneQuery8 {

    private OneQuery8() {
    }

    /** Scores of one head of 8 against every key: {@link Ops#dot}'s four partial sums in its order, the query in registers. */
    static void scores(float[] q, int qo, float[] keys, int kvDim, int kvo, int pos, float scale, float[] att) {
        float q0 = q[qo];
        float q1 = q[qo + 1];
        float q2 = q[qo + 2];
        float q3 = q[qo + 3];
        float q4 = q[qo + 4];
        float q5 = q[qo + 5];
        float q6 = q[qo + 6];
        float q7 = q[qo + 7];
        for (int s = 0, ko = kvo; s <= pos; s++, ko += kvDim) {
            float s0 = 0f + q0 * keys[ko];
            float s1 = 0f + q1 * keys[ko + 1];
            float s2 = 0f + q2 * keys[ko + 2];
            float s3 = 0f + q3 * keys[ko + 3];
            s0 += q4 * keys[ko + 4];
            s1 += q5 * keys[ko + 5];
            s2 += q6 * keys[ko + 6];
            s3 += q7 * keys[ko + 7];
            att[s] = ((s0 + s1) + (s2 + s3)) * scale;
        }
    }

    /**
     * The context of one head of 8 in registers: the same additions in the same order as the general loop (ctx
     * accumulates a x v over s from its current value), so the result is identical, without a store per term.
     */
    static void context(float[] att, int pos, float[] values, int kvDim, int kvo, float[] ctx, int o) {
        float c0 = ctx[o];
        float c1 = ctx[o + 1];
        float c2 = ctx[o + 2];
        float c3 = ctx[o + 3];
        float c4 = ctx[o + 4];
        float c5 = ctx[o + 5];
        float c6 = ctx[o + 6];
        float c7 = ctx[o + 7];
        for (int s = 0, vo = kvo; s <= pos; s++, vo += kvDim) {
            float a = att[s];
            c0 += a * values[vo];
            c1 += a * values[vo + 1];
            c2 += a * values[vo + 2];
            c3 += a * values[vo + 3];
            c4 += a * values[vo + 4];
            c5 += a * values[vo + 5];
            c6 += a * values[vo + 6];
            c7 += a * values[vo + 7];
        }
        ctx[o] = c0;
        ctx[o + 1] = c1;
        ctx[o + 2] = c2;
        ctx[o + 3] = c3;
        ctx[o + 4] = c4;
        ctx[o + 5] = c5;
        ctx[o + 6] = c6;
        ctx[o + 7] = c7;
    }
}
