package io.quantarch.simulator.pe;

import io.quantarch.config.component.Param;
import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.ActionKind;
import io.quantarch.cost.actions.Component;
import io.quantarch.cost.actions.Part;
import io.quantarch.cost.actions.UnitKind;
import io.quantarch.cost.actions.Variant;
import io.quantarch.config.component.Declaration;
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

    static final Param.Int WEIGHT_BITS = Param.integer("weight_bits", 1, 16, 8, "multiplier width on the weight side, bits");
    static final Param.Int INPUT_BITS = Param.integer("input_bits", 1, 16, 8, "multiplier width on the input side, bits");
    static final Param.Int ACCUMULATOR_BITS = Param.integer("accumulator_bits", 8, 63, 32, "accumulator register width, bits");

    public static final PeKind KIND = PeKind.of("int-mac",
            "integer multiply-accumulate: one WxA multiplier and a wide accumulator, one scale per dot product",
            List.of(WEIGHT_BITS, INPUT_BITS, ACCUMULATOR_BITS),
            v -> new IntMacSpec(v.get(WEIGHT_BITS), v.get(INPUT_BITS), v.get(ACCUMULATOR_BITS)));

    public static final IntMacSpec INT8 = new IntMacSpec(8, 8, 32);

    public IntMacSpec {
        if (weightBits < 1 || weightBits > 16 || inputBits < 1 || inputBits > 16 || accumulatorBits < 8 || accumulatorBits > 63) {
            throw new IllegalArgumentException("int-mac: operand widths must be 1..16 bits and the accumulator 8..63 bits");
        }
    }

    @Override
    public Declaration declaration() {
        return KIND.declaration();
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
        if (FormatPair.perGroup(f.weights()) || FormatPair.perGroup(f.inputs())) {
            return name() + " dequantizes once per dot product; " + f.label() + " has per-group scales (use shift-add-mixed)";
        }
        return null;
    }

    @Override
    public Throughput throughput(FormatPair f) {
        return Throughput.ONE;
    }

    private Variant.IntProduct multiplier() {
        return Variant.product(weightBits, inputBits);
    }

    @Override
    public void countActions(ActionCounts.Builder b, PeWork w) {
        b.add(Component.PE_ARRAY, ActionKind.MAC, Variant.NONE, w.macs());
        b.add(Component.PE_ARRAY, ActionKind.MULTIPLY, multiplier(), w.macs());
        b.add(Component.PE_ARRAY, ActionKind.ADD, Variant.integer(accumulatorBits), w.macs());
    }

    @Override
    public List<Part> parts() {
        return List.of(new Part(Component.PE_ARRAY, UnitKind.MULTIPLIER, multiplier(), 1),
                new Part(Component.PE_ARRAY, UnitKind.ADDER, Variant.integer(accumulatorBits), 1),
                Part.register(Component.PE_ARRAY, weightBits + inputBits + accumulatorBits, 1));
    }

    /** Sum of level products in the accumulator, then {@code fl(acc) * fl(sw * sa)}. */
    @Override
    public DotResult dot(QuantizedTensor w, QuantizedTensor a, FormatPair formats, ActionCounts.Builder ops) {
        IntAccumulator acc = new IntAccumulator(accumulatorBits);
        boolean[] ov = new boolean[1];
        long s = 0;
        for (int i = 0; i < w.size(); i++) {
            long p = (long) Levels.level(w, i) * Levels.level(a, i);
            s = Levels.add(acc, s, p, ov);
            ops.add(Component.PE_ARRAY, ActionKind.MAC, Variant.NONE, 1);
            ops.add(Component.PE_ARRAY, ActionKind.MULTIPLY, multiplier(), 1);
            ops.add(Component.PE_ARRAY, ActionKind.ADD, Variant.integer(accumulatorBits), 1);
        }
        long wrapped = acc.wrap(s);
        return new DotResult((float) wrapped * (Levels.scale(w, 0) * Levels.scale(a, 0)), wrapped, ov[0]);
    }
}
