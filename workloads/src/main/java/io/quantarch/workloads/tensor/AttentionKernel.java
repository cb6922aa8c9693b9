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
        return (layer, pos, q, qo, keys, values, ctx, co) -> {
            float[] att = new float[pos + 1];
            for (int head = 0; head < heads; head++) {
                int kvo = (head / group) * headSize;
                for (int s = 0; s <= pos; s++) {
                    att[s] = Ops.dot(q, qo + head * headSize, keys, s * kvDim + kvo, headSize) * scale;
                }
                Ops.softmax(att, 0, pos + 1);
                int o = co + head * headSize;
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
}
