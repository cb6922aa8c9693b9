package io.quantarch.simulator.attention;

import java.util.Locale;

/**
 * PARO-style block-sparse quantized attention (Zhao et al., "PAROAttention: Pattern-Aware ReOrdering for Efficient
 * Sparse and Quantized Attention", 2025): keys are grouped into blocks of {@code blockSize} positions, a static mask
 * calibrated offline keeps the {@code density} fraction of each query block's causal key blocks, an optional per-head
 * token reordering makes the pattern block-wise first, and Q/K, the attention map P and V run in low-bit integers.
 *
 * @param blockSize positions per block, for queries and keys
 * @param density   fraction of a query block's causal key blocks kept (1 = dense)
 * @param reorder   whether each head may permute key positions (chosen per head on calibration, as PARO chooses among
 *                  permutations); without it blocks are runs of consecutive positions
 * @param qkBits    Q and K symmetric integer width, one scale per token and head; 0 keeps float32
 * @param pBits     attention-map width, unsigned, one scale per (query, head, key block); 0 keeps float32
 * @param vBits     V symmetric integer width, one scale per token and head; 0 keeps float32
 */
public record BlockSparseConfig(int blockSize, double density, boolean reorder, int qkBits, int pBits, int vBits) {

    public BlockSparseConfig {
        if (blockSize < 1 || blockSize > 512) {
            throw new IllegalArgumentException("block size 1..512, got " + blockSize);
        }
        if (!(density > 0 && density <= 1)) {
            throw new IllegalArgumentException("density must be in (0, 1], got " + density);
        }
        for (int b : new int[] {qkBits, pBits, vBits}) {
            if (b != 0 && (b < 2 || b > 16)) {
                throw new IllegalArgumentException("attention widths are 2..16 bits or 0 (float32), got " + b);
            }
        }
    }

    /** Dense float32 attention: the baseline. */
    public static BlockSparseConfig dense(int blockSize) {
        return new BlockSparseConfig(blockSize, 1, false, 0, 0, 0);
    }

    public String label() {
        return String.format(Locale.ROOT, "density %.2f%s, QK %s, P %s, V %s", density, reorder ? " reordered" : "",
                width(qkBits), width(pBits), width(vBits));
    }

    private static String width(int bits) {
        return bits == 0 ? "fp32" : "int" + bits;
    }
}
