package io.quantarch.simulator.pe;

import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.ActionKind;
import io.quantarch.cost.actions.Component;
import io.quantarch.cost.estimate.Part;
import io.quantarch.cost.estimate.UnitKind;
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

    public BitSerialSpec {
        if (weightBits < 1 || weightBits > 16 || maxInputBits < 1 || maxInputBits > 16 || accumulatorBits < 8 || accumulatorBits > 63) {
            throw new IllegalArgumentException("bit-serial: widths out of range");
        }
    }

    @Override
    public String name() {
        return "bit-serial";
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

    @Override
    public void countActions(ActionCounts.Builder b, PeWork w) {
        long planes = w.macs() * Levels.levelBits(w.formats().inputs());
        b.add(Component.PE_ARRAY, ActionKind.MAC, "", w.macs());
        b.add(Component.PE_ARRAY, ActionKind.MULTIPLY, "int:" + weightBits + "x1", planes);
        b.add(Component.PE_ARRAY, ActionKind.ADD, "int:" + accumulatorBits, planes);
    }

    @Override
    public List<Part> parts() {
        return List.of(new Part(Component.PE_ARRAY, UnitKind.MULTIPLIER, "int:" + weightBits + "x1", 1),
                new Part(Component.PE_ARRAY, UnitKind.ADDER, "int:" + accumulatorBits, 1),
                new Part(Component.PE_ARRAY, UnitKind.SHIFTER, Integer.toString(accumulatorBits), 1),
                new Part(Component.PE_ARRAY, UnitKind.REGISTER, Integer.toString(weightBits + maxInputBits + accumulatorBits), 1));
    }

    /** Bit plane by bit plane: acc += (sum_i w_i AND bit_b(a_i)) << b, the sign plane subtracted. */
    public DotResult dot(QuantizedTensor w, QuantizedTensor a, int inputBits) {
        IntAccumulator acc = new IntAccumulator(accumulatorBits);
        boolean[] ov = new boolean[1];
        long s = 0;
        for (int bit = 0; bit < inputBits; bit++) {
            long plane = 0;
            for (int i = 0; i < w.size(); i++) {
                int av = Levels.level(a, i);
                if (((av >> bit) & 1) != 0) {
                    plane += Levels.level(w, i);
                }
            }
            long term = plane << bit;
            if (bit == inputBits - 1) {
                term = -term;                         // two's complement: the top bit weighs -2^(b-1)
            }
            s = Levels.add(acc, s, term, ov);
        }
        long wrapped = acc.wrap(s);
        return new DotResult((float) wrapped * (Levels.scale(w, 0) * Levels.scale(a, 0)), wrapped, ov[0]);
    }
}
