package io.quantarch.numerics.format;

/**
 * The fourth roots of unity {+1, +i, -1, -i} as 2-bit codes 0..3, i.e. code k is i^k, so a product
 * of two codes is the sum of the codes mod 4 and a multiplication is a swap and/or negation (iFairy,
 * arXiv 2508.05571). As a scalar codec it sees real numbers only (imaginary part 0).
 */
public record ComplexUnitCodec() implements ScalarCodec {

    public static final ComplexUnitCodec INSTANCE = new ComplexUnitCodec();
    public static final int PLUS_ONE = 0;
    public static final int PLUS_I = 1;
    public static final int MINUS_ONE = 2;
    public static final int MINUS_I = 3;

    @Override
    public String name() {
        return "complex_unit";
    }

    @Override
    public int bits() {
        return 2;
    }

    /** Nearest fourth root of unity to the real number x. */
    @Override
    public int encode(float x) {
        return encodePair(x, 0f);
    }

    /**
     * Nearest fourth root of unity to re + i*im: the one with the largest projection; ties
     * (|re| == |im|) go to the real axis, and zero maps to +1.
     */
    public static int encodePair(float re, float im) {
        if (Float.isNaN(re) || Float.isNaN(im)) {
            return NO_CODE;
        }
        if (Math.abs(re) >= Math.abs(im)) {
            return re < 0 ? MINUS_ONE : PLUS_ONE;
        }
        return im < 0 ? MINUS_I : PLUS_I;
    }

    /** Real part of a code. */
    @Override
    public float decode(int code) {
        return re(code);
    }

    public static float re(int code) {
        return switch (code) {
            case PLUS_ONE -> 1f;
            case MINUS_ONE -> -1f;
            case PLUS_I, MINUS_I -> 0f;
            default -> throw new IllegalArgumentException("complex unit code must be 0..3, got " + code);   // open: an int code
        };
    }

    public static float im(int code) {
        return switch (code) {
            case PLUS_I -> 1f;
            case MINUS_I -> -1f;
            case PLUS_ONE, MINUS_ONE -> 0f;
            default -> throw new IllegalArgumentException("complex unit code must be 0..3, got " + code);   // open: an int code
        };
    }

    /** Code of the product of two codes: i^a * i^b = i^(a+b). */
    public static int multiply(int a, int b) {
        return (a + b) & 3;
    }

    @Override
    public float maxFinite() {
        return 1f;
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
