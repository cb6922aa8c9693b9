package io.quantarch.simulator.pe;

import io.quantarch.config.component.Declaration;
import io.quantarch.config.component.Param;
import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.ActionKind;
import io.quantarch.cost.actions.Component;
import io.quantarch.cost.actions.Part;
import io.quantarch.cost.actions.UnitKind;
import io.quantarch.cost.actions.Variant;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.simulator.functional.IntAccumulator;

import java.util.List;

/**
 * A bit-serial PE (Stripes: P. Judd et al., MICRO 2016): weights in parallel, activations one bit per cycle,
 * so a MAC takes as many cycles as the activation has bits and time scales with precision. Each cycle ANDs the
 * weight with one activation bit and adds it, shifted, to the accumulator; the two's complement sign bit is
 * subtracted.
 */
public record BitSerialSpec(int weightBits, int maxInputBits, int accumulatorBits) implements PeSpec {

    static final Param.Int WEIGHT_BITS = Param.integer("weight_bits", 1, 16, 8, "weight width ANDed with each activation bit, bits");
    static final Param.Int MAX_INPUT_BITS = Param.integer("max_input_bits", 1, 16, 16, "widest activation streamed bit by bit, bits");
    static final Param.Int ACCUMULATOR_BITS = Param.integer("accumulator_bits", 8, 63, 32, "accumulator register width, bits");

    public static final PeKind KIND = PeKind.of("bit-serial",
            "Stripes-style bit-serial PE: weight in parallel, one activation bit per cycle (cycles scale with precision)",
            List.of(WEIGHT_BITS, MAX_INPUT_BITS, ACCUMULATOR_BITS),
            v -> new BitSerialSpec(v.get(WEIGHT_BITS), v.get(MAX_INPUT_BITS), v.get(ACCUMULATOR_BITS)));

    public BitSerialSpec {
        if (weightBits < 1 || weightBits > 16 || maxInputBits < 1 || maxInputBits > 16 || accumulatorBits < 8 || accumulatorBits > 63) {
            throw new IllegalArgumentException("bit-serial: widths out of range");
        }
    }

    @Override
    public Declaration declaration() {
        return KIND.declaration();
    }

    @Override
    public String describe() {
        return "bit-serial " + weightBits + "-bit weights, <= " + maxInputBits + "-bit serial inputs -> acc" + accumulatorBits;
    }

    @Override
    public String unsupported(FormatPair f) {
        int w = Levels.levelBits(f.weights());
        int a = Levels.levelBits(f.inputs());
        if (w < 0 || a < 0) {
            return name() + " works on integer codes; cannot run " + f.label();
        }
        if (w > weightBits || a > maxInputBits) {
            return name() + " (" + weightBits + "-bit weights, <= " + maxInputBits + "-bit inputs) cannot run " + f.label();
        }
        return new IntMacSpec(weightBits, maxInputBits, accumulatorBits).unsupported(f);
    }

    @Override
    public Throughput throughput(FormatPair f) {
        return new Throughput(1, 1, Levels.levelBits(f.inputs()));
    }

    private Variant.IntProduct andGate() {
        return Variant.product(weightBits, 1);
    }

    @Override
    public void countActions(ActionCounts.Builder b, PeWork w) {
        long planes = w.macs() * Levels.levelBits(w.formats().inputs());
        b.add(Component.PE_ARRAY, ActionKind.MAC, Variant.NONE, w.macs());
        b.add(Component.PE_ARRAY, ActionKind.MULTIPLY, andGate(), planes);
        b.add(Component.PE_ARRAY, ActionKind.ADD, Variant.integer(accumulatorBits), planes);
    }

    @Override
    public List<Part> parts() {
        return List.of(new Part(Component.PE_ARRAY, UnitKind.MULTIPLIER, andGate(), 1),
                new Part(Component.PE_ARRAY, UnitKind.ADDER, Variant.integer(accumulatorBits), 1),
                new Part(Component.PE_ARRAY, UnitKind.SHIFTER, Variant.width(accumulatorBits), 1),
                Part.register(Component.PE_ARRAY, weightBits + maxInputBits + accumulatorBits, 1));
    }

    /**
     * Cycle by cycle: for each activation, for each of its bits, the weight ANDed with the bit is added to the
     * accumulator at the bit's weight (a shifting accumulator register), the sign plane subtracted.
     */
    @Override
    public DotResult dot(QuantizedTensor w, QuantizedTensor a, FormatPair formats, ActionCounts.Builder ops) {
        int inputBits = Levels.levelBits(formats.inputs());
        IntAccumulator acc = new IntAccumulator(accumulatorBits);
        boolean[] ov = new boolean[1];
        long s = 0;
        for (int i = 0; i < w.size(); i++) {
            int wv = Levels.level(w, i);
            int av = Levels.level(a, i);
            ops.add(Component.PE_ARRAY, ActionKind.MAC, Variant.NONE, 1);
            for (int bit = 0; bit < inputBits; bit++) {
                long term = ((av >> bit) & 1) != 0 ? (long) wv << bit : 0;     // the AND gate, placed at the bit's weight
                if (bit == inputBits - 1) {
                    term = -term;                                              // two's complement: the top bit weighs -2^(b-1)
                }
                s = Levels.add(acc, s, term, ov);
                ops.add(Component.PE_ARRAY, ActionKind.MULTIPLY, andGate(), 1);
                ops.add(Component.PE_ARRAY, ActionKind.ADD, Variant.integer(accumulatorBits), 1);
            }
        }
        long wrapped = acc.wrap(s);
        return new DotResult((float) wrapped * (Levels.scale(w, 0) * Levels.scale(a, 0)), wrapped, ov[0]);
    }
}
