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
 * stories260K decoding its evaluation text with attention on {@link SpAttenKernel}: perplexity over the first
 * {@code windows} windows of 512 predictions (every token decoded in order against its cache, so pruning sees only the
 * past), the accelerator's counts summed over them, their cycles, and the actions of each phase (priced by the
 * design's cost model in the pricing step).
 */
public final class SpAttenRun {

    /** Perplexity, counts, prefill and decode cycles, and the actions of decode and of prefill, summed over the windows. */
    public record Result(SpAttenConfig config, int windows, double perplexity, AttentionCounts counts, long decodeCycles,
                         long prefillCycles, ActionCounts decodeActions, ActionCounts prefillActions) { }

    private static final class Holder {
        static final LlamaModel MODEL = LlamaModel.fp32(LlamaCheckpoint.stories260k());
    }

    private SpAttenRun() {
    }

    public static LlamaConfig modelConfig() {
        return Holder.MODEL.config();
    }

    public static Result run(SpAttenConfig cfg, AttentionHardware hw, int windows) {
        LlamaModel m = Holder.MODEL;
        LlamaConfig c = m.config();
        if (windows < 1 || windows > Stories260k.CALIBRATION_FIRST) {
            throw new IllegalArgumentException("1.." + Stories260k.CALIBRATION_FIRST + " windows, asked " + windows);
        }
        int[] tokens = Stories260k.tokens();
        SpAttenKernel[] kernels = new SpAttenKernel[windows];
        double[] nll = IntStream.range(0, windows).parallel().mapToDouble(w -> {
            SpAttenKernel k = new SpAttenKernel(cfg, hw, c.layers(), c.heads(), c.kvHeads(), c.headSize(), c.seqLen());
            kernels[w] = k;
            return m.windowNllDecode(tokens, w * Stories260k.WINDOW, Stories260k.WINDOW, k);
        }).toArray();
        double sum = 0;
        AttentionCounts total = new AttentionCounts();
        for (int w = 0; w < windows; w++) {
            sum += nll[w];
            total.add(kernels[w].counts());
        }
        double ppl = Math.exp(sum / ((double) windows * Stories260k.WINDOW));
        long prefill = 0;
        for (SpAttenKernel k : kernels) {
            prefill += hw.prefillCycles(k.counts());
        }
        return new Result(cfg, windows, ppl, total, total.decodeCycles(), prefill,
                actions(cfg, total.kBits() + total.kLsbBits() + total.vBits(), total.macs(), total),
                actions(cfg, total.prefillKvBits(), total.prefillMacs(), total));
    }

    /** A phase's actions: its DRAM bits and MACs (multiplies and adds at the K/V width), softmax exponentials, top-k comparisons. */
    static ActionCounts actions(SpAttenConfig cfg, long dramBits, long macs, AttentionCounts c) {
        Variant mul = cfg.kvBits() > 0 ? Variant.product(cfg.kvBits(), cfg.kvBits()) : Variant.product(Variant.FP32, Variant.FP32);
        Variant add = cfg.kvBits() > 0 ? Variant.integer(32) : Variant.FP32;
        return ActionCounts.builder()
                .add(Component.DRAM, ActionKind.DRAM_READ, Variant.BITS, dramBits)
                .add(Component.PE_ARRAY, ActionKind.MULTIPLY, mul, macs)
                .add(Component.PE_ARRAY, ActionKind.ADD, add, macs)
                .add(Component.VECTOR_UNIT, ActionKind.VECTOR_OP, Variant.NONE, c.exps())
                .add(Component.VECTOR_UNIT, ActionKind.COMPARE, Variant.width(32), c.topKComparisons())
                .build();
    }
}
