package io.quantarch.workloads.ptq;

import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.quant.Calibration;
import io.quantarch.numerics.quant.FixedScaleQuantizer;
import io.quantarch.numerics.quant.Granularity;
import io.quantarch.numerics.quant.QuantOptions;
import io.quantarch.workloads.policy.Ptq;

/**
 * GPTQ (Frantar, Ashkboos, Hoefler, Alistarh, "GPTQ: Accurate Post-Training Quantization for Generative
 * Pre-trained Transformers", ICLR 2023, Algorithm 1), for any quantarch weight format.
 *
 * <p>With {@code H = 2 X^T X / N} from calibration inputs (dampened by {@code lambda * mean(diag H)}), columns are
 * quantized in order; each column's rounding error, divided by the diagonal of the upper Cholesky factor U of
 * {@code H^-1}, is subtracted from the not-yet-quantized columns weighted by U's row, with lazy block updates.
 * Scale groups are those of the format (rows, groups of g, MX or NVFP4 blocks); without act-order a group's
 * scale is taken from the updated weights when its first column is reached, with act-order (columns by
 * decreasing Hessian diagonal) from the original weights ("static groups"), so the stored layout stays the
 * format's.
 */
public final class Gptq {

    private Gptq() {
    }

    /**
     * @param w       weight [out][in], row-major (not modified)
     * @param hessian {@code X^T X} summed over calibration rows, [in][in] (scaled internally)
     * @param samples number of calibration rows summed into the Hessian
     * @return the quantized (dequantized-value) weight, [out][in]
     */
    public static float[] quantize(float[] w, int out, int in, double[] hessian, long samples, NumberFormat format,
                                   Calibration calibration, Ptq.WeightRounding.Gptq p) {
        double[][] W = new double[out][in];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                W[o][i] = w[o * in + i];
            }
        }
        double[] H = dampedHessian(hessian, samples, in, W, p.dampening());
        int[] perm = order(H, in, p.actOrder());
        // permuted Hessian and its inverse's upper Cholesky factor
        double[] Hp = new double[in * in];
        for (int a = 0; a < in; a++) {
            for (int b = 0; b < in; b++) {
                Hp[a * in + b] = H[perm[a] * in + perm[b]];
            }
        }
        double[] U = Cholesky.upperOfInverse(Hp, in);
        Groups groups = Groups.of(format, in);
        QuantOptions options = QuantOptions.DEFAULT.withCalibration(calibration);
        FixedScaleQuantizer[][] quantizers = new FixedScaleQuantizer[out][groups.count];
        boolean staticGroups = p.actOrder() || groups.perTensor;
        if (staticGroups) {
            float[] original = w.clone();
            for (int o = 0; o < out; o++) {
                for (int g = 0; g < groups.count; g++) {
                    quantizers[o][g] = groups.quantizer(format, original, o, g, options);
                }
            }
        }
        float[] q = new float[out * in];
        for (int i1 = 0; i1 < in; i1 += p.blockSize()) {
            quantizeBlock(W, q, U, perm, i1, Math.min(i1 + p.blockSize(), in), groups, quantizers, staticGroups, format, options);
        }
        return q;
    }

    /**
     * H = 2 X^T X / n (the calibration Hessian), dead inputs (never active) set to 1 on the diagonal with their weights
     * zeroed, plus {@code dampening} x the mean diagonal (GPTQ, Frantar et al. 2023, Algorithm 1).
     */
    private static double[] dampedHessian(double[] hessian, long samples, int in, double[][] W, double dampening) {
        double[] H = new double[in * in];
        double norm = samples > 0 ? 2.0 / samples : 1.0;
        for (int k = 0; k < H.length; k++) {
            H[k] = hessian[k] * norm;
        }
        for (int i = 0; i < in; i++) {
            if (H[i * in + i] == 0) {                 // dead input: never active in calibration
                H[i * in + i] = 1;
                for (double[] row : W) {
                    row[i] = 0;
                }
            }
        }
        double meanDiag = 0;
        for (int i = 0; i < in; i++) {
            meanDiag += H[i * in + i];
        }
        meanDiag /= in;
        for (int i = 0; i < in; i++) {
            H[i * in + i] += dampening * meanDiag;
        }
        return H;
    }

    /** Column order: as is, or by decreasing Hessian diagonal ("act-order"; stable for ties). */
    private static int[] order(double[] H, int in, boolean actOrder) {
        Integer[] idx = new Integer[in];
        for (int i = 0; i < in; i++) {
            idx[i] = i;
        }
        if (actOrder) {
            java.util.Arrays.sort(idx, (a, b) -> Double.compare(H[b * in + b], H[a * in + a]));
        }
        int[] perm = new int[in];
        for (int i = 0; i < in; i++) {
            perm[i] = idx[i];
        }
        return perm;
    }

    /** Columns [i1, i2) in permuted order: quantize, spread each error over the block, then over the columns after it. */
    private static void quantizeBlock(double[][] W, float[] q, double[] U, int[] perm, int i1, int i2, Groups groups,
                                      FixedScaleQuantizer[][] quantizers, boolean staticGroups, NumberFormat format, QuantOptions options) {
        int out = W.length;
        int in = perm.length;
        double[][] err = new double[out][i2 - i1];
        for (int i = i1; i < i2; i++) {
            int col = perm[i];
            int g = groups.groupOf(col);
            if (!staticGroups && col == groups.start(g)) {
                float[] current = new float[out * in];
                for (int o = 0; o < out; o++) {
                    for (int c = 0; c < in; c++) {
                        current[o * in + c] = (float) W[o][c];
                    }
                }
                for (int o = 0; o < out; o++) {
                    quantizers[o][g] = groups.quantizer(format, current, o, g, options);
                }
            }
            double d = U[i * in + i];
            for (int o = 0; o < out; o++) {
                double wv = W[o][col];
                float qv = quantizers[o][g].dequantize((float) wv);
                q[o * in + col] = qv;
                double e = (wv - qv) / d;
                err[o][i - i1] = e;
                for (int j = i + 1; j < i2; j++) {
                    W[o][perm[j]] -= e * U[i * in + j];
                }
            }
        }
        for (int o = 0; o < out; o++) {
            for (int j = i2; j < in; j++) {
                double s = 0;
                for (int i = i1; i < i2; i++) {
                    s += err[o][i - i1] * U[i * in + j];
                }
                W[o][perm[j]] -= s;
            }
        }
    }

    /** Scale groups of a weight row under a format. */
    static final class Groups {
        final int count;
        final int size;
        final int in;
        final boolean perTensor;

        private Groups(int in, int size, boolean perTensor) {
            this.in = in;
            this.size = size;
            this.perTensor = perTensor;
            this.count = perTensor ? 1 : (in + size - 1) / size;
        }

        static Groups of(NumberFormat f, int in) {
            return granular(f.granularity(), in);
        }

        private static Groups granular(Granularity g, int in) {
            return switch (g) {
                case Granularity.Unscaled u -> new Groups(in, in, false);     // elementwise: any grouping
                case Granularity.PerTensor t -> new Groups(in, in, true);
                case Granularity.PerChannel c -> new Groups(in, in, false);
                case Granularity.PerGroup pg -> new Groups(in, pg.size(), false);
            };
        }

        int groupOf(int col) {
            return perTensor ? 0 : col / size;
        }

        int start(int g) {
            return perTensor ? 0 : g * size;
        }

        FixedScaleQuantizer quantizer(NumberFormat f, float[] weights, int row, int g, QuantOptions o) {
            if (perTensor) {
                return f.fixedScale(weights, 0, weights.length, o);
            }
            int from = row * in + g * size;
            int to = Math.min(row * in + in, from + size);
            return f.fixedScale(weights, from, to, o);
        }
    }
}
