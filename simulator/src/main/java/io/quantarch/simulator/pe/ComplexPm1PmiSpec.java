package io.quantarch.simulator.pe;

import io.quantarch.config.component.Declaration;
import io.quantarch.config.component.Param;
import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.ActionKind;
import io.quantarch.cost.actions.Component;
import io.quantarch.cost.actions.Part;
import io.quantarch.cost.actions.UnitKind;
import io.quantarch.cost.actions.Variant;
import io.quantarch.numerics.format.ComplexPm1Pmi;
import io.quantarch.numerics.format.ComplexUnitCodec;
import io.quantarch.numerics.format.IntFormat;
import io.quantarch.numerics.quant.Granularity;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.simulator.functional.IntAccumulator;

import java.util.List;

/**
 * A complex PE for weights in {+1, -1, +i, -i} (iFairy, arXiv 2508.05571): multiplying a complex integer
 * activation by i^k is a swap of its real and imaginary parts and/or a negation, so each complex MAC is two
 * additions and no multiplier. The reduction runs over pairs (re, im) of the input.
 */
public record ComplexPm1PmiSpec(int inputBits, int accumulatorBits) implements PeSpec {

    static final Param.Int INPUT_BITS = Param.integer("input_bits", 2, 16, 8, "width of each activation part (re, im), bits");
    static final Param.Int ACCUMULATOR_BITS = Param.integer("accumulator_bits", 8, 63, 32, "width of each accumulator (re, im), bits");

    public static final PeKind KIND = PeKind.of("complex-pm1-pmi",
            "iFairy complex PE: weights {+1, -1, +i, -i} swap and negate the complex activation; two adds, no multiplier",
            List.of(INPUT_BITS, ACCUMULATOR_BITS), v -> new ComplexPm1PmiSpec(v.get(INPUT_BITS), v.get(ACCUMULATOR_BITS)));

    public ComplexPm1PmiSpec {
        if (inputBits < 2 || inputBits > 16 || accumulatorBits < 8 || accumulatorBits > 63) {
            throw new IllegalArgumentException("complex-pm1-pmi: widths out of range");
        }
    }

    @Override
    public Declaration declaration() {
        return KIND.declaration();
    }

    @Override
    public String describe() {
        return name() + " (swap/negate and add, int" + inputBits + " complex activations -> 2 x acc" + accumulatorBits + ")";
    }

    @Override
    public String unsupported(FormatPair f) {
        if (!(f.weights() instanceof ComplexPm1Pmi)) {
            return name() + " needs complex_pm1_pmi weights; cannot run " + f.label();
        }
        if (!(f.inputs() instanceof IntFormat a) || !a.symmetric() || a.bits() > inputBits || a.granularity() instanceof Granularity.PerGroup) {
            return name() + " takes symmetric int" + inputBits + " (or narrower) activations with one scale per row; cannot run " + f.label();
        }
        return null;
    }

    /** The reduction runs over complex pairs (re, im) of the input. */
    @Override
    public int reductionGranule() {
        return 2;
    }

    @Override
    public Throughput throughput(FormatPair f) {
        return Throughput.ONE;
    }

    @Override
    public void countActions(ActionCounts.Builder b, PeWork w) {
        b.add(Component.PE_ARRAY, ActionKind.MAC, Variant.NONE, w.macs());
        b.add(Component.PE_ARRAY, ActionKind.ADD, Variant.integer(accumulatorBits), w.macs());     // a real MAC's share: 2 adds per complex MAC
    }

    @Override
    public List<Part> parts() {
        return List.of(new Part(Component.PE_ARRAY, UnitKind.ADDER, Variant.integer(accumulatorBits), 2),
                Part.register(Component.PE_ARRAY, 2 + 2 * inputBits + 2 * accumulatorBits, 1));
    }

    /** {re, im} of sum_j (a_re + i a_im)(i^k_j) over pairs j, by swaps and negations. */
    public long[] complexDot(QuantizedTensor w, QuantizedTensor a, boolean[] overflow, ActionCounts.Builder ops) {
        IntAccumulator acc = new IntAccumulator(accumulatorBits);
        long re = 0;
        long im = 0;
        for (int j = 0; 2 * j + 1 < w.size(); j++) {
            int k = w.codes()[2 * j];
            long ar = Levels.level(a, 2 * j);
            long ai = Levels.level(a, 2 * j + 1);
            long pr;
            long pi;
            switch (k) {
                case ComplexUnitCodec.PLUS_ONE -> { pr = ar; pi = ai; }
                case ComplexUnitCodec.PLUS_I -> { pr = -ai; pi = ar; }        // (ar + i ai) i = -ai + i ar
                case ComplexUnitCodec.MINUS_ONE -> { pr = -ar; pi = -ai; }
                default -> { pr = ai; pi = -ar; }         // open: a 2-bit code, the last is MINUS_I: times -i
            }
            re = Levels.add(acc, re, pr, overflow);
            im = Levels.add(acc, im, pi, overflow);
            ops.add(Component.PE_ARRAY, ActionKind.MAC, Variant.NONE, 2);                 // one complex MAC = two real MACs
            ops.add(Component.PE_ARRAY, ActionKind.ADD, Variant.integer(accumulatorBits), 2);
        }
        return new long[] {acc.wrap(re), acc.wrap(im)};
    }

    @Override
    public DotResult dot(QuantizedTensor w, QuantizedTensor a, FormatPair formats, ActionCounts.Builder ops) {
        boolean[] ov = new boolean[1];
        long[] c = complexDot(w, a, ov, ops);
        return new DotResult((float) c[0] * (w.scales()[0] * a.scales()[0]), c[0], ov[0]);
    }
}
