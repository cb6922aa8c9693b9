package io.quantarch.workloads.tensor;

/**
 * FP32 kernels of the reference forward passes. Dot products use four independent float32
 * accumulators (the order a 4-lane FP32 MAC unit would use), combined pairwise.
 */
public final class Ops {

    /**
     * Whether {@link RowsLinear} (same bits) is the faster kernel: it pays a transpose of x and per-output set-up, so
     * it needs enough rows and enough work per transposed element. Measured (JDK 25, AVX-512): 512x64x32 14 vs 4.8
     * GMAC/s, 32x64x64 8 vs 5, 196x200x16 11 vs 4.7; but 64x64x16 3.8 vs 4.7 and MNIST's 784x25x8 a toss-up.
     */
    static boolean acrossLanesPays(int rows, int in, int out) {
        return rows >= 16 && (long) in * out >= 512 && (long) rows * in * out >= 1 << 17;
    }

    private Ops() {
    }

    /** sum_i a[ao + i] * b[bo + i] over n terms. */
    public static float dot(float[] a, int ao, float[] b, int bo, int n) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[ao + i] * b[bo + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** y[r][o] = sum_k x[r][k] * w[o][k] (+ bias[o]): x is [rows][in], w is [out][in]. */
    public static void linear(float[] x, int rows, int in, float[] w, int out, float[] bias, float[] y) {
        if (acrossLanesPays(rows, in, out)) {
            RowsLinear.linear(x, rows, in, w, out, bias, y);
            return;
        }
        for (int r = 0; r < rows; r++) {
            int xo = r * in;
            int yo = r * out;
            int o = 0;
            for (; o + 1 < out; o += 2) {
                dot2(w, o * in, (o + 1) * in, x, xo, in, y, yo + o);
            }
            for (; o < out; o++) {
                y[yo + o] = dot(w, o * in, x, xo, in);
            }
            if (bias != null) {
                for (o = 0; o < out; o++) {
                    y[yo + o] = y[yo + o] + bias[o];
                }
            }
        }
    }

    /**
     * Two outputs at once, sharing the loads of x: each is {@link #dot}'s computation exactly (its four partial sums
     * in its order, the tail into the first), so the results are the same bits.
     */
    private static void dot2(float[] w, int wa, int wb, float[] x, int xo, int n, float[] y, int yo) {
        float a0 = 0f;
        float a1 = 0f;
        float a2 = 0f;
        float a3 = 0f;
        float b0 = 0f;
        float b1 = 0f;
        float b2 = 0f;
        float b3 = 0f;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            float x0 = x[xo + i];
            float x1 = x[xo + i + 1];
            float x2 = x[xo + i + 2];
            float x3 = x[xo + i + 3];
            a0 += w[wa + i] * x0;
            a1 += w[wa + i + 1] * x1;
            a2 += w[wa + i + 2] * x2;
            a3 += w[wa + i + 3] * x3;
            b0 += w[wb + i] * x0;
            b1 += w[wb + i + 1] * x1;
            b2 += w[wb + i + 2] * x2;
            b3 += w[wb + i + 3] * x3;
        }
        for (; i < n; i++) {
            a0 += w[wa + i] * x[xo + i];
            b0 += w[wb + i] * x[xo + i];
        }
        y[yo] = (a0 + a1) + (a2 + a3);
        y[yo + 1] = (b0 + b1) + (b2 + b3);
    }

    /** RMSNorm per row (llama2.c run.c: x / sqrt(mean(x^2) + eps) * g, eps = 1e-5). */
    public static void rmsNorm(float[] x, int rows, int dim, float[] gain, float[] out) {
        for (int r = 0; r < rows; r++) {
            int o = r * dim;
            float ss = 0f;
            for (int i = 0; i < dim; i++) {
                ss += x[o + i] * x[o + i];
            }
            ss = ss / dim + 1e-5f;
            float inv = (float) (1.0 / Math.sqrt(ss));
            for (int i = 0; i < dim; i++) {
                out[o + i] = gain[i] * (inv * x[o + i]);
            }
        }
    }

    /** In-place softmax of x[off, off + n). */
    public static void softmax(float[] x, int off, int n) {
        float max = x[off];
        for (int i = 1; i < n; i++) {
            max = Math.max(max, x[off + i]);
        }
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            float e = expNonPositive(x[off + i] - max);
            x[off + i] = e;
            sum += e;
        }
        float inv = 1f / sum;
        for (int i = 0; i < n; i++) {
            x[off + i] *= inv;
        }
    }

    private static final double E2 = 1.0 / 2;
    private static final double E3 = 1.0 / 6;
    private static final double E4 = 1.0 / 24;
    private static final double E5 = 1.0 / 120;
    private static final double E6 = 1.0 / 720;
    private static final double E7 = 1.0 / 5040;
    private static final double E8 = 1.0 / 40320;
    private static final double E9 = 1.0 / 362880;
    private static final double E10 = 1.0 / 3628800;
    private static final double E11 = 1.0 / 39916800;

    /**
     * exp(x) rounded to float for x <= 0 (a softmax's x - max), from plain double arithmetic so that a loop of it
     * vectorizes (Math.exp does not): exp(x) = exp(x / 512)^512, the inner value by its Taylor series to degree 11
     * (|x / 512| <= 0.24, truncation below 1e-17) and nine squarings: relative error about 512 x 3e-16 in double, so
     * the float is (float) Math.exp(x) on all but 65 of the 1.12 billion floats in [-120, 0] (counted exhaustively;
     * one ulp each, next to a rounding tie). Below -120 the float result is 0 either way; the clamp keeps the series
     * in range. Scalar and vectorized loops give the same bits (Java never contracts to FMA).
     */
    public static float expNonPositive(float x) {
        double u = Math.max(x, -120f) * (1.0 / 512);
        double p = 1 + u * (1 + u * (E2 + u * (E3 + u * (E4 + u * (E5 + u * (E6 + u * (E7 + u * (E8 + u * (E9
                + u * (E10 + u * E11))))))))));
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        return (float) p;
    }

    /** SiLU: x * sigmoid(x). */
    public static float silu(float x) {
        return (float) (x / (1.0 + Math.exp(-x)));
    }

    /** log(sum exp(logits)) - logits[target], in double: the negative log-likelihood in nats. */
    public static double nll(float[] logits, int off, int n, int target) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, logits[off + i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(logits[off + i] - max);
        }
        return max + Math.log(sum) - logits[off + target];
    }

    /** Index of the largest value (first on ties). */
    public static int argmax(float[] x, int off, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (x[off + i] > x[off + best]) {
                best = i;
            }
        }
        return best;
    }
}
