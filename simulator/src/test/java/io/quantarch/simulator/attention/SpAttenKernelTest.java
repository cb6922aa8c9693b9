package io.quantarch.simulator.attention;

import io.quantarch.workloads.model.LlamaCheckpoint;
import io.quantarch.workloads.model.LlamaModel;
import io.quantarch.workloads.model.Stories260k;
import io.quantarch.workloads.tensor.ActivationObserver;
import io.quantarch.workloads.tensor.AttentionKernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SpAtten's pruning and progressive quantization against a direct computation, and its dense setting against the model's own attention. */
class SpAttenKernelTest {

    static final int LAYERS = 3;
    static final int HEADS = 4;
    static final int KV_HEADS = 2;
    static final int HS = 4;
    static final int KV_DIM = KV_HEADS * HS;
    static final int SEQ = 48;

    /**
     * The rules written out directly: cumulative importance, keep the best {@code ceil(r (t + 1))} by (importance desc,
     * position asc) among tokens older than the local window, heads likewise, MSB-first scores with a recompute when the
     * largest probability is below the threshold. Sorting instead of the top-k engine; plain loops instead of counters.
     */
    static final class Direct {
        final SpAttenConfig cfg;
        final float[] imp = new float[SEQ];
        final int[] prunedAt = new int[SEQ];
        final float[] headImp = new float[HEADS];
        final int[] headPrunedAt = new int[HEADS];
        int recomputed;

        Direct(SpAttenConfig cfg) {
            this.cfg = cfg;
            Arrays.fill(prunedAt, Integer.MAX_VALUE);
            Arrays.fill(headPrunedAt, Integer.MAX_VALUE);
        }

        static float[] fixedPoint(float[] x, int off, int bits, int msb) {
            float[] out = new float[HS];
            int qmax = (1 << (bits - 1)) - 1;
            float max = 0;
            for (int i = 0; i < HS; i++) {
                max = Math.max(max, Math.abs(x[off + i]));
            }
            float s = max / qmax;
            for (int i = 0; i < HS; i++) {
                int code = s == 0 ? 0 : (int) Math.max(-qmax, Math.min(qmax, Math.rint(x[off + i] / s)));
                if (msb > 0) {
                    int shift = bits - msb;
                    code = (int) (Math.floor(code / Math.pow(2, shift)) * Math.pow(2, shift) + Math.pow(2, shift - 1));
                }
                out[i] = code * s;
            }
            return out;
        }

        void attend(int layer, int pos, float[] q, float[] keys, float[] values, float[] ctx) {
            int window = Math.max(1, cfg.localWindow());
            List<Integer> old = new ArrayList<>();
            List<Integer> recent = new ArrayList<>();
            for (int s = 0; s <= pos; s++) {
                if (prunedAt[s] > layer) {
                    (s > pos - window ? recent : old).add(s);
                }
            }
            int target = Math.max(recent.size(), (int) Math.ceil(cfg.tokenKeep()[layer] * (pos + 1)));
            old.sort(Comparator.<Integer>comparingDouble(s -> -imp[s]).thenComparingInt(s -> s));
            List<Integer> keep = new ArrayList<>(old.subList(0, Math.min(old.size(), target - recent.size())));
            for (int s : old) {
                if (!keep.contains(s)) {
                    prunedAt[s] = layer;
                }
            }
            keep.addAll(recent);
            keep.sort(Comparator.naturalOrder());
            List<Integer> heads = new ArrayList<>();
            for (int h = 0; h < HEADS; h++) {
                if (headPrunedAt[h] > layer) {
                    heads.add(h);
                }
            }
            int ht = Math.max(1, (int) Math.ceil(cfg.headKeep()[layer] * HEADS));
            heads.sort(Comparator.<Integer>comparingDouble(h -> -headImp[h]).thenComparingInt(h -> h));
            for (int i = ht; i < heads.size(); i++) {
                headPrunedAt[heads.get(i)] = layer;
            }
            heads = new ArrayList<>(heads.subList(0, Math.min(ht, heads.size())));
            heads.sort(Comparator.naturalOrder());
            for (int h : heads) {
                int g = h / (HEADS / KV_HEADS);
                double[] p = probs(q, h, keys, g, keep, cfg.progressive() ? cfg.msbBits() : 0);
                if (cfg.progressive() && Arrays.stream(p).max().orElse(0) < cfg.confidence()) {
                    recomputed++;
                    p = probs(q, h, keys, g, keep, 0);
                }
                for (int j = 0; j < keep.size(); j++) {
                    float[] v = cfg.kvBits() > 0 ? fixedPoint(values, keep.get(j) * KV_DIM + g * HS, cfg.kvBits(), 0)
                            : Arrays.copyOfRange(values, keep.get(j) * KV_DIM + g * HS, keep.get(j) * KV_DIM + g * HS + HS);
                    for (int d = 0; d < HS; d++) {
                        ctx[h * HS + d] += (float) p[j] * v[d];
                    }
                    imp[keep.get(j)] += (float) p[j];
                }
                float mag = 0;
                for (int d = 0; d < HS; d++) {
                    mag += Math.abs(ctx[h * HS + d]);
                }
                headImp[h] += mag;
            }
        }

        double[] probs(float[] q, int h, float[] keys, int g, List<Integer> keep, int msb) {
            float[] att = new float[keep.size()];
            for (int j = 0; j < keep.size(); j++) {
                int off = keep.get(j) * KV_DIM + g * HS;
                float[] k = cfg.kvBits() > 0 ? fixedPoint(keys, off, cfg.kvBits(), msb) : Arrays.copyOfRange(keys, off, off + HS);
                att[j] = io.quantarch.workloads.tensor.Ops.dot(q, h * HS, k, 0, HS) * (float) (1 / Math.sqrt(HS));
            }
            io.quantarch.workloads.tensor.Ops.softmax(att, 0, att.length);
            double[] p = new double[att.length];
            for (int j = 0; j < p.length; j++) {
                p[j] = att[j];
            }
            return p;
        }
    }

    @ParameterizedTest
    @CsvSource({"0.5, 1.0, 0, 0, 0.0, false, 0", "0.3, 0.5, 0, 0, 0.0, false, 4", "0.6, 0.75, 12, 6, 0.4, true, 2",
            "1.0, 1.0, 8, 3, 0.6, true, 0", "0.2, 0.5, 10, 5, 0.3, true, 8"})
    void pruningMasksAndRecomputeDecisionsMatchADirectComputation(double tokenKeep, double headKeep, int kvBits, int msb, double conf,
                                                                  boolean progressive, int window) {
        SpAttenConfig cfg = SpAttenConfig.cascade(LAYERS, tokenKeep, headKeep, kvBits, msb, conf, progressive).withLocalWindow(window);
        SpAttenKernel k = new SpAttenKernel(cfg, AttentionHardware.SPATTEN, LAYERS, HEADS, KV_HEADS, HS, SEQ);
        Direct d = new Direct(cfg);
        Random r = new Random(Double.hashCode(tokenKeep) * 31L + kvBits);
        float[][] keys = new float[LAYERS][SEQ * KV_DIM];
        float[][] values = new float[LAYERS][SEQ * KV_DIM];
        for (int pos = 0; pos < SEQ; pos++) {
            for (int l = 0; l < LAYERS; l++) {
                for (int i = 0; i < KV_DIM; i++) {
                    keys[l][pos * KV_DIM + i] = (float) (r.nextGaussian() * 2);
                    values[l][pos * KV_DIM + i] = (float) r.nextGaussian();
                }
                float[] q = new float[HEADS * HS];
                for (int i = 0; i < q.length; i++) {
                    q[i] = (float) (r.nextGaussian() * 2);
                }
                float[] a = new float[HEADS * HS];
                float[] b = new float[HEADS * HS];
                k.attend(l, pos, q, 0, keys[l], values[l], a, 0);
                d.attend(l, pos, q, keys[l], values[l], b);
                assertArrayEquals(b, a, 1e-5f, "context at step " + pos + " layer " + l);
                for (int s = 0; s <= pos; s++) {
                    assertEquals(d.prunedAt[s] <= l, k.tokenPruned(s, l), "token " + s + " at step " + pos + " layer " + l);
                }
                for (int h = 0; h < HEADS; h++) {
                    assertEquals(d.headPrunedAt[h] <= l, k.headPruned(h, l), "head " + h);
                }
            }
        }
        assertEquals(d.recomputed, k.counts().recomputed());
        if (tokenKeep < 1) {
            assertTrue(k.counts().keysAttended() < k.counts().denseKeys(), "pruning removed keys");
        }
        if (progressive) {
            assertTrue(k.counts().recomputed() > 0 && k.counts().confident() > 0, "both decisions occur: " + k.counts().recomputed());
        }
    }

    @Test
    void denseSettingIsTheModelsOwnAttentionAndDecodeMatchesPrefill() {
        LlamaModel m = LlamaModel.fp32(LlamaCheckpoint.stories260k());
        var c = m.config();
        int[] tokens = Stories260k.tokens();
        SpAttenKernel k = new SpAttenKernel(SpAttenConfig.dense(c.layers()), AttentionHardware.SPATTEN, c.layers(), c.heads(), c.kvHeads(),
                c.headSize(), c.seqLen());
        double viaSpAtten = m.windowNllDecode(tokens, 0, 128, k);
        double viaDense = m.windowNllDecode(tokens, 0, 128, AttentionKernel.dense(c.heads(), c.kvHeads(), c.headSize()));
        assertEquals(viaDense, viaSpAtten, 0.0, "no pruning, float32: the same arithmetic");
        double prefill = m.windowNll(tokens, 0, 128, ActivationObserver.NONE);
        assertEquals(prefill, viaDense, 1e-4 * prefill, "token-by-token decoding equals the batched forward pass");
        assertEquals(k.counts().denseKeys(), k.counts().keysAttended());
        assertEquals(k.counts().denseKvBits(), k.counts().kBits() + k.counts().vBits());
    }
}
