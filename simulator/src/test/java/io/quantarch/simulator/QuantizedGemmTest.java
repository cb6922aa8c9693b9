package io.quantarch.simulator;

import io.quantarch.numerics.format.Formats;
import io.quantarch.numerics.format.IntFormat;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.numerics.quant.Segments;
import io.quantarch.simulator.array.ArraySpec;
import io.quantarch.simulator.array.Dataflow;
import io.quantarch.simulator.functional.IntAccumulator;
import io.quantarch.simulator.functional.IntGemm;
import io.quantarch.simulator.functional.QuantizedGemm;
import io.quantarch.workloads.model.MnistCnnCheckpoint;
import io.quantarch.workloads.tensor.Matrix;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quantized GEMMs on the cycle-stepped array equal a direct integer computation with the same dequantization, bit for bit. */
class QuantizedGemmTest {

    @Property(tries = 60)
    void arrayOutputEqualsTheDirectQuantizedComputation(@ForAll Dataflow df, @ForAll long seed,
                                                        @ForAll @IntRange(min = 2, max = 8) int bits,
                                                        @ForAll boolean perChannel) {
        SplittableRandom r = new SplittableRandom(seed);
        int m = 1 + r.nextInt(20);
        int k = 1 + r.nextInt(40);
        int n = 1 + r.nextInt(20);
        float[] x = new float[m * k];
        float[] w = new float[n * k];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (0.1 * r.nextGaussian());
        }
        IntFormat xf = (IntFormat) Formats.byName("int8_sym_" + (perChannel ? "channel" : "tensor"));
        IntFormat wf = (IntFormat) Formats.byName("int" + bits + "_sym_" + (perChannel ? "channel" : "tensor"));
        ArraySpec array = new ArraySpec(1 + r.nextInt(8), 1 + r.nextInt(8), df);
        IntAccumulator acc = new IntAccumulator(32);
        QuantizedGemm.Result onArray = QuantizedGemm.run(array, acc, x, m, k, xf, w, n, wf, Fidelity.CYCLE);
        // direct reference: quantize, multiply codes, same dequantization
        QuantizedTensor qx = xf.quantize(x, Segments.rows(m, k));
        QuantizedTensor qw = wf.quantize(w, Segments.rows(n, k));
        int[] b = new int[k * n];
        for (int o = 0; o < n; o++) {
            for (int i = 0; i < k; i++) {
                b[i * n + o] = qw.codes()[o * k + i];
            }
        }
        long[] ref = IntGemm.reference(qx.codes(), b, m, n, k, acc);
        assertArrayEquals(ref, onArray.accumulators());
        float[] y = QuantizedGemm.dequantize(ref, m, n, qx, qw);
        for (int i = 0; i < y.length; i++) {
            assertEquals(Float.floatToRawIntBits(y[i]), Float.floatToRawIntBits(onArray.y()[i]), "output " + i);
        }
        assertEquals(io.quantarch.simulator.array.FoldPlan.of(array, m, n, k).computeCycles(), onArray.cycles());
    }

    @Test
    void realMnistClassifierLayerRunsOnTheArray() {
        Matrix fc = MnistCnnCheckpoint.bundled().weights().get("fc");      // [10][256]
        SplittableRandom r = new SplittableRandom(7);
        int m = 16;
        float[] x = new float[m * 256];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.max(0, 40 * r.nextGaussian());             // post-ReLU-like activations
        }
        IntFormat a8 = (IntFormat) Formats.byName("int8_sym_tensor");
        IntFormat w8 = (IntFormat) Formats.byName("int8_sym_channel");
        QuantizedGemm.Result res = QuantizedGemm.run(new ArraySpec(8, 8, Dataflow.WS), new IntAccumulator(32), x, m, 256, a8, fc.data(), 10, w8, Fidelity.CYCLE);
        // close to the FP32 product: INT8 x INT8 with 32-bit accumulation loses little
        double maxErr = 0;
        double maxAbs = 0;
        for (int i = 0; i < m; i++) {
            for (int o = 0; o < 10; o++) {
                double ref = 0;
                for (int kk = 0; kk < 256; kk++) {
                    ref += (double) x[i * 256 + kk] * fc.data()[o * 256 + kk];
                }
                maxErr = Math.max(maxErr, Math.abs(ref - res.y()[i * 10 + o]));
                maxAbs = Math.max(maxAbs, Math.abs(ref));
            }
        }
        assertTrue(maxErr < 0.02 * maxAbs, "INT8 error " + maxErr + " vs magnitude " + maxAbs);
        assertTrue(!res.overflow());
        IntAccumulator acc16 = new IntAccumulator(16);
        assertTrue(QuantizedGemm.run(new ArraySpec(8, 8, Dataflow.WS), acc16, x, m, 256, a8, fc.data(), 10, w8, Fidelity.CYCLE).overflow(),
                "a 16-bit accumulator overflows on 256-long INT8 dot products");
    }

    @Test
    void perGroupScalesAreRejectedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QuantizedGemm.run(new ArraySpec(4, 4, Dataflow.OS),
                new IntAccumulator(32), new float[8], 1, 8, (IntFormat) Formats.byName("int8_sym_tensor"), new float[8], 1,
                (IntFormat) Formats.byName("int4_sym_g4"), Fidelity.ANALYTIC));
        assertTrue(e.getMessage().contains("shift-add-mixed"), e.getMessage());
    }
}
