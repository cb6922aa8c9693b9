package io.quantarch.workloads.ptq;

import io.quantarch.workloads.tensor.Matrix;

import java.util.List;

/**
 * SmoothQuant migration factors (Xiao et al., ICML 2023, eq. 4): {@code s_j = max|X_j|^alpha / max|W_j|^(1 - alpha)}
 * per input channel j, with the weight maximum taken over every layer that consumes the same activation
 * (q/k/v, gate/up), so that one s can be folded into the preceding normalisation as in the paper.
 */
public final class SmoothQuantScales {

    private SmoothQuantScales() {
    }

    /**
     * @param activationMax per-channel max |X_j| over the calibration split
     * @param weights       the weights ([out][in]) that read this activation
     */
    public static float[] compute(float[] activationMax, List<Matrix> weights, double alpha) {
        int in = activationMax.length;
        float[] s = new float[in];
        for (int j = 0; j < in; j++) {
            double wmax = 0;
            for (Matrix w : weights) {
                for (int o = 0; o < w.rows(); o++) {
                    wmax = Math.max(wmax, Math.abs(w.data()[o * in + j]));
                }
            }
            double xmax = activationMax[j];
            double v = (xmax > 0 && wmax > 0) ? Math.pow(xmax, alpha) / Math.pow(wmax, 1 - alpha) : 1.0;
            s[j] = (float) Math.max(1e-5, v);
        }
        return s;
    }

    /** x_j / s_j for one row. */
    public static float[] divide(float[] x, float[] s) {
        float[] y = new float[x.length];
        for (int j = 0; j < x.length; j++) {
            y[j] = x[j] / s[j];
        }
        return y;
    }

    /** W[o][j] * s_j. */
    public static float[] scaleColumns(float[] w, int out, int in, float[] s) {
        float[] y = new float[w.length];
        for (int o = 0; o < out; o++) {
            for (int j = 0; j < in; j++) {
                y[o * in + j] = w[o * in + j] * s[j];
            }
        }
        return y;
    }
}
