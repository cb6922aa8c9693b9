package io.quantarch.simulator.pe;

import io.quantarch.config.component.Declaration;
import io.quantarch.config.component.Param;
import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.ActionKind;
import io.quantarch.cost.actions.Component;
import io.quantarch.cost.actions.Part;
import io.quantarch.cost.actions.UnitKind;
import io.quantarch.cost.actions.Variant;
import io.quantarch.numerics.format.IntFormat;
import io.quantarch.numerics.format.Ternary;
import io.quantarch.numerics.quant.Granularity;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.simulator.functional.IntAccumulator;

import java.util.List;

/**
 * A ternary PE (BitNet b1.58, arXiv 2402.17764: "the matrix multiplication ... involves integer addition"): weights
 * in {-1, 0, +1} add, subtract or skip the integer activation; no multiplier. Zero weights gate the adder (counted
 * as gated MACs). Without real weights, the zero fraction is {@code expectedZeroFraction}.
 */
public record TernarySpec(int inputBits, int accumulatorBits, double expectedZeroFraction) implements PeSpec {

    static final Param.Int INPUT_BITS = Param.integer("input_bits", 2, 16, 8, "activation width, bits");
    static final Param.Int ACCUMULATOR_BITS = Param.integer("accumulator_bits", 8, 63, 32, "accumulator register width, bits");
    static final Param.Real EXPECTED_ZERO_FRACTION = Param.real("expected_zero_fraction", 0, 0.999, 1.0 / 3,
            "fraction of zero weights that gate the adder when the weights are not known");

    public static final PeKind KIND = PeKind.of("ternary",
            "BitNet b1.58 ternary PE: weights {-1, 0, +1} add, subtract or skip the activation; no multiplier",
            List.of(INPUT_BITS, ACCUMULATOR_BITS, EXPECTED_ZERO_FRACTION),
            v -> new TernarySpec(v.get(INPUT_BITS), v.get(ACCUMULATOR_BITS), v.get(EXPECTED_ZERO_FRACTION)));

    public TernarySpec {
        if (inputBits < 2 || inputBits > 16 || accumulatorBits < 8 || accumulatorBits > 63 || !(expectedZeroFraction >= 0 && expectedZeroFraction < 1)) {
            throw new IllegalArgumentException("ternary: widths out of range or zero fraction not in [0, 1)");
        }
    }

    @Override
    public Declaration declaration() {
        return KIND.declaration();
    }

    @Override
    public String describe() {
        return name() + " add/subtract/skip of int" + inputBits + " -> acc" + accumulatorBits;
    }

    @Override
    public String unsupported(FormatPair f) {
        if (!(f.weights() instanceof Ternary)) {
            return name() + " needs ternary weights; cannot run " + f.label();
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

    /** Zero weights gate the adder: the measured fraction when the weights are known, else the expectation. */
    @Override
    public void countActions(ActionCounts.Builder b, PeWork w) {
        double zeros = Double.isNaN(w.weightZeroFraction()) ? expectedZeroFraction : w.weightZeroFraction();
        long gated = Math.round(w.macs() * zeros);
        b.add(Component.PE_ARRAY, ActionKind.MAC, Variant.NONE, w.macs());
        b.add(Component.PE_ARRAY, ActionKind.ADD, Variant.integer(accumulatorBits), w.macs() - gated);
        b.add(Component.PE_ARRAY, ActionKind.GATED_MAC, Variant.NONE, gated);
    }

    @Override
    public List<Part> parts() {
        return List.of(new Part(Component.PE_ARRAY, UnitKind.ADDER, Variant.integer(accumulatorBits), 1),
                Part.register(Component.PE_ARRAY, 2 + inputBits + accumulatorBits, 1));
    }

    @Override
    public DotResult dot(QuantizedTensor w, QuantizedTensor a, FormatPair formats, ActionCounts.Builder ops) {
        IntAccumulator acc = new IntAccumulator(accumulatorBits);
        boolean[] ov = new boolean[1];
        long s = 0;
        for (int i = 0; i < w.size(); i++) {
            int c = w.codes()[i];
            ops.add(Component.PE_ARRAY, ActionKind.MAC, Variant.NONE, 1);
            if (c == 0) {
                ops.add(Component.PE_ARRAY, ActionKind.GATED_MAC, Variant.NONE, 1);   // gated: no addition
                continue;
            }
            ops.add(Component.PE_ARRAY, ActionKind.ADD, Variant.integer(accumulatorBits), 1);
            long av = Levels.level(a, i);
            s = Levels.add(acc, s, c > 0 ? av : -av, ov);
        }
        long wrapped = acc.wrap(s);
        return new DotResult((float) wrapped * (w.scales()[0] * a.scales()[0]), wrapped, ov[0]);
    }
}
