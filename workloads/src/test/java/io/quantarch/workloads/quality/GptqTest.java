package io.quantarch.workloads.quality;

import io.quantarch.numerics.format.Formats;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.quant.Calibration;
import io.quantarch.numerics.quant.Segments;
import io.quantarch.workloads.policy.Ptq;
import io.quantarch.workloads.ptq.Gptq;
import io.quantarch.workloads.ptq.Rotations;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GPTQ against its own objective: the layer-output error ||X W^T - X Q^T||^2 on the calibration inputs. */
class GptqTest {

    static float[] gaussian(SplittableRandom r, int n, double sigma) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double u1 = r.nextDouble();
            double u2 = r.nextDouble();
            x[i] = (float) (sigma * Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2));
        }
        return x;
    }

    static double outputError(float[] x, int rows, float[] w, float[] q, int out, int in) {
        double e = 0;
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                double a = 0;
                for (int i = 0; i < in; i++) {
                    a += (double) x[r * in + i] * (w[o * in + i] - q[o * in + i]);
                }
                e += a * a;
            }
        }
        return e;
    }

    @Property(tries = 12)
    void gptqHasLowerOutputErrorThanRoundToNearest(@ForAll long seed, @ForAll boolean actOrder,
                                                   @ForAll("formats") String format) {
        SplittableRandom r = new SplittableRandom(seed);
        int out = 24;
        int in = 96;
        int rows = 400;
        float[] w = gaussian(r, out * in, 0.05);
        float[] x = gaussian(r, rows * in, 1.0);
        for (int i = 0; i < rows; i++) {                 // correlated, unequal channels: where GPTQ helps
            for (int c = 0; c < in; c++) {
                x[i * in + c] = x[i * in + c] * (1 + c % 7) + 0.5f * x[i * in + (c + 1) % in];
            }
        }
        double[] h = new double[in * in];
        for (int i = 0; i < rows; i++) {
            for (int a = 0; a < in; a++) {
                for (int b = 0; b < in; b++) {
                    h[a * in + b] += (double) x[i * in + a] * x[i * in + b];
                }
            }
        }
        NumberFormat f = Formats.byName(format);
        float[] rtn = f.fakeQuantize(w, Segments.rows(out, in));
        float[] g = Gptq.quantize(w, out, in, h, rows, f, Calibration.MAX_ABS, new Ptq.WeightRounding.Gptq(32, actOrder, 0.01));
        double eRtn = outputError(x, rows, w, rtn, out, in);
        double eG = outputError(x, rows, w, g, out, in);
        assertTrue(eG < eRtn, format + (actOrder ? " act-order" : "") + ": GPTQ " + eG + " vs RTN " + eRtn);
        // every GPTQ weight is a value of the format: each scaling group holds at most as many distinct values as the
        // format has codes (a weight left unquantized would make almost every value in its group distinct)
        int group = format.endsWith("channel") ? in : format.equals("nvfp4") ? 16 : format.equals("mxfp4") ? 32 : 32;
        int codes = format.startsWith("int3") ? 8 : format.startsWith("int4") ? 16 : 15;    // FP4 E2M1: 15 distinct values
        for (int row = 0; row < out; row++) {
            for (int c0 = 0; c0 < in; c0 += group) {
                java.util.Set<Float> distinct = new java.util.HashSet<>();
                for (int c = c0; c < Math.min(in, c0 + group); c++) {
                    float v = g[row * in + c];
                    assertTrue(Float.isFinite(v), format + ": weight (" + row + ", " + c + ") = " + v);
                    distinct.add(v == 0f ? 0f : v);                         // -0 and +0 are one code
                }
                assertTrue(distinct.size() <= codes, format + ": row " + row + " group at " + c0 + " holds " + distinct.size()
                        + " distinct values, more than the format's " + codes + " codes");
            }
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> formats() {
        return net.jqwik.api.Arbitraries.of("int4_sym_channel", "int3_asym_g32", "int4_sym_g32", "mxfp4", "fp4_e2m1_channel", "nvfp4");
    }

    @Test
    void rotationsAreOrthogonal() {
        for (int n : new int[] {8, 64, 172, 200}) {
            double[] r = Rotations.rotation(n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double d = 0;
                    for (int k = 0; k < n; k++) {
                        d += r[i * n + k] * r[j * n + k];
                    }
                    assertEquals(i == j ? 1.0 : 0.0, d, 1e-9, "R R^T at " + i + "," + j + " for n=" + n);
                }
            }
        }
    }
}
