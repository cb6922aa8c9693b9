package io.quantarch.simulator.attention;

import io.quantarch.workloads.model.LlamaCheckpoint;
import io.quantarch.workloads.model.LlamaConfig;
import io.quantarch.workloads.model.LlamaModel;
import io.quantarch.workloads.model.Stories260k;
import io.quantarch.workloads.tensor.AttentionKernel;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PARO-style masks and kernel against direct computations, and the dense setting against the model's own attention. */
class BlockSparseKernelTest {

    static final int HEADS = 4;
    static final int KV_HEADS = 2;
    static final int HS = 4;
    static final int KV_DIM = KV_HEADS * HS;

    static float[] causalMass(Random r, int t) {
        float[] m = new float[t * t];
        for (int q = 0; q < t; q++) {
            for (int s = 0; s <= q; s++) {
                m[q * t + s] = r.nextFloat() * (s == 0 || s == q ? 4 : 1);    // a sink and a diagonal, like real heads
            }
        }
        return m;
    }

    @Property(tries = 60)
    void maskKeepsTheHeaviestCausalBlocksOfEveryQueryBlock(@ForAll @IntRange(min = 1, max = 9) int block,
                                                           @ForAll @IntRange(min = 5, max = 40) int t,
                                                           @ForAll @DoubleRange(min = 0.05, max = 1) double density,
                                                           @ForAll boolean reorder, @ForAll long seed) {
        Random r = new Random(seed);
        float[][] mass = {causalMass(r, t), causalMass(r, t)};
        BlockSparseConfig cfg = new BlockSparseConfig(block, density, reorder, 0, 0, 0);
        BlockSparseMask[] masks = BlockSparseMask.calibrateGroup(mass, t, cfg);
        int blocks = (t + block - 1) / block;
        assertEquals(masks[0].reordered(), masks[1].reordered());
        assertTrue(Arrays.equals(masks[0].blockOf(), masks[1].blockOf()), "heads of a K/V group share one permutation");
        for (int h = 0; h < 2; h++) {
            BlockSparseMask m = masks[h];
            // blockOf is a permutation cut into full blocks of `block` positions (the last may be short)
            int[] sizes = new int[blocks];
            for (int b : m.blockOf()) {
                sizes[b]++;
            }
            for (int b = 0; b < blocks; b++) {
                assertEquals(Math.min(block, t - b * block), sizes[b]);
            }
            double total = 0;
            double kept = 0;
            for (int qb = 0; qb < blocks; qb++) {
                double[] bm = new double[blocks];
                boolean[] causal = new boolean[blocks];
                int last = Math.min(t - 1, (qb + 1) * block - 1);
                for (int q = qb * block; q <= last; q++) {
                    for (int s = 0; s <= q; s++) {
                        bm[m.blockOf()[s]] += mass[h][q * t + s];
                    }
                }
                for (int s = 0; s <= last; s++) {
                    causal[m.blockOf()[s]] = true;
                }
                int nCausal = 0;
                int nKept = 0;
                for (int kb = 0; kb < blocks; kb++) {
                    nCausal += causal[kb] ? 1 : 0;
                    nKept += m.keep()[qb][kb] ? 1 : 0;
                    assertTrue(!m.keep()[qb][kb] || causal[kb], "a kept block holds a key some query of the block may see");
                    total += bm[kb];
                    kept += m.keep()[qb][kb] ? bm[kb] : 0;
                }
                assertEquals(Math.max(1, (int) Math.ceil(density * nCausal - 1e-9)), nKept);
                for (int a = 0; a < blocks; a++) {
                    for (int b = 0; b < blocks; b++) {
                        if (m.keep()[qb][a] && causal[b] && !m.keep()[qb][b]) {
                            assertTrue(bm[a] >= bm[b], "kept block " + a + " lighter than dropped " + b);
                        }
                    }
                }
            }
            assertEquals(kept / total, m.retainedMass(), 1e-9);
        }
        if (reorder) {
            // the permutation kept is the better of the two candidates on the group's retained mass
            BlockSparseMask[] identity = BlockSparseMask.calibrateGroup(mass, t, new BlockSparseConfig(block, density, false, 0, 0, 0));
            assertTrue(masks[0].retainedMass() + masks[1].retainedMass() >= identity[0].retainedMass() + identity[1].retainedMass() - 1e-12);
        }
    }

    /** The kernel written out directly: the masked keys (and the query itself), fake-quantized operands, per-block P scales. */
    static float[] direct(BlockSparseConfig cfg, BlockSparseMask[] masks, float[] q, float[] k, float[] v, int pos) {
        return direct(cfg, masks, q, k, v, pos, new float[HEADS * HS]);
    }

    /**
     * As above; {@code slack} gets, per output element, what a P code rounded the other way would move it by, for keys
     * whose P sits within 1e-4 of a rounding tie (the kernel's float softmax and this double one may round those either way).
     */
    static float[] direct(BlockSparseConfig cfg, BlockSparseMask[] masks, float[] q, float[] k, float[] v, int pos, float[] slack) {
        float[] ctx = new float[HEADS * HS];
        int group = HEADS / KV_HEADS;
        for (int head = 0; head < HEADS; head++) {
            int h = head;
            int g = h / group;
            float[] qh = new float[HS];
            BlockSparseKernel.quantize(q, h * HS, HS, cfg.qkBits(), qh, 0);
            int[] keys = IntStream.rangeClosed(0, pos).filter(s -> s == pos || masks[h].keep()[pos / cfg.blockSize()][masks[h].blockOf()[s]]).toArray();
            double[] p = new double[keys.length];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < keys.length; j++) {
                float[] kk = new float[HS];
                BlockSparseKernel.quantize(k, keys[j] * KV_DIM + g * HS, HS, cfg.qkBits(), kk, 0);
                double d = 0;
                for (int i = 0; i < HS; i++) {
                    d += qh[i] * kk[i];
                }
                p[j] = d / Math.sqrt(HS);
                max = Math.max(max, p[j]);
            }
            double z = 0;
            for (int j = 0; j < keys.length; j++) {
                p[j] = Math.exp(p[j] - max);
                z += p[j];
            }
            double[] blockMax = new double[64];
            for (int j = 0; j < keys.length; j++) {
                p[j] /= z;
                blockMax[masks[h].blockOf()[keys[j]]] = Math.max(blockMax[masks[h].blockOf()[keys[j]]], p[j]);
            }
            for (int j = 0; j < keys.length; j++) {
                double tie = 0;
                if (cfg.pBits() > 0) {
                    double s = blockMax[masks[h].blockOf()[keys[j]]] / ((1 << cfg.pBits()) - 1);
                    double frac = p[j] / s - Math.floor(p[j] / s);
                    tie = Math.abs(frac - 0.5) < 1e-4 ? s : 0;
                    p[j] = Math.rint(p[j] / s) * s;
                }
                float[] vv = new float[HS];
                BlockSparseKernel.quantize(v, keys[j] * KV_DIM + g * HS, HS, cfg.vBits(), vv, 0);
                for (int i = 0; i < HS; i++) {
                    ctx[h * HS + i] += (float) (p[j] * vv[i]);
                    slack[h * HS + i] += (float) (tie * Math.abs(vv[i]));
                }
            }
        }
        return ctx;
    }

    @Property(tries = 40)
    void kernelEqualsTheDirectComputation(@ForAll @IntRange(min = 1, max = 6) int block, @ForAll @DoubleRange(min = 0.1, max = 1) double density,
                                          @ForAll boolean reorder, @ForAll @IntRange(min = 0, max = 2) int quantChoice, @ForAll long seed) {
        int t = 30;
        int bits = new int[] {0, 8, 4}[quantChoice];
        Random r = new Random(seed);
        BlockSparseConfig cfg = new BlockSparseConfig(block, density, reorder, bits, bits, bits);
        BlockSparseMask[] all = new BlockSparseMask[HEADS];
        for (int g = 0; g < KV_HEADS; g++) {
            BlockSparseMask[] m = BlockSparseMask.calibrateGroup(new float[][] {causalMass(r, t), causalMass(r, t)}, t, cfg);
            all[2 * g] = m[0];
            all[2 * g + 1] = m[1];
        }
        BlockSparseKernel kernel = new BlockSparseKernel(cfg, AttentionHardware.SPATTEN, new BlockSparseMask[][] {all}, HEADS, KV_HEADS, HS, t);
        float[] k = new float[t * KV_DIM];
        float[] v = new float[t * KV_DIM];
        for (int i = 0; i < k.length; i++) {
            k[i] = (float) r.nextGaussian();
            v[i] = (float) r.nextGaussian();
        }
        long attended = 0;
        for (int pos = 0; pos < t; pos++) {
            float[] q = new float[HEADS * HS];
            for (int i = 0; i < q.length; i++) {
                q[i] = (float) (2 * r.nextGaussian());
            }
            float[] ctx = new float[HEADS * HS];
            kernel.attend(0, pos, q, 0, k, v, ctx, 0);
            float[] slack = new float[HEADS * HS];
            float[] want = direct(cfg, all, q, k, v, pos, slack);
            for (int i = 0; i < ctx.length; i++) {
                assertEquals(want[i], ctx[i], 2e-5 * (1 + Math.abs(want[i])) + slack[i], "pos " + pos + " element " + i);
            }
            for (int h = 0; h < HEADS; h++) {
                int hh = h;
                int p = pos;
                attended += IntStream.rangeClosed(0, pos).filter(s -> s == p || all[hh].attends(p, s)).count();
            }
        }
        kernel.finish();
        assertEquals(attended, kernel.counts().keysAttended());
        assertEquals(2 * HS * attended, kernel.counts().macs());
        assertTrue(kernel.counts().cycles() > 0);
    }

    @Test
    void denseSettingIsTheModelsOwnAttentionAndReadsTheDenseTraffic() {
        LlamaModel m = LlamaModel.fp32(LlamaCheckpoint.stories260k());
        LlamaConfig c = m.config();
        BlockSparseConfig dense = BlockSparseConfig.dense(64);
        BlockSparseMask[][] masks = BlockSparseRun.masks(dense);
        BlockSparseKernel k = new BlockSparseKernel(dense, AttentionHardware.SPATTEN, masks, c.heads(), c.kvHeads(), c.headSize(), Stories260k.WINDOW);
        int[] tokens = Stories260k.tokens();
        double nll = m.windowNllDecode(tokens, 0, 160, k);
        double ref = m.windowNllDecode(tokens, 0, 160, AttentionKernel.dense(c.heads(), c.kvHeads(), c.headSize()));
        assertEquals(ref, nll, 0.0, "density 1, float32: every key, the same arithmetic");
        k.finish();
        assertEquals(k.counts().denseKvBits(), k.counts().kvBits());
        assertEquals(k.counts().denseKeys(), k.counts().keysAttended());
    }
}
