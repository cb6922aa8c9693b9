package io.quantarch.simulator.attention;

import io.quantarch.workloads.tensor.AttentionKernel;
import io.quantarch.workloads.tensor.Ops;

/**
 * PARO-style block-sparse quantized attention for one window (see {@link BlockSparseConfig}): query {@code pos} of a
 * head computes scores only against the keys {@code s <= pos} whose key block its query block keeps in the head's
 * static {@link BlockSparseMask} (and always against itself, so a row is never empty); Q, K, V are symmetric integers
 * with one scale per token and head; the softmaxed attention map is quantized to unsigned integers with one scale per
 * (query, key block), where the reordering makes values within a block alike (PARO §3.2). Queries arrive in order;
 * each query block is one tile of the array's schedule. Not thread-safe: one instance per window.
 */
public final class BlockSparseKernel implements AttentionKernel {

    private final BlockSparseConfig cfg;
    private final AttentionHardware hw;
    private final BlockSparseMask[][] masks;          // [layer][head]
    private final int[][][][] positions;              // [layer][head][key block] -> positions
    private final int heads;
    private final int hs;
    private final int kvDim;
    private final int kvHeads;
    private final int group;
    private final int seqLen;
    private final float scale;
    private final float[][] kq;                       // per layer: K as the array sees it (quantized or not)
    private final float[][] vq;
    private final int[] quantizedRows;
    private final BlockSparseCounts counts;

    public BlockSparseKernel(BlockSparseConfig cfg, AttentionHardware hw, BlockSparseMask[][] masks, int heads, int kvHeads,
                             int headSize, int seqLen) {
        this.cfg = cfg;
        this.hw = hw;
        this.masks = masks;
        this.heads = heads;
        this.hs = headSize;
        this.kvHeads = kvHeads;
        this.kvDim = kvHeads * headSize;
        this.group = heads / kvHeads;
        this.seqLen = seqLen;
        this.scale = (float) (1.0 / Math.sqrt(headSize));
        int layers = masks.length;
        this.positions = new int[layers][heads][][];
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                positions[l][h] = masks[l][h].positionsByBlock();
            }
        }
        this.kq = new float[layers][seqLen * kvDim];
        this.vq = new float[layers][seqLen * kvDim];
        this.quantizedRows = new int[layers];
        this.counts = new BlockSparseCounts(layers);
    }

    /** The counts so far; {@link #finish()} first to price the last tile of every layer. */
    public BlockSparseCounts counts() {
        return counts;
    }

    public void finish() {
        for (int l = 0; l < masks.length; l++) {
            counts.closeTile(l, hw);
        }
    }

    /** Symmetric {@code bits}-bit integers with one scale for {@code src[off .. off + n)}; 0 bits copies. */
    static void quantize(float[] src, int off, int n, int bits, float[] dst, int dOff) {
        if (bits == 0) {
            System.arraycopy(src, off, dst, dOff, n);
            return;
        }
        int qmax = (1 << (bits - 1)) - 1;
        float max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs(src[off + i]));
        }
        float s = max / qmax;
        for (int i = 0; i < n; i++) {
            dst[dOff + i] = s == 0 ? 0 : (float) (Math.max(-qmax, Math.min(qmax, Math.rint(src[off + i] / s))) * s);
        }
    }

    @Override
    public void attend(int layer, int pos, float[] q, int qo, float[] keys, float[] values, float[] ctx, int co) {
        for (int s = quantizedRows[layer]; s <= pos; s++) {
            for (int g = 0; g < kvHeads; g++) {
                quantize(keys, s * kvDim + g * hs, hs, cfg.qkBits(), kq[layer], s * kvDim + g * hs);
                quantize(values, s * kvDim + g * hs, hs, cfg.vBits(), vq[layer], s * kvDim + g * hs);
            }
        }
        quantizedRows[layer] = Math.max(quantizedRows[layer], pos + 1);
        int b = cfg.blockSize();
        int qb = pos / b;
        if (pos % b == 0) {
            counts.closeTile(layer, hw);
            fetchTile(layer, qb);
        }
        counts.queries++;
        float[] qh = new float[hs];
        float[] att = new float[pos + 1];
        int[] keysOf = new int[pos + 1];
        long macs = 0;
        long exps = 0;
        for (int h = 0; h < heads; h++) {
            BlockSparseMask mask = masks[layer][h];
            int g = h / group;
            quantize(q, qo + h * hs, hs, cfg.qkBits(), qh, 0);
            int n = 0;
            for (int s = 0; s <= pos; s++) {
                if (s == pos || mask.attends(pos, s)) {
                    keysOf[n++] = s;
                }
            }
            for (int j = 0; j < n; j++) {
                att[j] = Ops.dot(qh, 0, kq[layer], keysOf[j] * kvDim + g * hs, hs) * scale;
            }
            Ops.softmax(att, 0, n);
            if (cfg.pBits() > 0) {
                quantizeMap(att, keysOf, n, mask);
            }
            int o = co + h * hs;
            float[] v = vq[layer];
            for (int j = 0; j < n; j++) {
                float a = att[j];
                int vo = keysOf[j] * kvDim + g * hs;
                for (int d = 0; d < hs; d++) {
                    ctx[o + d] += a * v[vo + d];
                }
            }
            counts.keysAttended += n;
            counts.denseKeys += pos + 1;
            macs += 2L * n * hs;
            exps += n;
        }
        counts.addWork(layer, macs, exps);
    }

    /** Unsigned {@code pBits} integers with one scale per key block of this query row: {@code s = max / (2^b - 1)}. */
    private void quantizeMap(float[] att, int[] keysOf, int n, BlockSparseMask mask) {
        int levels = (1 << cfg.pBits()) - 1;
        int blocks = (seqLen + cfg.blockSize() - 1) / cfg.blockSize();
        float[] max = new float[blocks];
        for (int j = 0; j < n; j++) {
            int kb = mask.blockOf()[keysOf[j]];
            max[kb] = Math.max(max[kb], att[j]);
        }
        for (int j = 0; j < n; j++) {
            float s = max[mask.blockOf()[keysOf[j]]] / levels;
            att[j] = s == 0 ? 0 : (float) (Math.rint(att[j] / s) * s);
        }
    }

    /** K/V the tile of query block qb streams: each kv head's kept key blocks (union over the heads sharing it), causal part. */
    private void fetchTile(int layer, int qb) {
        int last = Math.min(seqLen - 1, (qb + 1) * cfg.blockSize() - 1);
        // bits of one token's K and V of one head, each quantized one with its FP16 scale (the scale travels with the codes)
        long kRow = cfg.qkBits() == 0 ? 32L * hs : (long) cfg.qkBits() * hs + AttentionHardware.SCALE_BITS;
        long vRow = cfg.vBits() == 0 ? 32L * hs : (long) cfg.vBits() * hs + AttentionHardware.SCALE_BITS;
        int blocks = positions[layer][0].length;
        long bits = 0;
        for (int g = 0; g < kvHeads; g++) {
            for (int kb = 0; kb < blocks; kb++) {
                for (int h = g * group; h < (g + 1) * group; h++) {
                    if (masks[layer][h].keep()[qb][kb]) {
                        // heads of a group share K/V and its permutation: a block any of them keeps is read once
                        bits += (long) causalCount(positions[layer][h][kb], last) * (kRow + vRow);
                        break;
                    }
                }
            }
            counts.denseKvBits += (long) (last + 1) * hs * 64;
        }
        counts.addTile(layer, bits);
    }

    private static int causalCount(int[] sortedPositions, int last) {
        int n = 0;
        for (int s : sortedPositions) {
            if (s > last) {
                break;
            }
            n++;
        }
        return n;
    }
}
