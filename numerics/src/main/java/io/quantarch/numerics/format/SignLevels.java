package io.quantarch.numerics.format;

/**
 * The unit levels {-1, 0, +1} (ternary) or {-1, +1} (binary); codes are the levels themselves.
 * Ternary encodes with RoundClip (BitNet b1.58, arXiv 2402.17764 eq. 1); binary with the sign
 * (zero maps to +1).
 */
public record SignLevels(boolean hasZero) implements ScalarCodec {

    public static final SignLevels TERNARY = new SignLevels(true);
    public static final SignLevels BINARY = new SignLevels(false);

    @Override
    public String name() {
        return hasZero ? "ternary" : "binary";
    }

    @Override
    public int bits() {
        return hasZero ? 2 : 1;
    }

    @Override
    public int minCode() {
        return -1;
    }

    @Override
    public int maxCode() {
        return 1;
    }

    @Override
    public int encode(float x) {
        if (Float.isNaN(x)) {
            return NO_CODE;
        }
        if (!hasZero) {
            return x < 0 ? -1 : 1;
        }
        return (int) Math.max(-1, Math.min(1, Math.rint(x)));   // RoundClip(x, -1, 1)
    }

    @Override
    public float decode(int code) {
        if (code < -1 || code > 1 || (!hasZero && code == 0)) {
            throw new IllegalArgumentException(name() + ": no level " + code);
        }
        return code;
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
