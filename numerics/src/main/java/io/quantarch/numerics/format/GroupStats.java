package io.quantarch.numerics.format;

/** Range statistics of a scale group, shared by the scaled formats. */
final class GroupStats {

    private GroupStats() {
    }

    /** max |x| over [from, to); NaN if any element is NaN, Inf if any is infinite. */
    static float maxAbs(float[] x, int from, int to) {
        float m = 0f;
        boolean nan = false;
        for (int i = from; i < to; i++) {
            float a = Math.abs(x[i]);
            if (a != a) {
                nan = true;
            } else if (a > m) {
                m = a;
            }
        }
        return nan ? Float.NaN : m;
    }

    static boolean allFinite(float[] x, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Float.isFinite(x[i])) {
                return false;
            }
        }
        return true;
    }

    static double mse(float[] ref, float[] q, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            double d = (double) ref[i] - q[i];
            s += d * d;
        }
        return to > from ? s / (to - from) : 0;
    }

    /** Unbiased binary exponent of a positive finite float (float32 subnormals included), i.e. floor(log2 a). */
    static int floorLog2(float a) {
        return Math.getExponent((double) a);
    }
}
