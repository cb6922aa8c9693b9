package io.quantarch.simulator;

import java.util.Locale;

/**
 * How the array runs an attention layer's two products.
 * <ul>
 * <li>{@link #UNFUSED}: {@code S = Q K^T} and {@code O = softmax(S) V} are separate GEMMs: the score matrix goes to DRAM
 * and comes back as the second GEMM's input (SCALE-Sim's view of a layer; the default under {@code compat: scalesim}).</li>
 * <li>{@link #FUSED}: FlashAttention-style tiling (Dao et al., NeurIPS 2022, Algorithm 1): a tile of query rows stays on
 * chip while tiles of K and V stream past; its scores and their online softmax live in the output buffer and never
 * reach DRAM. DRAM moves Q and O once and K, V once per query tile (once in all when a head's K and V fit the filter
 * buffer). The default under {@code compat: none}; where the buffers cannot hold even one tile the layer runs unfused
 * ({@link FusedAttention#tiling}).</li>
 * </ul>
 */
public enum AttentionMapping {
    FUSED, UNFUSED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AttentionMapping parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    /** The default for an accounting model: SCALE-Sim runs layers as separate GEMMs. */
    public static AttentionMapping defaultFor(Compat c) {
        return c == Compat.SCALESIM ? UNFUSED : FUSED;
    }
}
