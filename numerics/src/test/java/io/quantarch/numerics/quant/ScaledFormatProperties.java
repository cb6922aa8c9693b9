package io.quantarch.numerics.quant;

import io.quantarch.numerics.format.Formats;
import io.quantarch.numerics.format.MiniFloat;
import io.quantarch.numerics.format.MxFormat;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.format.IntFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of the scaled formats (MX, integer, scaled minifloat) on random tensors. */
class ScaledFormatProperties {

    @Provide
    Arbitrary<String> mxNames() {
        return Arbitraries.of("mxfp8_e4m3", "mxfp8_e5m2", "mxfp6_e3m2", "mxfp6_e2m3", "mxfp4", "mxint8", "mxfp4_k16");
    }

    @Provide
    Arbitrary<String> intNames() {
        return Arbitraries.of("int2_sym_tensor", "int4_sym_channel", "int4_asym_g32", "int8_asym_tensor",
                "int3_sym_g128", "int8_sym_g32", "int5_asym_channel", "int6_sym_g64");
    }

    static float[] tensor(long seed, int n, int scaleExp) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double v = r.nextGaussian() * Math.scalb(1.0, scaleExp);
            if (r.nextInt(20) == 0) {
                v *= 30;                               // outliers
            }
            x[i] = (float) v;
        }
        return x;
    }

    /** Each MX element is the nearest element value of x / 2^sharedExp (brute force over the element's codes). */
    @Property(tries = 200)
    void mxElementsAreNearestAfterPowerOfTwoScaling(@ForAll("mxNames") String name, @ForAll long seed,
                                                     @ForAll @IntRange(min = -30, max = 30) int scaleExp) {
        MxFormat f = (MxFormat) Formats.byName(name);
        float[] x = tensor(seed, 3 * f.blockSize() + 5, scaleExp);
        QuantizedTensor q = f.quantize(x, Segments.whole(x.length));
        for (int i = 0; i < x.length; i++) {
            float scale = q.scales()[q.groupOf(i)];
            float y = x[i] / scale;                    // exact: scale is a power of two
            float best = Float.NaN;
            double bestErr = Double.POSITIVE_INFINITY;
            for (int c = f.element().minCode(); c <= f.element().maxCode(); c++) {
                float v = f.element().decode(c);
                if (!Float.isFinite(v) || (f.element().name().equals("mxint8_elem") && c == 0x80)) {
                    continue;
                }
                double err = Math.abs((double) y - v);
                if (err < bestErr) {
                    bestErr = err;
                    best = v;
                }
            }
            float got = f.element().decode(q.codes()[i]);
            assertEquals(bestErr, Math.abs((double) y - got), 0.0, name + " element " + i + ": " + y + " -> " + got + ", nearest " + best);
            assertEquals(got * scale, q.values()[i], 0f);
        }
        // the block maximum lands in the element's top binade (MX v1.0 §6.3)
        for (int b = 0; b < q.groups().count(); b++) {
            float amax = 0;
            for (int i = q.groups().start(b); i < q.groups().end(b); i++) {
                amax = Math.max(amax, Math.abs(x[i]));
            }
            if (amax > 0) {
                int emax = f.elementEmax();
                assertEquals(Math.getExponent((double) amax) - emax, Math.getExponent(q.scales()[b]));
            }
        }
    }

    @Property(tries = 300)
    void integerCodesStayInRangeAndErrorIsAtMostHalfAStep(@ForAll("intNames") String name, @ForAll long seed,
                                                          @ForAll @IntRange(min = -20, max = 20) int scaleExp) {
        IntFormat f = (IntFormat) Formats.byName(name);
        int rows = 3;
        int cols = 200;
        float[] x = tensor(seed, rows * cols, scaleExp);
        QuantizedTensor q = f.quantize(x, Segments.rows(rows, cols));
        for (int i = 0; i < x.length; i++) {
            int g = q.groupOf(i);
            int code = q.codes()[i];
            assertTrue(code >= f.element().minCode() && code <= f.element().maxCode(), name + " code " + code);
            float scale = q.scales()[g];
            // max-abs calibration never clips: error <= scale / 2 (plus float32 rounding of the division)
            assertTrue(Math.abs(x[i] - q.values()[i]) <= scale * 0.5000001f + Math.ulp(x[i]),
                    name + ": " + x[i] + " -> " + q.values()[i] + " scale " + scale);
        }
        if (!f.symmetric()) {
            float[] withZero = x.clone();
            withZero[7] = 0f;
            QuantizedTensor qz = f.quantize(withZero, Segments.rows(rows, cols));
            assertEquals(0f, qz.values()[7], 0f, "asymmetric quantization represents zero exactly");
        }
    }

    @Property(tries = 100)
    void mseClippingNeverDoesWorseThanMaxAbs(@ForAll("intNames") String name, @ForAll long seed) {
        NumberFormat f = Formats.byName(name);
        float[] x = tensor(seed, 512, 0);
        Segments s = Segments.rows(2, 256);
        double maxAbs = mse(x, f.quantize(x, s).values());
        double searched = mse(x, f.quantize(x, s, QuantOptions.DEFAULT.withCalibration(Calibration.MSE)).values());
        assertTrue(searched <= maxAbs + 1e-12, name + ": mse search " + searched + " > max-abs " + maxAbs);
    }

    @Property(tries = 50)
    void scaledMinifloatMapsTheGroupMaxToTheFormatMax(@ForAll long seed) {
        NumberFormat f = Formats.byName("fp8_e4m3_channel");
        float[] x = tensor(seed, 4 * 64, 3);
        QuantizedTensor q = f.quantize(x, Segments.rows(4, 64));
        for (int r = 0; r < 4; r++) {
            float amax = 0;
            for (int i = r * 64; i < (r + 1) * 64; i++) {
                amax = Math.max(amax, Math.abs(x[i]));
            }
            assertEquals(amax / MiniFloat.fp8E4m3().maxFinite(), q.scales()[r], 0f);
        }
    }

    @Property(tries = 20)
    void stochasticRoundingIsUnbiasedAndSeeded(@ForAll @IntRange(min = 2, max = 8) int bits, @ForAll long seed) {
        NumberFormat f = Formats.byName("int" + bits + "_sym_tensor");
        int n = 20000;
        float[] x = new float[n];
        x[0] = 1f;                                     // fixes the scale to 1/qmax
        float target = 0.3f / ((1 << (bits - 1)) - 1);
        for (int i = 1; i < n; i++) {
            x[i] = target;
        }
        QuantOptions sr = QuantOptions.DEFAULT.withRounding(new Rounding.Stochastic(seed));
        float[] a = f.quantize(x, Segments.whole(n), sr).values();
        float[] b = f.quantize(x, Segments.whole(n), sr).values();
        assertEquals(java.util.Arrays.toString(a).hashCode(), java.util.Arrays.toString(b).hashCode(), "same seed, same result");
        double mean = 0;
        for (int i = 1; i < n; i++) {
            mean += a[i];
        }
        mean /= (n - 1);
        // each draw is a Bernoulli(0.3) step: mean within 5 standard errors of the value
        double step = 1.0 / ((1 << (bits - 1)) - 1);
        double se = step * Math.sqrt(0.3 * 0.7 / (n - 1));
        assertEquals(target, mean, 5 * se, "stochastic rounding is unbiased");
    }

    private static double mse(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s / a.length;
    }

    @Provide
    Arbitrary<String> anyFormat() {
        return Arbitraries.of(io.quantarch.numerics.format.Formats.listed().stream()
                .map(NumberFormat::name).filter(n -> !n.equals("complex_pm1_pmi")).toList());
    }

    /** fixedScale(group) applied element by element equals quantize(tensor) (the FixedScaleQuantizer contract). */
    @Property(tries = 400)
    void fixedScaleAgreesWithQuantize(@ForAll("anyFormat") String name, @ForAll long seed,
                                      @ForAll @IntRange(min = -12, max = 12) int scaleExp) {
        NumberFormat f = Formats.byName(name);
        int rows = 2;
        int cols = 96;
        float[] x = tensor(seed, rows * cols, scaleExp);
        Segments s = Segments.rows(rows, cols);
        QuantizedTensor q = f.quantize(x, s);
        for (int g = 0; g < q.groups().count(); g++) {
            int from = q.groups().start(g);
            int to = q.groups().end(g);
            FixedScaleQuantizer fq = f.fixedScale(x, from, to, QuantOptions.DEFAULT);
            for (int i = from; i < to; i++) {
                assertEquals(Float.floatToRawIntBits(q.values()[i]), Float.floatToRawIntBits(fq.dequantize(x[i])),
                        name + " group " + g + " element " + i + ": " + x[i]);
            }
        }
    }
}
