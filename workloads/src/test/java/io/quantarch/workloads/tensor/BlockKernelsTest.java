package io.quantarch.workloads.tensor;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The block kernels (queries or rows across the vector lanes) against the one-query / one-row kernels they replace
 * for prefill windows: the same bits, on random shapes including odd sizes, a block that does not start at 0 and
 * blocks longer than one tile. And the vectorizable exp against the JDK's.
 */
class BlockKernelsTest {

    @Property(tries = 60)
    void rowsLinearIsTheRowByRowKernelBitForBit(@ForAll @IntRange(min = 1, max = 70) int rows,
                                                @ForAll @IntRange(min = 1, max = 200) int in,
                                                @ForAll @IntRange(min = 1, max = 40) int out,
                                                @ForAll boolean withBias, @ForAll long seed) {
        Random rnd = new Random(seed);
        float[] x = gaussian(rnd, rows * in);
        float[] w = gaussian(rnd, out * in);
        float[] bias = withBias ? gaussian(rnd, out) : null;
        float[] blocked = new float[rows * out];
        RowsLinear.linear(x, rows, in, w, out, bias, blocked);
        float[] expected = new float[rows * out];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                float y = Ops.dot(w, o * in, x, r * in, in);
                expected[r * out + o] = bias == null ? y : y + bias[o];
            }
        }
        assertArrayEquals(expected, blocked);
    }

    @Property(tries = 40)
    void blockAttentionIsOneQueryAtATimeBitForBit(@ForAll @IntRange(min = 0, max = 90) int start,
                                                  @ForAll @IntRange(min = 1, max = 70) int n,
                                                  @ForAll("headSizes") int headSize, @ForAll boolean grouped,
                                                  @ForAll long seed) {
        assertBlockEqualsOneQuery(4, grouped ? 2 : 4, headSize, start, n, seed);
    }

    @Provide
    Arbitrary<Integer> headSizes() {
        return Arbitraries.of(8, 8, 4, 6, 16);
    }

    @Test
    void blocksLongerThanOneTileAndAWholeLongWindow() {
        assertBlockEqualsOneQuery(8, 4, 8, 0, 700, 11);                  // two tiles of queries
        assertBlockEqualsOneQuery(8, 4, 8, 300, 600, 12);                // a second chunk against a filled cache
    }

    /** On the real model: a prefill window (block kernels) and the same tokens decoded one by one give the same NLL bits. */
    @Test
    void stories260kPrefillEqualsTokenByTokenDecoding() {
        var model = io.quantarch.workloads.model.LlamaModel.fp32(io.quantarch.workloads.model.LlamaCheckpoint.stories260k());
        int[] tokens = io.quantarch.workloads.model.Stories260k.tokens();
        var c = model.config();
        for (int from : new int[] {0, 5120}) {
            double prefill = model.windowNll(tokens, from, 200, ActivationObserver.NONE);
            double decode = model.windowNllDecode(tokens, from, 200, AttentionKernel.dense(c.heads(), c.kvHeads(), c.headSize()));
            assertEquals(decode, prefill, 0.0, "window at " + from);
        }
    }

    private static void assertBlockEqualsOneQuery(int heads, int kvHeads, int headSize, int start, int n, long seed) {
        Random rnd = new Random(seed);
        int dim = heads * headSize;
        int kvDim = kvHeads * headSize;
        int len = start + n;
        float[] q = scaled(gaussian(rnd, n * dim), 3f);                  // spread scores: the softmax is not flat
        float[] keys = gaussian(rnd, len * kvDim);
        float[] values = gaussian(rnd, len * kvDim);
        float[] block = new float[n * dim];
        AttentionKernel.dense(heads, kvHeads, headSize).attendAll(0, start, n, q, keys, values, block, dim);
        float[] oneByOne = new float[n * dim];
        AttentionKernel one = AttentionKernel.dense(heads, kvHeads, headSize);
        for (int t = 0; t < n; t++) {
            one.attend(0, start + t, q, t * dim, keys, values, oneByOne, t * dim);
        }
        assertArrayEquals(oneByOne, block, "start " + start + ", n " + n + ", head size " + headSize);
    }

    @Test
    void expNonPositiveIsTheJdkExpRoundedToFloatButForRareTies() {
        // every float from -0 down to -120 (1.12 billion), in parallel: how many differ from (float) Math.exp, by how much
        int from = Float.floatToRawIntBits(-0f);
        int to = Float.floatToRawIntBits(-120f);
        long[] differ = java.util.stream.IntStream.rangeClosed(0, 63).parallel().mapToObj(part -> {
            long n = 0;
            long farther = 0;
            for (int bits = from + part; bits <= to && bits >= from; bits += 64) {
                float x = Float.intBitsToFloat(bits);
                float ours = Ops.expNonPositive(x);
                float jdk = (float) Math.exp(x);
                if (ours != jdk) {
                    n++;
                    farther += Math.abs(ours - jdk) > Math.ulp(jdk) ? 1 : 0;
                }
            }
            return new long[] {n, farther};
        }).reduce(new long[2], (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        long checked = (long) to - from + 1;
        assertEquals(0, differ[1], "values more than one ulp from (float) Math.exp");
        assertTrue(differ[0] * 10_000_000L < checked, differ[0] + " of " + checked + " differ by one ulp");   // 65 here
        assertEquals(1f, Ops.expNonPositive(0f));
        assertEquals(1f, Ops.expNonPositive(-0f));
        assertEquals(0f, Ops.expNonPositive(-200f));
        assertEquals(0f, Ops.expNonPositive(Float.NEGATIVE_INFINITY));
        assertTrue(Float.isNaN(Ops.expNonPositive(Float.NaN)));
        assertEquals((float) Math.exp(-100.0), Ops.expNonPositive(-100f), "subnormal result");
    }

    private static float[] gaussian(Random rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextGaussian();
        }
        return a;
    }

    private static float[] scaled(float[] a, float s) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= s;
        }
        return a;
    }
}
