package io.quantarch.numerics.format;

/**
 * Power-of-two (logarithmic) levels: a sign bit and a (b-1)-bit index k; k = 0 is zero and
 * k = 1..L (L = 2^(b-1) - 1) is the magnitude 2^(1-k), so the largest level is 1 and multiplication by
 * a level is a shift (Miyashita et al., "Convolutional Neural Networks using Logarithmic Data
 * Representation", arXiv 1603.01025). Encoding picks the nearest level in value; a value exactly
 * half-way goes to the larger magnitude (choice: ties away from zero), and values above 1 saturate.
 */
public record Pow2Codec(int bits) implements ScalarCodec {

    public Pow2Codec {
        if (bits < 2 || bits > 8) {
            throw new IllegalArgumentException("pow2 bits must be 2..8, got " + bits);
        }
    }

    /** Number of non-zero magnitudes. */
    public int levels() {
        return (1 << (bits - 1)) - 1;
    }

    @Override
    public String name() {
        return "pow2_" + bits;
    }

    @Override
    public int encode(float x) {
        if (Float.isNaN(x)) {
            return NO_CODE;
        }
        int sign = (x < 0 || (x == 0 && 1 / x < 0)) ? 1 << (bits - 1) : 0;
        double a = Math.abs((double) x);
        if (a == 0) {
            return 0;
        }
        int levels = levels();
        int e;
        if (Double.isInfinite(a)) {
            e = 0;
        } else {
            e = Math.getExponent(a);
            if (Math.scalb(a, -e) >= 1.5) {            // nearer to (or tied with) the next power of two
                e++;
            }
        }
        if (e > 0) {
            e = 0;                                     // saturate at the largest level
        }
        int smallest = 1 - levels;
        if (e < smallest) {
            return a >= Math.scalb(1.0, smallest - 1) ? sign | levels : 0;
        }
        return sign | (1 - e);
    }

    @Override
    public float decode(int code) {
        if (code < 0 || code >= (1 << bits)) {
            throw new IllegalArgumentException(name() + ": code " + code + " out of range");
        }
        int k = code & ((1 << (bits - 1)) - 1);
        if (k == 0) {
            return 0f;
        }
        float mag = Math.scalb(1f, 1 - k);
        return (code >>> (bits - 1)) != 0 ? -mag : mag;
    }

    /** Shift amount of a non-zero code: the value is +/- 2^-shift. */
    public int shift(int code) {
        return (code & ((1 << (bits - 1)) - 1)) - 1;
    }

    @Override
    public float maxFinite() {
        return 1f;
    }

    @Override
    public float minNormal() {
        return Math.scalb(1f, 1 - levels());
    }

    @Override
    public float minSubnormal() {
        return 0f;
    }
}
