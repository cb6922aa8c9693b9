package io.quantarch.simulator.attention;

import io.quantarch.workloads.tensor.AttentionKernel;
import io.quantarch.workloads.tensor.Ops;

import java.util.Arrays;

/**
 * SpAtten's attention (Wang, Zhang, Han, HPCA 2021) for one decoded sequence, on real Q, K, V:
 * <ul>
 * <li>Cascade token pruning (section III-A): a token's importance is the attention probability it has received,
 * summed over heads, layers and decoding steps; before layer l of step t, only the {@code ceil(keep_l (t + 1))}
 * most important tokens (the current one always among them) stay; a token pruned at layer l is gone from layer l on,
 * for all later steps.</li>
 * <li>Cascade head pruning (III-B): a head's importance is the magnitude of its outputs, accumulated likewise; pruned
 * heads output zero from that layer on.</li>
 * <li>Progressive quantization (III-D): K and V are fixed point with one scale per token and head; K's MSBs are
 * fetched first, and when the largest probability of a head's softmax is below the confidence threshold its LSBs are
 * fetched and the scores recomputed.</li>
 * </ul>
 * The top-k decisions run on {@link TopKEngine}; every byte read, MAC, exponential and top-k cycle is counted in
 * {@link AttentionCounts}. Not thread-safe: one instance per sequence.
 */
public final class SpAttenKernel implements AttentionKernel {

    private final SpAttenConfig cfg;
    private final AttentionHardware hw;
    private final int heads;
    private final int kvHeads;
    private final int hs;
    private final int kvDim;
    private final int group;
    private final float scale;
    private final AttentionCounts counts = new AttentionCounts();

    private final float[] tokenImportance;
    private final int[] tokenPrunedAt;           // first layer a token is pruned from (Integer.MAX_VALUE: never)
    private final float[] headImportance;
    private final int[] headPrunedAt;
    private final float[][] kFull;               // per layer: dequantized K (kvBits), rows as in the cache
    private final float[][] kMsb;                // per layer: K from its MSBs only (bucket midpoint)
    private final float[][] vFull;
    private final int[] quantizedRows;
    private final int kBitsFetched;
    private final int vBits;

    public SpAttenKernel(SpAttenConfig cfg, AttentionHardware hw, int layers, int heads, int kvHeads, int headSize, int seqLen) {
        if (cfg.layers() != layers) {
            throw new IllegalArgumentException("config has " + cfg.layers() + " layers, the model " + layers);
        }
        this.cfg = cfg;
        this.hw = hw;
        this.heads = heads;
        this.kvHeads = kvHeads;
        this.hs = headSize;
        this.kvDim = kvHeads * headSize;
        this.group = heads / kvHeads;
        this.scale = (float) (1.0 / Math.sqrt(headSize));
        this.tokenImportance = new float[seqLen];
        this.tokenPrunedAt = new int[seqLen];
        Arrays.fill(tokenPrunedAt, Integer.MAX_VALUE);
        this.headImportance = new float[heads];
        this.headPrunedAt = new int[heads];
        Arrays.fill(headPrunedAt, Integer.MAX_VALUE);
        boolean quant = cfg.kvBits() > 0;
        this.kFull = quant ? new float[layers][seqLen * kvDim] : null;
        this.kMsb = cfg.progressive() ? new float[layers][seqLen * kvDim] : null;
        this.vFull = quant ? new float[layers][seqLen * kvDim] : null;
        this.quantizedRows = new int[layers];
        this.kBitsFetched = quant ? (cfg.progressive() ? cfg.msbBits() : cfg.kvBits()) : 32;
        this.vBits = quant ? cfg.kvBits() : 32;
    }

    public AttentionCounts counts() {
        return counts;
    }

    /** Whether {@code token} has been pruned at {@code layer} (and so at every later one). */
    public boolean tokenPruned(int token, int layer) {
        return tokenPrunedAt[token] <= layer;
    }

    /** Whether {@code head} has been pruned at {@code layer}. */
    public boolean headPruned(int head, int layer) {
        return headPrunedAt[head] <= layer;
    }

    /** Fixed point with one scale per (token, head): {@code code = rint(x / s)}, {@code s = max|x| / (2^(b-1) - 1)}. */
    private void quantizeRow(float[] src, int off, float[] full, float[] msb) {
        int b = cfg.kvBits();
        int qmax = (1 << (b - 1)) - 1;
        for (int g = 0; g < kvHeads; g++) {
            int o = off + g * hs;
            float max = 0;
            for (int i = 0; i < hs; i++) {
                max = Math.max(max, Math.abs(src[o + i]));
            }
            float s = max / qmax;
            int shift = msb == null ? 0 : b - cfg.msbBits();
            for (int i = 0; i < hs; i++) {
                int code = s == 0 ? 0 : (int) Math.max(-qmax, Math.min(qmax, Math.rint(src[o + i] / s)));
                full[o + i] = code * s;
                if (msb != null) {
                    int top = code >> shift;                                 // the MSBs as fetched (floor)
                    msb[o + i] = ((top << shift) + (1 << (shift - 1))) * s;  // middle of the bucket they leave open
                }
            }
        }
    }

    /** Indices still alive after a pruning step, and the top-k engine's cycles that step took. */
    private record Survivors(int[] index, int count, long topKCycles) { }

    @Override
    public void attend(int layer, int pos, float[] q, int qo, float[] keys, float[] values, float[] ctx, int co) {
        quantizeNewRows(layer, pos, keys, values);
        counts.queries++;
        Survivors tokens = pruneTokens(layer, pos);
        Survivors live = pruneHeads(layer);
        int n = tokens.count();
        boolean[] kvUsed = new boolean[kvHeads];
        boolean[] kvLsb = new boolean[kvHeads];
        long macs = attendHeads(layer, q, qo, keys, values, ctx, co, tokens, live, kvUsed, kvLsb);
        counts.macs += macs;
        counts.denseKeys += (long) (pos + 1) * heads;
        long topKCycles = tokens.topKCycles() + live.topKCycles();
        long bits = countTraffic(n, pos, kvUsed, kvLsb, macs);
        counts.topKCycles += topKCycles;
        counts.decodeCycles += hw.stepCycles(bits, macs, (long) n * live.count(), topKCycles);
    }

    /** Quantizes the K/V rows written since the last call at this layer (each row once, as the cache stores it). */
    private void quantizeNewRows(int layer, int pos, float[] keys, float[] values) {
        if (kFull == null) {
            return;
        }
        for (int s = quantizedRows[layer]; s <= pos; s++) {
            quantizeRow(keys, s * kvDim, kFull[layer], kMsb == null ? null : kMsb[layer]);
            quantizeRow(values, s * kvDim, vFull[layer], null);
        }
        quantizedRows[layer] = pos + 1;
    }

    /**
     * Cascade token pruning: of the tokens still alive at this layer, outside the protected local window, the top-k
     * engine keeps the most important; the window (the current token included) always stays.
     */
    private Survivors pruneTokens(int layer, int pos) {
        int[] alive = new int[pos + 1];
        int n = 0;
        int recent = Math.max(0, pos + 1 - Math.max(1, cfg.localWindow()));   // tokens from here on are protected
        int protectedAlive = 0;
        for (int s = 0; s <= pos; s++) {
            if (tokenPrunedAt[s] > layer) {
                if (s < recent) {
                    alive[n++] = s;
                } else {
                    protectedAlive++;
                }
            }
        }
        long cycles = 0;
        int target = Math.max(protectedAlive, (int) Math.ceil(cfg.tokenKeep(layer) * (pos + 1)));
        if (n + protectedAlive > target) {
            TopKEngine.Selection sel = hw.topK().select(tokenImportance, Arrays.copyOf(alive, n), target - protectedAlive);
            cycles = sel.cycles();
            counts.topKComparisons += sel.comparisons();
            markPruned(tokenPrunedAt, alive, n, sel.kept(), layer, pos + 1);
            System.arraycopy(sel.kept(), 0, alive, 0, sel.kept().length);
            n = sel.kept().length;
        }
        for (int s = recent; s <= pos; s++) {                              // the protected window, the current token included
            if (tokenPrunedAt[s] > layer) {
                alive[n++] = s;
            }
        }
        return new Survivors(alive, n, cycles);
    }

    /** Cascade head pruning: the top-k engine keeps the heads with the largest accumulated output magnitude. */
    private Survivors pruneHeads(int layer) {
        int[] liveHeads = new int[heads];
        int nh = 0;
        for (int h = 0; h < heads; h++) {
            if (headPrunedAt[h] > layer) {
                liveHeads[nh++] = h;
            }
        }
        int headTarget = Math.max(1, (int) Math.ceil(cfg.headKeep(layer) * heads));
        if (nh <= headTarget) {
            return new Survivors(liveHeads, nh, 0);
        }
        TopKEngine.Selection sel = hw.topK().select(headImportance, Arrays.copyOf(liveHeads, nh), headTarget);
        counts.topKComparisons += sel.comparisons();
        markPruned(headPrunedAt, liveHeads, nh, sel.kept(), layer, heads);
        return new Survivors(sel.kept(), sel.kept().length, sel.cycles());
    }

    /** Marks every candidate the selection did not keep as pruned at this layer. */
    private static void markPruned(int[] prunedAt, int[] candidates, int n, int[] kept, int layer, int size) {
        boolean[] keep = new boolean[size];
        for (int k : kept) {
            keep[k] = true;
        }
        for (int i = 0; i < n; i++) {
            if (!keep[candidates[i]]) {
                prunedAt[candidates[i]] = layer;
            }
        }
    }

    /**
     * Every live head attends to the alive tokens: scores against the K MSBs first (progressive quantization), a
     * recompute with the full K when the head is not confident, then the context; importances accumulate. Returns the MACs.
     */
    private long attendHeads(int layer, float[] q, int qo, float[] keys, float[] values, float[] ctx, int co, Survivors tokens,
                             Survivors live, boolean[] kvUsed, boolean[] kvLsb) {
        float[] kFirst = kMsb != null ? kMsb[layer] : kFull != null ? kFull[layer] : keys;
        float[] kExact = kFull != null ? kFull[layer] : keys;
        float[] v = vFull != null ? vFull[layer] : values;
        int[] alive = tokens.index();
        int n = tokens.count();
        float[] att = new float[n];
        long macs = 0;
        for (int i = 0; i < live.count(); i++) {
            int h = live.index()[i];
            int g = h / group;
            kvUsed[g] = true;
            int qh = qo + h * hs;
            float maxP = scores(q, qh, kFirst, g, alive, n, att);
            macs += (long) n * hs;
            if (kMsb != null) {
                if (maxP < cfg.confidence()) {
                    scores(q, qh, kExact, g, alive, n, att);
                    macs += (long) n * hs;
                    kvLsb[g] = true;
                    counts.recomputed++;
                } else {
                    counts.confident++;
                }
            }
            context(att, alive, n, v, g, ctx, co + h * hs);
            float magnitude = 0;
            for (int d = 0; d < hs; d++) {
                magnitude += Math.abs(ctx[co + h * hs + d]);
            }
            headImportance[h] += magnitude;
            macs += (long) n * hs;
            counts.exps += n;
            counts.keysAttended += n;
            counts.headSteps++;
        }
        return macs;
    }

    /** ctx[o..o+hs) += sum_j att_j v_j over the alive tokens; each token's importance grows by its probability. */
    private void context(float[] att, int[] alive, int n, float[] v, int g, float[] ctx, int o) {
        for (int j = 0; j < n; j++) {
            float a = att[j];
            int vo = alive[j] * kvDim + g * hs;
            for (int d = 0; d < hs; d++) {
                ctx[o + d] += a * v[vo + d];
            }
            tokenImportance[alive[j]] += a;
        }
    }

    /** K/V bits this decode step fetches (decode and prefill accounting); returns the step's DRAM bits. */
    private long countTraffic(int n, int pos, boolean[] kvUsed, boolean[] kvLsb, long macs) {
        long bits = 0;
        int usedKv = 0;
        for (int g = 0; g < kvHeads; g++) {
            if (kvUsed[g]) {
                usedKv++;
                // quantized K and V rows carry one FP16 scale each per token and head (fetched with the MSBs; LSBs need none)
                long kRow = (long) hs * kBitsFetched + (kFull != null ? AttentionHardware.SCALE_BITS : 0);
                long vRow = (long) hs * vBits + (kFull != null ? AttentionHardware.SCALE_BITS : 0);
                counts.kBits += n * kRow;
                counts.vBits += n * vRow;
                bits += n * (kRow + vRow);
                if (kvLsb[g]) {
                    long lsb = (long) n * hs * (cfg.kvBits() - cfg.msbBits());
                    counts.kLsbBits += lsb;
                    bits += lsb;
                }
            }
        }
        counts.denseKvBits += (long) (pos + 1) * kvDim * 2 * 32;
        // prefill reads each new row once per layer (full precision: no second pass in a batch), dense would read every head's
        counts.prefillKvBits += (long) usedKv * (kFull != null ? 2L * (hs * cfg.kvBits() + AttentionHardware.SCALE_BITS) : 64L * hs);
        counts.prefillDenseKvBits += (long) kvDim * 64;
        counts.prefillMacs += macs;
        return bits;
    }

    /** Scaled scores of query head {@code qh} against the alive keys of kv head g, softmaxed into att; returns the largest probability. */
    private float scores(float[] q, int qh, float[] k, int g, int[] alive, int n, float[] att) {
        for (int j = 0; j < n; j++) {
            att[j] = Ops.dot(q, qh, k, alive[j] * kvDim + g * hs, hs) * scale;
        }
        Ops.softmax(att, 0, n);
        float max = 0;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, att[j]);
        }
        return max;
    }
}
