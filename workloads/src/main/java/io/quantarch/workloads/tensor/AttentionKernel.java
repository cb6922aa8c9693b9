package io.quantarch.workloads.tensor;

/**
 * The attention core of one decoder layer for one query token: scores against the cached keys, softmax, weighted sum
 * of the cached values, for every head. The dense float32 kernel is the reference; a hardware model (token/head
 * pruning, quantized or progressive K fetch) implements the same call on its own arithmetic and keeps its own state
 * for the sequence (one instance per sequence, never shared between threads).
 */
public interface AttentionKernel {

    /**
     * Writes the context of query token {@code pos} of layer {@code layer} to {@code ctx[co .. co + heads x headSize)}.
     *
     * @param q      the query, all heads, at {@code q[qo ..]}
     * @param keys   the layer's key cache, row {@code s} at {@code s x kvDim}, rows 0..pos valid
     * @param values the layer's value cache, same layout
     */
    void attend(int layer, int pos, float[] q, int qo, float[] keys, float[] values, float[] ctx, int co);

    /** Dense causal attention in float32, as llama2.c's run.c computes it (grouped-query heads). */
    static AttentionKernel dense(int heads, int kvHeads, int headSize) {
        int kvDim = kvHeads * headSize;
        int group = heads / kvHeads;
        float scale = (float) (1.0 / Math.sqrt(headSize));
        float[][] buffer = {new float[0]};                         // one kernel per sequence: reused across tokens
        return (layer, pos, q, qo, keys, values, ctx, co) -> {
            if (buffer[0].length < pos + 1) {
                buffer[0] = new float[Math.max(pos + 1, 2 * buffer[0].length)];
            }
            float[] att = buffer[0];
            for (int head = 0; head < heads; head++) {
                int kvo = (head / group) * headSize;
                if (headSize == 8) {
                    scores8(q, qo + head * headSize, keys, kvDim, kvo, pos, scale, att);
                } else {
                    for (int s = 0; s <= pos; s++) {
                        att[s] = Ops.dot(q, qo + head * headSize, keys, s * kvDim + kvo, headSize) * scale;
                    }
                }
                Ops.softmax(att, 0, pos + 1);
                int o = co + head * headSize;
                if (headSize == 8) {
                    weightedSum8(att, pos, values, kvDim, kvo, ctx, o);
                    continue;
                }
                for (int s = 0; s <= pos; s++) {
                    float a = att[s];
                    int vo = s * kvDim + kvo;
                    for (int i = 0; i < headSize; i++) {
                        ctx[o + i] += a * values[vo + i];
                    }
                }
            }
        };
    }

    /** Scores of one head of 8 against every key: {@link Ops#dot}'s four partial sums in its order, the query in registers. */
    private static void scores8(float[] q, int qo, float[] keys, int kvDim, int kvo, int pos, float scale, float[] att) {
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
    private static void weightedSum8(float[] att, int pos, float[] values, int kvDim, int kvo, float[] ctx, int o) {
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
