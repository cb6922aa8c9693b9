package io.quantarch.numerics.format;

/**
 * A code book of one element: integer codes to real values and back, without any scale.
 * Every {@link NumberFormat} has one ({@link NumberFormat#element()}); for unscaled minifloats
 * the format is its own codec.
 *
 * <p>Contract: {@code decode(encode(x))} is the representable value nearest to {@code x} (ties to
 * even) within {@code [-maxFinite, maxFinite]}; codes are in {@code [minCode(), maxCode()]}.
 */
public sealed interface ScalarCodec permits MiniFloat, IntCodec, E8M0, MxIntElement, SignLevels, Pow2Codec, ComplexUnitCodec {

    /** Returned by {@link #encode(float)} when the value has no code (NaN into a format without NaN). */
    int NO_CODE = Integer.MIN_VALUE;

    String name();

    /** Storage bits of one code. */
    int bits();

    /** Nearest code (round to nearest, ties to even), saturating at the largest finite value. */
    int encode(float x);

    /** Exact value of a code; NaN codes decode to the canonical quiet NaN with the code's sign. */
    float decode(int code);

    float maxFinite();

    /** Smallest positive normal value (for integer codecs: one step). */
    float minNormal();

    /** Smallest positive subnormal value; 0 when the codec has no subnormals. */
    float minSubnormal();

    /** Smallest valid code (negative for signed integer levels). */
    default int minCode() {
        return 0;
    }

    /** Largest valid code. */
    default int maxCode() {
        return (1 << bits()) - 1;
    }
}
