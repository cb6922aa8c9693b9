package io.quantarch.numerics.format;

/**
 * OCP MX v1.0 §5.4.1 shared scale E8M0: unsigned 8-bit exponent, bias 127, value 2^(code-127) for
 * codes 0..254, code 255 = NaN; no zero, no sign, no infinity.
 */
public record E8M0() implements ScalarCodec {

    public static final E8M0 INSTANCE = new E8M0();
    public static final int NAN = 0xFF;
    public static final int BIAS = 127;

    @Override
    public String name() {
        return "e8m0";
    }

    @Override
    public int bits() {
        return 8;
    }

    /** Code of the power of two 2^exponent, exponent in [-127, 127]. */
    public static int codeOf(int exponent) {
        if (exponent < -BIAS || exponent > BIAS) {
            throw new IllegalArgumentException("E8M0 exponent out of range: " + exponent);
        }
        return exponent + BIAS;
    }

    /**
     * Nearest power of two in value (midpoint 1.5 x 2^e rounds up), clamped to the E8M0 range;
     * NaN, zero, negative and infinite values have no power-of-two value and map to the NaN code.
     */
    @Override
    public int encode(float x) {
        if (!(x > 0) || Float.isInfinite(x)) {
            return NAN;
        }
        double d = x;                                   // float32 subnormals are normal doubles
        int e = Math.getExponent(d);
        if (Math.scalb(d, -e) >= 1.5) {
            e++;
        }
        return Math.max(-BIAS, Math.min(BIAS, e)) + BIAS;
    }

    @Override
    public float decode(int code) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("e8m0: code " + code + " out of range 0..255");
        }
        if (code == NAN) {
            return Float.NaN;
        }
        return Math.scalb(1f, code - BIAS);
    }

    @Override
    public float maxFinite() {
        return Math.scalb(1f, 127);
    }

    @Override
    public float minNormal() {
        return Math.scalb(1f, -127);
    }

    @Override
    public float minSubnormal() {
        return 0f;
    }
}
