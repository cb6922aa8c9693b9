package io.quantarch.numerics.arith;

import io.quantarch.numerics.format.MiniFloat;

/** How a processing element accumulates a stream of exact products. */
public sealed interface AccumulationModel {

    /** Exact (Kulisch-style, unbounded) accumulation: the reference. */
    record Exact() implements AccumulationModel { }

    /** IEEE float32 accumulator, one rounding per addition (fused: the product is exact). */
    record Fp32() implements AccumulationModel { }

    /** 32-bit two's complement integer accumulator of integer products; overflow wraps and is reported. */
    record Int32() implements AccumulationModel { }

    /**
     * Signed fixed-point accumulator with {@code intBits} integer bits (sign included) and {@code fracBits}
     * fraction bits: products are aligned by truncating bits below 2^-fracBits (reported as inexact),
     * overflow wraps and is reported. Wide enough, it is a Kulisch accumulator.
     */
    record FixedPoint(int intBits, int fracBits) implements AccumulationModel {
        public FixedPoint {
            if (intBits < 1 || fracBits < 0 || intBits + fracBits > 1024) {
                throw new IllegalArgumentException("fixed point needs intBits >= 1, fracBits >= 0, got " + intBits + "." + fracBits);
            }
        }
    }

    /** A minifloat (ExMy) accumulator: every partial sum is rounded to the format. */
    record MiniFloatAcc(MiniFloat format) implements AccumulationModel { }

    Exact EXACT = new Exact();
    Fp32 FP32 = new Fp32();
    Int32 INT32 = new Int32();

    /** Short label for reports: exact, fp32, int32, fx16.24, acc_fp16. */
    default String label() {
        return switch (this) {
            case Exact e -> "exact";
            case Fp32 f -> "fp32";
            case Int32 i -> "int32";
            case FixedPoint fx -> "fx" + fx.intBits() + "." + fx.fracBits();
            case MiniFloatAcc m -> "acc_" + m.format().name();
        };
    }
}
