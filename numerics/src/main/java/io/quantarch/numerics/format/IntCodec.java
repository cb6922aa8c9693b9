package io.quantarch.numerics.format;

/**
 * Integer levels of a b-bit quantizer: signed symmetric levels {@code [-(2^(b-1)-1), 2^(b-1)-1]}
 * (the code is the level itself, as in the reference vectors) or unsigned levels {@code [0, 2^b-1]}
 * for asymmetric quantizers with a zero point.
 */
public record IntCodec(int bits, boolean signed) implements ScalarCodec {

    public IntCodec {
        if (bits < 2 || bits > 16) {
            throw new IllegalArgumentException("integer bits must be 2..16, got " + bits);
        }
    }

    @Override
    public String name() {
        return (signed ? "int" : "uint") + bits;
    }

    @Override
    public int minCode() {
        return signed ? -((1 << (bits - 1)) - 1) : 0;
    }

    @Override
    public int maxCode() {
        return signed ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;
    }

    /** Round half to even, then clamp to the level range. NaN has no level. */
    @Override
    public int encode(float x) {
        if (Float.isNaN(x)) {
            return NO_CODE;
        }
        double r = Math.rint(x);
        return (int) Math.max(minCode(), Math.min(maxCode(), r));
    }

    @Override
    public float decode(int code) {
        if (code < minCode() || code > maxCode()) {
            throw new IllegalArgumentException(name() + ": level " + code + " out of range " + minCode() + ".." + maxCode());
        }
        return code;
    }

    @Override
    public float maxFinite() {
        return maxCode();
    }

    @Override
    public float minNormal() {
        return 1f;
    }

    @Override
    public float minSubnormal() {
        return 0f;
    }
}
