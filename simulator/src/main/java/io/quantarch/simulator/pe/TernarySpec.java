package io.quantarch.simulator.pe;

import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.ActionKind;
import io.quantarch.cost.actions.Component;
import io.quantarch.cost.estimate.Part;
import io.quantarch.cost.estimate.UnitKind;
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

    public TernarySpec {
        if (inputBits < 2 || inputBits > 16 || accumulatorBits < 8 || accumulatorBits > 63 || !(expectedZeroFraction >= 0 && expectedZeroFraction < 1)) {
            throw new IllegalArgumentException("ternary: widths out of range or zero fraction not in [0, 1)");
        }
    }

    @Override
    public String name() {
        return "ternary";
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

    @Override
    public void countActions(ActionCounts.Builder b, PeWork w) {
        long gated = Math.round(w.macs() * expectedZeroFraction);
        b.add(Component.PE_ARRAY, ActionKind.MAC, "", w.macs());
        b.add(Component.PE_ARRAY, ActionKind.ADD, "int:" + accumulatorBits, w.macs() - gated);
        b.add(Component.PE_ARRAY, ActionKind.GATED_MAC, "", gated);
    }

    @Override
    public List<Part> parts() {
        return List.of(new Part(Component.PE_ARRAY, UnitKind.ADDER, "int:" + accumulatorBits, 1),
                new Part(Component.PE_ARRAY, UnitKind.REGISTER, Integer.toString(2 + inputBits + accumulatorBits), 1));
    }

    public DotResult dot(QuantizedTensor w, QuantizedTensor a) {
        IntAccumulator acc = new IntAccumulator(accumulatorBits);
        boolean[] ov = new boolean[1];
        long s = 0;
        for (int i = 0; i < w.size(); i++) {
            int c = w.codes()[i];
            if (c == 0) {
                continue;                                                       // gated: no addition
            }
            long av = Levels.level(a, i);
            s = Levels.add(acc, s, c > 0 ? av : -av, ov);
        }
        long wrapped = acc.wrap(s);
        return new DotResult((float) wrapped * (w.scales()[0] * a.scales()[0]), wrapped, ov[0]);
    }
}
