package io.quantarch.simulator.attention;

import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.ActionKind;
import io.quantarch.cost.actions.Component;
import io.quantarch.cost.actions.Variant;
import io.quantarch.workloads.model.LlamaCheckpoint;
import io.quantarch.workloads.model.LlamaConfig;
import io.quantarch.workloads.model.LlamaModel;
import io.quantarch.workloads.model.Stories260k;

import java.util.stream.IntStream;

/**
 * stories260K's evaluation windows with attention on {@link BlockSparseKernel}: the masks are calibrated on the
 * attention the dense model puts on {@link #CALIBRATION_WINDOWS} windows of the held-out calibration split (never on
 * the evaluated text), then the first {@code windows} evaluation windows run through the kernel for perplexity, counts,
 * prefill cycles and energy.
 */
public final class BlockSparseRun {

    public static final int CALIBRATION_WINDOWS = 4;

    /** Perplexity, counts and mask statistics of one configuration. */
    public record Result(BlockSparseConfig config, int windows, double perplexity, BlockSparseCounts counts, ActionCounts actions,
                         double retainedMass, double reorderedHeads) { }

    private static final class Holder {
        static final LlamaModel MODEL = LlamaModel.fp32(LlamaCheckpoint.stories260k());
        static final float[][][] MASS = calibrationMass(MODEL);
    }

    private BlockSparseRun() {
    }

    /** Summed attention probabilities [layer][head][q x seqLen + s] of the dense model over the calibration windows. */
    static float[][][] calibrationMass(LlamaModel m) {
        LlamaConfig c = m.config();
        int t = Stories260k.WINDOW;
        float[][][] mass = new float[c.layers()][c.heads()][t * t];
        int[] tokens = Stories260k.tokens();
        for (int w = 0; w < CALIBRATION_WINDOWS; w++) {                // in order: the sums are the same on every run
            m.windowNllDecode(tokens, (Stories260k.CALIBRATION_FIRST + w) * t, t,
                    new AttentionMassRecorder(mass, c.heads(), c.kvHeads(), c.headSize(), t));
        }
        return mass;
    }

    /** The static masks of a configuration, [layer][head], from the calibration mass. */
    public static BlockSparseMask[][] masks(BlockSparseConfig cfg) {
        LlamaConfig c = Holder.MODEL.config();
        int group = c.heads() / c.kvHeads();
        BlockSparseMask[][] out = new BlockSparseMask[c.layers()][c.heads()];
        for (int l = 0; l < c.layers(); l++) {
            for (int g = 0; g < c.kvHeads(); g++) {
                float[][] groupMass = new float[group][];
                for (int i = 0; i < group; i++) {
                    groupMass[i] = Holder.MASS[l][g * group + i];
                }
                BlockSparseMask[] m = BlockSparseMask.calibrateGroup(groupMass, Stories260k.WINDOW, cfg);
                System.arraycopy(m, 0, out[l], g * group, group);
            }
        }
        return out;
    }

    public static Result run(BlockSparseConfig cfg, AttentionHardware hw, int windows) {
        LlamaModel m = Holder.MODEL;
        LlamaConfig c = m.config();
        if (windows < 1 || windows > Stories260k.CALIBRATION_FIRST) {
            throw new IllegalArgumentException("1.." + Stories260k.CALIBRATION_FIRST + " windows, asked " + windows);
        }
        BlockSparseMask[][] masks = masks(cfg);
        int[] tokens = Stories260k.tokens();
        BlockSparseKernel[] kernels = new BlockSparseKernel[windows];
        double[] nll = IntStream.range(0, windows).parallel().mapToDouble(w -> {
            BlockSparseKernel k = new BlockSparseKernel(cfg, hw, masks, c.heads(), c.kvHeads(), c.headSize(), Stories260k.WINDOW);
            kernels[w] = k;
            double v = m.windowNllDecode(tokens, w * Stories260k.WINDOW, Stories260k.WINDOW, k);
            k.finish();
            return v;
        }).toArray();
        double sum = 0;
        BlockSparseCounts total = new BlockSparseCounts(c.layers());
        for (int w = 0; w < windows; w++) {
            sum += nll[w];
            total.add(kernels[w].counts());
        }
        double retained = 0;
        int reordered = 0;
        for (BlockSparseMask[] layer : masks) {
            for (BlockSparseMask h : layer) {
                retained += h.retainedMass();
                reordered += h.reordered() ? 1 : 0;
            }
        }
        int n = c.layers() * c.heads();
        return new Result(cfg, windows, Math.exp(sum / ((double) windows * Stories260k.WINDOW)), total, actions(cfg, total),
                retained / n, (double) reordered / n);
    }

    /** Prefill actions: K/V DRAM reads, Q.K^T multiplies at the Q/K width and P.V at the P x V widths, adds, exponentials. */
    static ActionCounts actions(BlockSparseConfig cfg, BlockSparseCounts c) {
        long half = c.macs() / 2;
        return ActionCounts.builder()
                .add(Component.DRAM, ActionKind.DRAM_READ, Variant.BITS, c.kvBits())
                .add(Component.PE_ARRAY, ActionKind.MULTIPLY, multiplier(cfg.qkBits(), cfg.qkBits()), half)
                .add(Component.PE_ARRAY, ActionKind.MULTIPLY, multiplier(cfg.pBits(), cfg.vBits()), c.macs() - half)
                .add(Component.PE_ARRAY, ActionKind.ADD, cfg.qkBits() > 0 && cfg.pBits() > 0 && cfg.vBits() > 0 ? Variant.integer(32) : Variant.FP32, c.macs())
                .add(Component.VECTOR_UNIT, ActionKind.VECTOR_OP, Variant.NONE, c.exps())
                .build();
    }

    /** An integer multiplier when both operands are integers (the float one widened to 8 bits otherwise: int x fp is done in fp32). */
    private static Variant multiplier(int a, int b) {
        return a > 0 && b > 0 ? Variant.product(Math.max(a, 2), Math.max(b, 2)) : Variant.product(Variant.FP32, Variant.FP32);
    }
}
