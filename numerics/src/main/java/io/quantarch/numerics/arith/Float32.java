package io.quantarch.numerics.arith;

/** Correct rounding to float32 from wider intermediate results, without double rounding. */
public final class Float32 {

    private Float32() {
    }

    /**
     * The float nearest to the exact value {@code s + delta}, where {@code delta} is smaller than half an ulp
     * of {@code s} in double precision and only its sign matters ({@code tieBreak}: +1 the exact value is
     * larger in magnitude than {@code s}, -1 smaller, 0 exactly {@code s}). Ties go to even.
     */
    public static float roundToFloat(double s, int tieBreak) {
        float f = (float) s;
        if ((double) f == s || tieBreak == 0 || Float.isInfinite(f) || Double.isNaN(s)) {
            return f;
        }
        double other = s > f ? Math.nextUp(f) : Math.nextDown(f);
        if (s - f != other - s) {
            return f;                                   // not a tie: Java's nearest is right
        }
        boolean fLarger = Math.abs(f) > Math.abs(other);
        boolean wantLarger = tieBreak > 0;
        return fLarger == wantLarger ? f : (float) other;
    }

    /** The float nearest to {@code s + err}, with {@code err} the exact error term of a TwoSum producing {@code s}. */
    public static float roundToFloat(double s, double err) {
        if (err == 0) {
            return (float) s;
        }
        if (s == 0) {
            return (float) err;
        }
        return roundToFloat(s, (err > 0) == (s > 0) ? 1 : -1);
    }

    /** Knuth's TwoSum: the exact error of {@code a + b} rounded to double. */
    public static double twoSumError(double a, double b, double sum) {
        double bv = sum - a;
        double av = sum - bv;
        return (a - av) + (b - bv);
    }
}
