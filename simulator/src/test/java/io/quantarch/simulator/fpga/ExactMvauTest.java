package io.quantarch.simulator.fpga;

import io.quantarch.numerics.format.Formats;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.numerics.quant.Segments;
import io.quantarch.workloads.tensor.ActivationObserver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fixed-point datapath against an exact BigDecimal dot product of the decoded codes. */
class ExactMvauTest {

    @ParameterizedTest
    @CsvSource({"int8_sym_channel, int8_sym_tensor, 200, false", "int3_sym_channel, int4_sym_tensor, 25, false",
            "e4m3_channel, e4m3_tensor, 200, false", "e2m1_channel, e3m2_tensor, 256, false",
            "e5m2_channel, e5m2_tensor, 64, true", "e4m3_ieee_channel, e5m2_tensor, 100, false", "e5m2_channel, e4m3_tensor, 300, false", "e5m2_channel, e5m2_tensor, 7, true"})
    void equalsTheExactSumOfDecodedProducts(String wName, String aName, int in, boolean wide) {
        NumberFormat wf = Formats.byName(wName);
        NumberFormat af = Formats.byName(aName);
        int out = 6;
        int rows = 5;
        Random r = new Random(in * 31L + wName.hashCode());
        float[] w = new float[out * in];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(5) - 2));     // wide dynamic range per row
        }
        float[] b = new float[out];
        float[] x = new float[rows * in];
        float maxAbs = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextGaussian() * Math.exp(3 * r.nextGaussian()));
            maxAbs = Math.max(maxAbs, Math.abs(x[i]));
        }
        for (int o = 0; o < out; o++) {
            b[o] = (float) r.nextGaussian();
        }
        ExactMvau k = new ExactMvau("t", w, out, in, b, wf, af, maxAbs * 0.5f);   // clip: saturation is exercised
        assertEquals(wide, k.accumulatorBits() > 63, "accumulator " + k.accumulatorBits() + " bits");
        float[] y = k.forward(x, rows, ActivationObserver.NONE);

        QuantizedTensor qw = wf.quantize(w, Segments.rows(out, in));
        FixedPointCodes ac = FixedPointCodes.of(af);
        for (int row = 0; row < rows; row++) {
            for (int o = 0; o < out; o++) {
                BigDecimal s = BigDecimal.ZERO;
                for (int i = 0; i < in; i++) {
                    float wv = wf.decode(qw.codes()[o * in + i]);
                    float av = af.decode(ac.encode(x[row * in + i] / k.inputScale()));
                    s = s.add(new BigDecimal(wv).multiply(new BigDecimal(av)));
                }
                double scale = (double) qw.scales()[qw.groupOf(o * in)] * k.inputScale();
                float expect = (float) (s.doubleValue() * scale) + b[o];
                assertEquals(expect, y[row * out + o], 0f, wName + " x " + aName + " row " + row + " out " + o);
            }
        }
    }
}
