package io.quantarch.workloads.tensor;

/**
 * {@link Ops#linear} for many rows at once (a prefill window, a calibration batch), with the rows across the vector
 * lanes: each output's four partial sums are kept as arrays over the rows and every loop is one multiply-add over
 * the rows with the same index on both sides, which the JIT vectorizes (a dot product's reduction it does not).
 * Each row gets exactly {@link Ops#dot}'s operations in its order (partial sum j over k = j, j + 4, ..., the tail
 * into the first, combined pairwise), so the result is the same bits as the row-by-row kernel.
 */
final class RowsLinear {

    /** Outputs per block: their rows are transposed back to row-major together. */
    private static final int OUT_BLOCK = 16;

    private RowsLinear() {
    }

    static void linear(float[] x, int rows, int in, float[] w, int out, float[] bias, float[] y) {
        float[][] xT = new float[in][rows];
        for (int r = 0; r < rows; r++) {
            int xo = r * in;
            for (int k = 0; k < in; k++) {
                xT[k][r] = x[xo + k];
            }
        }
        float[][] part = new float[4][rows];
        float[][] block = new float[OUT_BLOCK][rows];
        int full = in - in % 4;                                   // Ops.dot's four-way loop covers k < full
        for (int o0 = 0; o0 < out; o0 += OUT_BLOCK) {
            int width = Math.min(OUT_BLOCK, out - o0);
            for (int j = 0; j < width; j++) {
                int wo = (o0 + j) * in;
                for (int p = 0; p < 4; p++) {
                    float[] acc = part[p];
                    java.util.Arrays.fill(acc, 0f);
                    int k = p;
                    for (; k + 12 < full; k += 16) {
                        axpy4(acc, w[wo + k], xT[k], w[wo + k + 4], xT[k + 4], w[wo + k + 8], xT[k + 8],
                                w[wo + k + 12], xT[k + 12], rows);
                    }
                    for (; k + 4 < full; k += 8) {
                        axpy2(acc, w[wo + k], xT[k], w[wo + k + 4], xT[k + 4], rows);
                    }
                    if (k < full) {
                        axpy(acc, w[wo + k], xT[k], rows);
                    }
                }
                for (int k = full; k < in; k++) {
                    axpy(part[0], w[wo + k], xT[k], rows);
                }
                combine(part, block[j], rows);
            }
            for (int r = 0; r < rows; r++) {
                int yo = r * out + o0;
                for (int j = 0; j < width; j++) {
                    y[yo + j] = bias == null ? block[j][r] : block[j][r] + bias[o0 + j];
                }
            }
        }
    }

    /** Four terms of one partial sum, in order (one load and store of the partial sum for four multiply-adds). */
    private static void axpy4(float[] acc, float a, float[] xa, float b, float[] xb, float c, float[] xc, float d,
                              float[] xd, int n) {
        for (int r = 0; r < n; r++) {
            acc[r] = (((acc[r] + a * xa[r]) + b * xb[r]) + c * xc[r]) + d * xd[r];
        }
    }

    /** acc += a x xa, then += b x xb: two terms of one partial sum, in order. */
    private static void axpy2(float[] acc, float a, float[] xa, float b, float[] xb, int n) {
        for (int r = 0; r < n; r++) {
            acc[r] = (acc[r] + a * xa[r]) + b * xb[r];
        }
    }

    private static void axpy(float[] acc, float a, float[] xa, int n) {
        for (int r = 0; r < n; r++) {
            acc[r] = acc[r] + a * xa[r];
        }
    }

    private static void combine(float[][] part, float[] y, int n) {
        float[] p0 = part[0];
        float[] p1 = part[1];
        float[] p2 = part[2];
        float[] p3 = part[3];
        for (int r = 0; r < n; r++) {
            y[r] = (p0[r] + p1[r]) + (p2[r] + p3[r]);
        }
    }
}
