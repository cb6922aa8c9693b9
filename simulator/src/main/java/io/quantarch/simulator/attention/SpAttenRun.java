package io.quantarch.simulator.attention;

import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.ActionKind;
import io.quantarch.cost.actions.Component;
import io.quantarch.cost.estimate.CostModel;
import io.quantarch.cost.estimate.Inventory;
import io.quantarch.workloads.model.LlamaCheckpoint;
import io.quantarch.workloads.model.LlamaConfig;
import io.quantarch.workloads.model.LlamaModel;
import io.quantarch.workloads.model.Stories260k;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * stories260K decoding its evaluation text with attention on {@link SpAttenKernel}: perplexity over the first
 * {@code windows} windows of 512 predictions (every token decoded in order against its cache, so pruning sees only the
 * past), the accelerator's counts summed over them, and their cycles and energy.
 */
public final class SpAttenRun {

    /** Perplexity, counts, prefill and decode cycles, and decode and prefill energy (pJ) of one configuration, summed over the windows. */
    public record Result(SpAttenConfig config, int windows, double perplexity, AttentionCounts counts, long decodeCycles,
                         long prefillCycles, double decodeEnergyPj, double prefillEnergyPj) { }

    private static final class Holder {
        static final LlamaModel MODEL = LlamaModel.fp32(LlamaCheckpoint.stories260k());
    }

    private SpAttenRun() {
    }

    public static LlamaConfig modelConfig() {
        return Holder.MODEL.config();
    }

    public static Result run(SpAttenConfig cfg, AttentionHardware hw, CostModel cost, int windows) {
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
                energyPj(cfg, total.kBits() + total.kLsbBits() + total.vBits(), total.macs(), total, cost),
                energyPj(cfg, total.prefillKvBits(), total.prefillMacs(), total, cost));
    }

    /** Energy of a phase: its DRAM bits and MACs (multiplies and adds at the K/V width), softmax exponentials, top-k comparisons. */
    static double energyPj(SpAttenConfig cfg, long dramBits, long macs, AttentionCounts c, CostModel cost) {
        String mul = cfg.kvBits() > 0 ? "int:" + cfg.kvBits() + "x" + cfg.kvBits() : "fp:8,23xfp:8,23";
        String add = cfg.kvBits() > 0 ? "int:32" : "fp:8,23";
        ActionCounts a = ActionCounts.builder()
                .add(Component.DRAM, ActionKind.DRAM_READ, "bits", dramBits)
                .add(Component.PE_ARRAY, ActionKind.MULTIPLY, mul, macs)
                .add(Component.PE_ARRAY, ActionKind.ADD, add, macs)
                .add(Component.VECTOR_UNIT, ActionKind.VECTOR_OP, "", c.exps())
                .add(Component.VECTOR_UNIT, ActionKind.COMPARE, "32", c.topKComparisons())
                .build();
        return cost.energyPj(a, new Inventory(List.of(), Map.of())).total();
    }
}
