package io.quantarch.simulator.fpga;

import io.quantarch.numerics.format.Binary;
import io.quantarch.numerics.format.ComplexPm1Pmi;
import io.quantarch.numerics.format.IntCodec;
import io.quantarch.numerics.format.IntFormat;
import io.quantarch.numerics.format.MiniFloat;
import io.quantarch.numerics.format.MxFormat;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.format.Nvfp4;
import io.quantarch.numerics.format.Pow2;
import io.quantarch.numerics.format.ScalarCodec;
import io.quantarch.numerics.format.ScaledFloat;
import io.quantarch.numerics.format.Ternary;

/**
 * An element code book as the datapath sees it: every code's value as an integer multiple of the format's smallest
 * step, {@code value(code) = fixed[code + offset] x 2^lsbExponent}. A minifloat's step is its smallest subnormal
 * (2^(1 - bias - M)), so a product of two codes is an integer and a dot product can be accumulated exactly in a
 * fixed-point (Kulisch) register. One table lookup per element replaces any floating-point decode.
 */
public final class FixedPointCodes {

    private final ScalarCodec codec;
    private final long[] fixed;
    private final int offset;
    private final int lsbExponent;
    private final int magnitudeBits;
    private final float maxFinite;

    private FixedPointCodes(ScalarCodec codec, long[] fixed, int offset, int lsbExponent, float maxFinite) {
        this.codec = codec;
        this.fixed = fixed;
        this.offset = offset;
        this.lsbExponent = lsbExponent;
        this.maxFinite = maxFinite;
        long max = 0;
        for (long v : fixed) {
            max = Math.max(max, Math.abs(v));
        }
        this.magnitudeBits = 64 - Long.numberOfLeadingZeros(max);
    }

    /** The element code book of a symmetric integer or (scaled) minifloat format. */
    public static FixedPointCodes of(NumberFormat f) {
        return switch (f) {
            case IntFormat i when i.symmetric() -> integer(i.element());
            case MiniFloat m -> minifloat(m);
            case ScaledFloat s -> minifloat(s.element());
            case IntFormat i -> throw notExact(f);
            case MxFormat mx -> throw notExact(f);
            case Nvfp4 nv -> throw notExact(f);
            case Ternary t -> throw notExact(f);
            case Binary b -> throw notExact(f);
            case Pow2 p -> throw notExact(f);
            case ComplexPm1Pmi c -> throw notExact(f);
        };
    }

    private static IllegalArgumentException notExact(NumberFormat f) {
        return new IllegalArgumentException(f.name() + ": the exact datapath takes symmetric integers or minifloats");
    }

    static FixedPointCodes integer(IntCodec c) {
        int lo = c.minCode();
        long[] t = new long[c.maxCode() - lo + 1];
        for (int code = lo; code <= c.maxCode(); code++) {
            t[code - lo] = code;
        }
        return new FixedPointCodes(c, t, -lo, 0, c.maxFinite());
    }

    static FixedPointCodes minifloat(MiniFloat m) {
        int lsb = 1 - m.bias() - m.mantissaBits();
        long[] t = new long[1 << m.bits()];
        for (int code = 0; code < t.length; code++) {
            float v = m.decode(code);
            // Inf/NaN codes are never produced: inputs are clamped to the largest finite value before encoding
            t[code] = Float.isFinite(v) ? (long) Math.scalb((double) v, -lsb) : 0;
        }
        return new FixedPointCodes(m, t, 0, lsb, m.maxFinite());
    }

    /** Fixed-point value of a code. */
    public long fixed(int code) {
        return fixed[code + offset];
    }

    /** Code of an already scaled value: nearest, ties to even, saturating at the largest finite value. */
    public int encode(float scaled) {
        float clamped = Math.max(-maxFinite, Math.min(maxFinite, scaled));
        return codec.encode(clamped);
    }

    public int lsbExponent() {
        return lsbExponent;
    }

    /** Bits of the largest |fixed| value, without sign. */
    public int magnitudeBits() {
        return magnitudeBits;
    }

    public float maxFinite() {
        return maxFinite;
    }
}
