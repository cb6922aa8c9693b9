package io.quantarch.simulator.pe;

import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.ActionKind;
import io.quantarch.cost.actions.Component;
import io.quantarch.cost.estimate.Part;
import io.quantarch.cost.estimate.UnitKind;
import io.quantarch.numerics.format.IntFormat;
import io.quantarch.numerics.quant.Granularity;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.simulator.functional.IntAccumulator;

import java.util.List;

/**
 * An integer multiply-accumulate PE: a {@code weightBits x inputBits} multiplier (sized for the widest formats it
 * runs; narrower codes use the same multiplier) and an accumulator of {@code accumulatorBits}, whose overflow is
 * detected and reported. Integer formats (asymmetric ones need one extra bit for code minus zero point),
 * ternary and binary; one scale per dot product (per tensor or per channel).
 */
public record IntMacSpec(int weightBits, int inputBits, int accumulatorBits) implements PeSpec {

    public static final IntMacSpec INT8 = new IntMacSpec(8, 8, 32);

    public IntMacSpec {
        if (weightBits < 1 || weightBits > 16 || inputBits < 1 || inputBits > 16 || accumulatorBits < 8 || accumulatorBits > 63) {
            throw new IllegalArgumentException("int-mac: operand widths must be 1..16 bits and the accumulator 8..63 bits");
        }
    }

    @Override
    public String name() {
        return "int-mac";
    }

    @Override
    public String describe() {
        return "int-mac " + weightBits + "x" + inputBits + " -> acc" + accumulatorBits;
    }

    @Override
    public String unsupported(FormatPair f) {
        int w = Levels.levelBits(f.weights());
        int a = Levels.levelBits(f.inputs());
        if (w < 0 || a < 0) {
            return name() + " multiplies integer codes; cannot run " + f.label();
        }
        if (w > weightBits || a > inputBits) {
            return name() + " " + weightBits + "x" + inputBits + " cannot run " + f.label() + " (needs " + w + "x" + a + " bits)";
        }
        if (f.weights() instanceof IntFormat i && i.granularity() instanceof Granularity.PerGroup
                || f.inputs() instanceof IntFormat j && j.granularity() instanceof Granularity.PerGroup) {
            return name() + " dequantizes once per dot product; " + f.label() + " has per-group scales (use shift-add-mixed)";
        }
        return null;
    }

    @Override
    public Throughput throughput(FormatPair f) {
        return Throughput.ONE;
    }

    @Override
    public void countActions(ActionCounts.Builder b, PeWork w) {
        b.add(Component.PE_ARRAY, ActionKind.MAC, "", w.macs());
        b.add(Component.PE_ARRAY, ActionKind.MULTIPLY, "int:" + weightBits + "x" + inputBits, w.macs());
        b.add(Component.PE_ARRAY, ActionKind.ADD, "int:" + accumulatorBits, w.macs());
    }

    @Override
    public List<Part> parts() {
        return List.of(new Part(Component.PE_ARRAY, UnitKind.MULTIPLIER, "int:" + weightBits + "x" + inputBits, 1),
                new Part(Component.PE_ARRAY, UnitKind.ADDER, "int:" + accumulatorBits, 1),
                new Part(Component.PE_ARRAY, UnitKind.REGISTER, Integer.toString(weightBits + inputBits + accumulatorBits), 1));
    }

    /** Sum of level products in the accumulator, then {@code fl(acc) * fl(sw * sa)}. */
    public DotResult dot(QuantizedTensor w, QuantizedTensor a) {
        IntAccumulator acc = new IntAccumulator(accumulatorBits);
        boolean[] ov = new boolean[1];
        long s = 0;
        for (int i = 0; i < w.size(); i++) {
            s = Levels.add(acc, s, (long) Levels.level(w, i) * Levels.level(a, i), ov);
        }
        long wrapped = acc.wrap(s);
        return new DotResult((float) wrapped * (Levels.scale(w, 0) * Levels.scale(a, 0)), wrapped, ov[0]);
    }
}
