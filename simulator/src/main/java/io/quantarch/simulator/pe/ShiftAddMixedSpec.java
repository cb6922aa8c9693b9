package io.quantarch.simulator.pe;

import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.ActionKind;
import io.quantarch.cost.actions.Component;
import io.quantarch.cost.estimate.Part;
import io.quantarch.cost.estimate.UnitKind;
import io.quantarch.numerics.arith.Float32;
import io.quantarch.numerics.format.IntFormat;
import io.quantarch.numerics.quant.Granularity;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.simulator.functional.IntAccumulator;

import java.util.List;

/**
 * A mixed-precision shift-and-add PE (MixPE: Y. Zhang et al., arXiv 2411.16158): low-bit integer weights
 * (up to {@code maxWeightBits}, with per-group scales and zero points, as GPTQ/AWQ store them) times
 * higher-precision integer activations, each product formed by shifting the activation for every weight bit and
 * adding; the group's partial sum is dequantized once per group (zero-point correction and a scale multiply in
 * FP16, accumulation across groups in FP32) instead of dequantizing every weight.
 *
 * <p>With {@code dequantizePerMac}, the PE is the design MixPE compares against: each weight is dequantized to
 * FP16 (one FP16 multiply) and multiplied by the FP16 activation in an FP16 multiplier, accumulating in FP32.
 */
public record ShiftAddMixedSpec(int maxWeightBits, int inputBits, int accumulatorBits, boolean dequantizePerMac) implements PeSpec {

    public ShiftAddMixedSpec {
        if (maxWeightBits < 1 || maxWeightBits > 8 || inputBits < 2 || inputBits > 16 || accumulatorBits < 8 || accumulatorBits > 63) {
            throw new IllegalArgumentException("shift-add-mixed: widths out of range");
        }
    }

    @Override
    public String name() {
        return "shift-add-mixed";
    }

    @Override
    public String describe() {
        return name() + (dequantizePerMac ? " (baseline: dequantize every MAC, FP16 MAC)" : " (dequantize per group)") + ", weights <= "
                + maxWeightBits + " bits x int" + inputBits + " -> acc" + accumulatorBits;
    }

    @Override
    public String unsupported(FormatPair f) {
        if (!(f.weights() instanceof IntFormat w) || w.bits() > maxWeightBits) {
            return name() + " takes integer weights of <= " + maxWeightBits + " bits; cannot run " + f.label();
        }
        if (!(f.inputs() instanceof IntFormat a) || !a.symmetric() || a.bits() > inputBits || a.granularity() instanceof Granularity.PerGroup) {
            return name() + " takes symmetric int" + inputBits + " (or narrower) activations with one scale per row; cannot run " + f.label();
        }
        return null;
    }

    @Override
    public Throughput throughput(FormatPair f) {
        return Throughput.ONE;
    }

    /** Weights per scale group along the reduction (the whole reduction for per-tensor/channel formats). */
    static long groupSize(FormatPair f, long k) {
        return f.weights() instanceof IntFormat w && w.granularity() instanceof Granularity.PerGroup g ? g.size() : k;
    }

    @Override
    public void countActions(ActionCounts.Builder b, PeWork work) {
        IntFormat w = (IntFormat) work.formats().weights();
        long macs = work.macs();
        b.add(Component.PE_ARRAY, ActionKind.MAC, "", macs);
        if (dequantizePerMac) {
            b.add(Component.DEQUANT_UNIT, ActionKind.DEQUANT, "fp:5,10", macs);           // weight -> FP16, every MAC
            b.add(Component.PE_ARRAY, ActionKind.MULTIPLY, "fp:5,10xfp:5,10", macs);
            b.add(Component.PE_ARRAY, ActionKind.ADD, "fp:8,23", macs);
            return;
        }
        int shifts = Math.max(1, w.bits() - 1);                                            // magnitude bits of the weight
        int width = inputBits + w.bits();
        b.add(Component.PE_ARRAY, ActionKind.SHIFT, Integer.toString(width), macs * shifts);
        b.add(Component.PE_ARRAY, ActionKind.ADD, "int:" + width, macs * shifts);
        b.add(Component.PE_ARRAY, ActionKind.ADD, "int:" + accumulatorBits, macs);
        long groups = work.outputs() * ((work.k() + groupSize(work.formats(), work.k()) - 1) / groupSize(work.formats(), work.k()));
        if (!w.symmetric()) {
            b.add(Component.DEQUANT_UNIT, ActionKind.MULTIPLY, "int:" + w.bits() + "x" + accumulatorBits, groups);   // zp x sum(a)
            b.add(Component.DEQUANT_UNIT, ActionKind.ADD, "int:" + accumulatorBits, groups);
        }
        b.add(Component.DEQUANT_UNIT, ActionKind.DEQUANT, "fp:5,10", groups);              // one scale multiply per group
        b.add(Component.DEQUANT_UNIT, ActionKind.ADD, "fp:8,23", groups);                 // accumulate across groups
    }

    @Override
    public List<Part> parts() {
        if (dequantizePerMac) {
            return List.of(new Part(Component.PE_ARRAY, UnitKind.MULTIPLIER, "fp:5,10xfp:5,10", 1),
                    new Part(Component.PE_ARRAY, UnitKind.ADDER, "fp:8,23", 1),
                    new Part(Component.PE_ARRAY, UnitKind.MULTIPLIER, "fp:5,10xfp:5,10", 1),     // the per-MAC dequantizer
                    new Part(Component.PE_ARRAY, UnitKind.REGISTER, Integer.toString(16 + 16 + 32), 1));
        }
        int width = inputBits + maxWeightBits;
        return List.of(new Part(Component.PE_ARRAY, UnitKind.SHIFTER, Integer.toString(width), Math.max(1, maxWeightBits - 1)),
                new Part(Component.PE_ARRAY, UnitKind.ADDER, "int:" + width, Math.max(1, maxWeightBits - 1)),
                new Part(Component.PE_ARRAY, UnitKind.ADDER, "int:" + accumulatorBits, 1),
                new Part(Component.PE_ARRAY, UnitKind.REGISTER, Integer.toString(maxWeightBits + inputBits + accumulatorBits), 1));
    }

    @Override
    public List<Part> perColumnParts() {
        if (dequantizePerMac) {
            return List.of();
        }
        return List.of(new Part(Component.DEQUANT_UNIT, UnitKind.MULTIPLIER, "fp:5,10xfp:5,10", 1),
                new Part(Component.DEQUANT_UNIT, UnitKind.ADDER, "fp:8,23", 1),
                new Part(Component.DEQUANT_UNIT, UnitKind.MULTIPLIER, "int:" + maxWeightBits + "x" + accumulatorBits, 1));
    }

    /** w x a by shift and add: the activation shifted for each set bit of |w|, negated for negative weights. */
    static long shiftAdd(int w, int a) {
        int mag = Math.abs(w);
        long s = 0;
        for (int b = 0; mag != 0; b++, mag >>= 1) {
            if ((mag & 1) != 0) {
                s += (long) a << b;
            }
        }
        return w < 0 ? -s : s;
    }

    /**
     * Per group: integer partial sum of code x activation by shift-add, zero-point corrected
     * ({@code psum - zp * sum(a)}), then {@code y = fl(y + fl(fl(corrected) * fl(sw * sa)))} in FP32, groups in order.
     */
    public DotResult dot(QuantizedTensor w, QuantizedTensor a) {
        if (dequantizePerMac) {
            return dotPerMac(w, a);
        }
        IntAccumulator acc = new IntAccumulator(accumulatorBits);
        boolean[] ov = new boolean[1];
        float sa = Levels.scale(a, 0);
        float y = 0f;
        long total = 0;
        for (int g = 0; g < w.groups().count(); g++) {
            long psum = 0;
            long asum = 0;
            for (int i = w.groups().start(g); i < w.groups().end(g); i++) {
                int code = w.codes()[i];                                   // stored code (unsigned when asymmetric)
                int av = Levels.level(a, i);
                psum = Levels.add(acc, psum, shiftAdd(code, av), ov);
                asum += av;
            }
            long corrected = w.zeroPoints() == null ? psum : psum - (long) w.zeroPoints()[g] * asum;
            if (acc.outOfRange(corrected)) {
                ov[0] = true;
            }
            corrected = acc.wrap(corrected);
            total += corrected;
            float term = (float) corrected * (w.scales()[g] * sa);
            y = y + term;
        }
        return new DotResult(y, total, ov[0]);
    }

    /** The baseline: {@code y = fl(y + fl(fp16(fl16((q - zp) * sw16)) * fp16(a * sa)))} per MAC. */
    private DotResult dotPerMac(QuantizedTensor w, QuantizedTensor a) {
        float sa = Levels.scale(a, 0);
        float y = 0f;
        for (int i = 0; i < w.size(); i++) {
            int g = w.groupOf(i);
            float wq = Float.float16ToFloat(Float.floatToFloat16(Levels.level(w, i) * Float.float16ToFloat(Float.floatToFloat16(w.scales()[g]))));
            float aq = Float.float16ToFloat(Float.floatToFloat16(Levels.level(a, i) * sa));
            double p = (double) wq * aq;                                      // FP16 x FP16 product is exact in double
            y = Float32.roundToFloat(y + p, Float32.twoSumError(y, p, y + p));
        }
        return new DotResult(y, 0, false);
    }
}
