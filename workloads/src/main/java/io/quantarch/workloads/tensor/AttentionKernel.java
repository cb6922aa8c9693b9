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

    /**
     * Every query of a block: tokens at positions {@code start .. start + n - 1}, query {@code t} at
     * {@code q[t x heads x headSize ..]} and its context at the same offset of {@code ctx}; keys and values of
     * positions up to {@code start + n - 1} are in the caches. By default one {@link #attend} per query, in order
     * (what a kernel with per-sequence state must do).
     */
    default void attendAll(int layer, int start, int n, float[] q, float[] keys, float[] values, float[] ctx, int dim) {
        for (int t = 0; t < n; t++) {
            attend(layer, start + t, q, t * dim, keys, values, ctx, t * dim);
        }
    }

    /** Dense causal attention in float32, as llama2.c's run.c computes it (grouped-query heads). */
    static AttentionKernel dense(int heads, int kvHeads, int headSize) {
        return new DenseAttention(heads, kvHeads, headSize);
    }
}
