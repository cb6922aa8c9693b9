package io.quantarch.search.eval;

import io.quantarch.numerics.quant.QuantOptions;
import io.quantarch.numerics.quant.Segments;
import io.quantarch.workloads.layer.GemmOp;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.layer.OperandKind;
import io.quantarch.workloads.policy.TensorQuant;
import io.quantarch.workloads.quality.Sensitivity.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Quality of a shape-only layer: the output noise-to-signal power ratio when one of its tensors is quantized,
 * on seeded synthetic tensors of the layer's GEMM shape. Inputs are Gaussian with log-normal per-channel scales and
 * one outlier channel in 37 (x 20, as LLM activations have); weights are Gaussian with log-normal per-output-channel
 * scales. Only K (the reduction, where group formats form their groups) is kept whole; M is {@code rows} and N is
 * capped at 256 output channels, which keeps the estimate cheap without changing what it measures.
 */
public final class SyntheticNsr {

    static final int MAX_K = 16384;
    static final int MAX_N = 256;

    private SyntheticNsr() {
    }

    /** 0 for FP32; else output noise power / output signal power, averaged over the layer's distinct GEMM shapes of that role. */
    public static double of(Layer l, Role role, TensorQuant tq, long seed, int rows) {
        if (!(tq instanceof TensorQuant.Quantized q)) {
            return 0;
        }
        List<GemmOp> gemms = new ArrayList<>();
        for (GemmOp g : l.gemms()) {
            boolean relevant = switch (role) {
                case WEIGHTS -> g.filterKind() == OperandKind.WEIGHT;
                case KV_CACHE -> g.filterKind() != OperandKind.WEIGHT;
                case INPUTS -> true;
            };
            if (relevant && gemms.stream().noneMatch(x -> x.k() == g.k() && x.n() == g.n())) {
                gemms.add(g);
            }
        }
        if (gemms.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (GemmOp g : gemms) {
            sum += nsr(l, g, role, q, seed, rows);
        }
        return sum / gemms.size();
    }

    /** One GEMM shape: seeded activations with outlier channels, Gaussian weights; the output NSR of quantizing one side. */
    private static double nsr(Layer l, GemmOp g, Role role, TensorQuant.Quantized q, long seed, int rows) {
        QuantOptions opts = QuantOptions.DEFAULT.withCalibration(q.calibration());
        int k = (int) Math.min(g.k(), MAX_K);
        int n = (int) Math.min(g.n(), MAX_N);
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ l.name().hashCode() * 31L ^ (g.k() << 20) ^ g.n());
        float[] x = new float[rows * k];
        double[] channel = new double[k];
        for (int c = 0; c < k; c++) {
            channel[c] = Math.exp(0.5 * gaussian(r)) * (c % 37 == 5 ? 20 : 1);
        }
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < k; c++) {
                x[i * k + c] = (float) (channel[c] * gaussian(r));
            }
        }
        float[] w = new float[n * k];
        for (int j = 0; j < n; j++) {
            double s = 0.02 * Math.exp(0.5 * gaussian(r));
            for (int c = 0; c < k; c++) {
                w[j * k + c] = (float) (s * gaussian(r));
            }
        }
        float[] xq = role == Role.INPUTS ? q.format().fakeQuantize(x, Segments.rows(rows, k), opts) : x;
        float[] wq = role == Role.INPUTS ? w : q.format().fakeQuantize(w, Segments.rows(n, k), opts);
        double noise = 0;
        double signal = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < n; j++) {
                double y = 0;
                double yq = 0;
                int xo = i * k;
                int wo = j * k;
                for (int c = 0; c < k; c++) {
                    y += (double) x[xo + c] * w[wo + c];
                    yq += (double) xq[xo + c] * wq[wo + c];
                }
                signal += y * y;
                noise += (y - yq) * (y - yq);
            }
        }
        return signal == 0 ? 0 : noise / signal;
    }

    private static double gaussian(SplittableRandom r) {
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
