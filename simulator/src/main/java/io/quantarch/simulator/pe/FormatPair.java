package io.quantarch.simulator.pe;

import io.quantarch.cost.actions.Variant;
import io.quantarch.numerics.format.MiniFloat;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.quant.Granularity;

/**
 * The formats of a GEMM's weight-side and input-side operands (null = float32), with the helpers PE kinds use
 * to decide what they can run.
 */
public record FormatPair(NumberFormat weights, NumberFormat inputs) {

    public String label() {
        return name(weights) + " x " + name(inputs);
    }

    static String name(NumberFormat f) {
        return f == null ? "fp32" : f.name();
    }

    /** The minifloat element of a plain or scaled minifloat (not a block format), else null. */
    static MiniFloat scalarMinifloat(NumberFormat f) {
        if (f == null || f.blockLayout().isPresent()) {
            return null;
        }
        return f.minifloatElement().orElse(null);
    }

    static boolean perGroup(NumberFormat f) {
        return f != null && f.granularity() instanceof Granularity.PerGroup;
    }

    /** The {@code fp:E,M} variant of a minifloat. */
    static Variant.Fp fp(MiniFloat m) {
        return new Variant.Fp(m.exponentBits(), m.mantissaBits());
    }
}
