package io.quantarch.numerics.format;

/**
 * The OCP MXINT8 element: 8-bit two's complement with an implicit scale of 2^-6, so codes decode to
 * [-2, 127/64]. Encoding is symmetric: {@code clamp(RNE(x * 64), -127, 127)} (microxcaling's
 * max_norm = 127/64; reference/formats README §7 choice 11); code 0x80 (-2.0) decodes but is never
 * produced.
 */
public record MxInt8Element() implements ScalarCodec {

    public static final MxInt8Element INSTANCE = new MxInt8Element();

    @Override
    public String name() {
        return "mxint8_elem";
    }

    @Override
    public int bits() {
        return 8;
    }

    @Override
    public int encode(float x) {
        if (Float.isNaN(x)) {
            return NO_CODE;
        }
        double level = Math.rint(Math.scalb((double) x, 6));
        int v = (int) Math.max(-127, Math.min(127, level));
        return v & 0xFF;
    }

    @Override
    public float decode(int code) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("mxint8 element: code " + code + " out of range 0..255");
        }
        return Math.scalb((float) (byte) code, -6);
    }

    /** Signed level of a code: the two's complement integer. */
    public static int level(int code) {
        return (byte) code;
    }

    @Override
    public float maxFinite() {
        return 127f / 64f;
    }

    @Override
    public float minNormal() {
        return 1f / 64f;
    }

    @Override
    public float minSubnormal() {
        return 0f;
    }
}
