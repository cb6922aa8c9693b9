package io.quantarch.simulator.functional;

import io.quantarch.numerics.format.IntFormat;
import io.quantarch.numerics.quant.Granularity;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.numerics.quant.Segments;
import io.quantarch.simulator.Fidelity;
import io.quantarch.simulator.array.ArraySpec;

/**
 * A GEMM run functionally on an INT-MAC array: inputs {@code x[M][K]} and weights {@code w[N][K]} (PyTorch's
 * [out][in]) quantized with integer formats, integer codes multiplied and accumulated in the PE accumulator
 * (overflow reported), then dequantized with the scales: {@code y[m][n] = fl(acc) * fl(sx(m) * sw(n))}.
 * Activations may have one scale per tensor or per row (token); weights per tensor or per output channel.
 * Per-group scales need a PE that dequantizes per group (shift-add-mixed) and are rejected here.
 */
public final class QuantizedGemm {

    /** The output and what the accumulator saw. */
    public record Result(float[] y, long[] accumulators, boolean overflow, long cycles) { }

    private QuantizedGemm() {
    }

    public static Result run(ArraySpec array, IntAccumulator acc, float[] x, int m, int k, IntFormat inFormat,
                             float[] w, int n, IntFormat weightFormat, Fidelity fidelity) {
        require(inFormat, "input");
        require(weightFormat, "weight");
        if (!inFormat.symmetric() || !weightFormat.symmetric()) {
            throw new IllegalArgumentException("the int-mac array multiplies symmetric codes; asymmetric zero points need a zero-point correction unit");
        }
        QuantizedTensor qx = inFormat.quantize(x, Segments.rows(m, k));
        QuantizedTensor qw = weightFormat.quantize(w, Segments.rows(n, k));
        int[] a = qx.codes();
        int[] b = new int[k * n];                          // [K][N] as the array's filter operand
        for (int o = 0; o < n; o++) {
            for (int i = 0; i < k; i++) {
                b[i * n + o] = qw.codes()[o * k + i];
            }
        }
        long[] accs;
        boolean overflow;
        long cycles = 0;
        if (fidelity == Fidelity.CYCLE) {
            CycleArray.Run r = CycleArray.run(array, a, b, m, n, k, acc);
            accs = r.out();
            overflow = r.overflow();
            cycles = r.cycles();
        } else {
            accs = IntGemm.reference(a, b, m, n, k, acc);
            overflow = IntGemm.anyOutOfRange(a, b, m, n, k, acc);
        }
        return new Result(dequantize(accs, m, n, qx, qw), accs, overflow, cycles);
    }

    /** y[m][n] = fl(acc) * fl(sx(m) * sw(n)): one definition for the array and for the reference. */
    public static float[] dequantize(long[] accs, int m, int n, QuantizedTensor qx, QuantizedTensor qw) {
        float[] y = new float[m * n];
        for (int i = 0; i < m; i++) {
            float sx = qx.scales()[qx.scales().length == 1 ? 0 : i];
            for (int o = 0; o < n; o++) {
                float sw = qw.scales()[qw.scales().length == 1 ? 0 : o];
                y[i * n + o] = (float) accs[i * n + o] * (sx * sw);
            }
        }
        return y;
    }

    private static void require(IntFormat f, String what) {
        if (f.granularity() instanceof Granularity.PerGroup) {
            throw new IllegalArgumentException(what + " format " + f.name() + " has per-group scales: the int-mac array dequantizes once per "
                    + "dot product; use a shift-add-mixed PE, which dequantizes per group");
        }
    }
}
