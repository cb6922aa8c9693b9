package io.quantarch.workloads.layer;

import java.util.List;

/**
 * The score and context products of multi-head attention (projections are separate {@link Gemm}s):
 * per batch element and query head, {@code S = Q K^T} ({@code queryLen x kvLen x headDim}) and
 * {@code O = softmax(S) V} ({@code queryLen x headDim x kvLen}). Grouped-query attention shares each
 * of {@code kvHeads} key/value heads among {@code heads / kvHeads} query heads. For decode,
 * {@code queryLen = 1} and {@code kvLen} = cached tokens + 1. Dense hardware computes the whole score
 * matrix even when causal; {@link #causalMacs()} counts only the unmasked part.
 */
public record Attention(String name, int batch, int heads, int kvHeads, int queryLen, int kvLen, int headDim,
                        boolean causal) implements Layer {

    public Attention {
        if (batch < 1 || heads < 1 || kvHeads < 1 || queryLen < 1 || kvLen < 1 || headDim < 1 || heads % kvHeads != 0) {
            throw new IllegalArgumentException(name + ": invalid attention shape");
        }
    }

    @Override
    public long macs() {
        return 2L * batch * heads * queryLen * kvLen * headDim;
    }

    /** MACs of the unmasked score entries only (query i sees kvLen - queryLen + i + 1 keys). */
    public long causalMacs() {
        if (!causal) {
            return macs();
        }
        long seen = 0;
        for (int i = 0; i < queryLen; i++) {
            seen += Math.min(kvLen, kvLen - queryLen + i + 1);
        }
        return 2L * batch * heads * seen * headDim;
    }

    @Override
    public long parameters() {
        return 0;
    }

    /** Q, K and V elements read. */
    @Override
    public long inputElements() {
        return (long) batch * headDim * ((long) heads * queryLen + 2L * kvHeads * kvLen);
    }

    @Override
    public long outputElements() {
        return (long) batch * heads * queryLen * headDim;
    }

    /** K and V cache elements (what a decode step streams from memory). */
    public long kvCacheElements() {
        return 2L * batch * kvHeads * kvLen * headDim;
    }

    @Override
    public long vectorOps() {
        return 5L * batch * heads * queryLen * kvLen;     // scale, max, exp, sum, divide per score
    }

    @Override
    public List<GemmOp> gemms() {
        long repeat = (long) batch * heads;
        return List.of(new GemmOp(name + ".qk", queryLen, kvLen, headDim, repeat, OperandKind.ACTIVATION),
                new GemmOp(name + ".av", queryLen, headDim, kvLen, repeat, OperandKind.ACTIVATION));
    }
}
