package io.quantarch.simulator.pe;

import io.quantarch.numerics.format.IntFormat;
import io.quantarch.numerics.format.MiniFloat;
import io.quantarch.numerics.format.MxFormat;
import io.quantarch.numerics.format.MxInt8Element;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.format.ScaledFloat;

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

    /** Two's complement bits of the levels of an integer-coded format (int formats, ternary, binary), else -1. */
    static int intBits(NumberFormat f) {
        if (f instanceof IntFormat i) {
            return i.bits();
        }
        if (f instanceof io.quantarch.numerics.format.Ternary) {
            return 2;
        }
        if (f instanceof io.quantarch.numerics.format.Binary) {
            return 2;                                  // levels -1 and +1 need two bits of two's complement
        }
        return -1;
    }

    /** The minifloat element of a minifloat, scaled-minifloat or MX-minifloat format, else null. */
    static MiniFloat minifloat(NumberFormat f) {
        return switch (f) {
            case MiniFloat m -> m;
            case ScaledFloat s -> s.element();
            case MxFormat mx when mx.element() instanceof MiniFloat m -> m;
            case null, default -> null;
        };
    }

    static boolean isMx(NumberFormat f) {
        return f instanceof MxFormat;
    }

    static boolean isMxInt8(NumberFormat f) {
        return f instanceof MxFormat mx && mx.element() instanceof MxInt8Element;
    }

    /** {@code fp:E,M} variant of a minifloat. */
    static String fp(MiniFloat m) {
        return "fp:" + m.exponentBits() + "," + m.mantissaBits();
    }
}
