package io.quantarch.workloads.ptq;

import java.util.SplittableRandom;

/**
 * Orthogonal rotations of a layer's input space (QuaRot, Ashkboos et al., arXiv 2404.00456, §3): for
 * {@code y = W x}, quantizing {@code R x} and {@code W R^T} spreads outlier channels over all channels while
 * leaving the FP32 result unchanged. For power-of-two sizes R is a randomized Walsh-Hadamard matrix
 * {@code H D / sqrt(n)} (D a seeded random sign diagonal); for other sizes (e.g. an FFN width of 172 = 4 x 43,
 * which has no Hadamard matrix of the odd factor) a seeded random orthogonal matrix (Gram-Schmidt of a Gaussian
 * matrix), as SpinQuant's random-rotation baseline does. The seed is fixed, so results are reproducible.
 */
public final class Rotations {

    public static final long SEED = 0x5EED_0F_0A7L;

    private Rotations() {
    }

    /** Row-major n x n orthogonal matrix R (R R^T = I). */
    public static double[] rotation(int n) {
        SplittableRandom rng = new SplittableRandom(SEED ^ n);
        double[] r = new double[n * n];
        if (Integer.bitCount(n) == 1) {
            double norm = 1 / Math.sqrt(n);
            double[] sign = new double[n];
            for (int j = 0; j < n; j++) {
                sign[j] = rng.nextBoolean() ? 1 : -1;
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    // Sylvester Hadamard: H[i][j] = (-1)^popcount(i & j)
                    r[i * n + j] = (Integer.bitCount(i & j) % 2 == 0 ? norm : -norm) * sign[j];
                }
            }
            return r;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double u1 = rng.nextDouble();
                double u2 = rng.nextDouble();
                r[i * n + j] = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
            }
            // modified Gram-Schmidt against the previous rows, twice for accuracy
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < i; k++) {
                    double d = 0;
                    for (int j = 0; j < n; j++) {
                        d += r[i * n + j] * r[k * n + j];
                    }
                    for (int j = 0; j < n; j++) {
                        r[i * n + j] -= d * r[k * n + j];
                    }
                }
            }
            double norm = 0;
            for (int j = 0; j < n; j++) {
                norm += r[i * n + j] * r[i * n + j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < n; j++) {
                r[i * n + j] /= norm;
            }
        }
        return r;
    }

    /** R in float32, for applying to activations at run time. */
    public static float[] toFloat(double[] r) {
        float[] f = new float[r.length];
        for (int i = 0; i < r.length; i++) {
            f[i] = (float) r[i];
        }
        return f;
    }

    /** y = R x for one vector (float32 arithmetic, as an online rotation unit would compute it). */
    public static float[] apply(float[] r, float[] x) {
        int n = x.length;
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = io.quantarch.workloads.tensor.Ops.dot(r, i * n, x, 0, n);
        }
        return y;
    }

    /** W R^T for a row-major [out][in] weight. */
    public static float[] rotateWeight(double[] r, float[] w, int out, int in) {
        float[] y = new float[w.length];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                double s = 0;
                for (int j = 0; j < in; j++) {
                    s += (double) w[o * in + j] * r[i * in + j];
                }
                y[o * in + i] = (float) s;
            }
        }
        return y;
    }
}
