package io.quantarch.numerics.format;

/**
 * An MX integer element of {@code bits} bits: two's complement with an implicit scale of 2^-(bits-2) (sign, one
 * integer bit, bits-2 fraction bits), so the largest level 2^(bits-1)-1 decodes just under 2 and the element's emax is
 * 0. OCP MX v1.0 §5.4 defines MXINT8 (1.6 fixed point, [-2, 127/64]); MXINT6 and MXINT4 are the same element at 6 and
 * 4 bits (Chen et al., "INT v.s. FP", arXiv 2510.25602, Sec. 2). Encoding is symmetric:
 * {@code clamp(RNE(x * 2^(bits-2)), -(2^(bits-1)-1), 2^(bits-1)-1)} (microxcaling's max_norm; reference/formats README
 * §7 choice 11); the most negative code decodes but is never produced.
 */
public record MxIntElement(int bits) implements ScalarCodec {

    /** OCP MXINT8's element. */
    public static final MxIntElement INT8 = new MxIntElement(8);

    public MxIntElement {
        if (bits < 3 || bits > 8) {
            throw new IllegalArgumentException("MX integer elements have 3..8 bits, got " + bits);
        }
    }

    @Override
    public String name() {
        return "mxint" + bits + "_elem";
    }

    /** Fraction bits: the implicit scale is 2^-fractionBits. */
    public int fractionBits() {
        return bits - 2;
    }

    private int maxLevel() {
        return (1 << (bits - 1)) - 1;
    }

    @Override
    public int encode(float x) {
        if (Float.isNaN(x)) {
            return NO_CODE;
        }
        double level = Math.rint(Math.scalb((double) x, fractionBits()));
        int v = (int) Math.max(-maxLevel(), Math.min(maxLevel(), level));
        return v & ((1 << bits) - 1);
    }

    @Override
    public float decode(int code) {
        if (code < 0 || code >= 1 << bits) {
            throw new IllegalArgumentException(name() + ": code " + code + " out of range 0.." + ((1 << bits) - 1));
        }
        return Math.scalb((float) level(code), -fractionBits());
    }

    /** Signed level of a code: the two's complement integer of {@code bits} bits. */
    public int level(int code) {
        return (code << (32 - bits)) >> (32 - bits);
    }

    @Override
    public float maxFinite() {
        return Math.scalb((float) maxLevel(), -fractionBits());
    }

    @Override
    public float minNormal() {
        return Math.scalb(1f, -fractionBits());
    }

    @Override
    public float minSubnormal() {
        return 0f;
    }
}
