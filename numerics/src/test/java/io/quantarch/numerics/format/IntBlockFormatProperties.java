package io.quantarch.numerics.format;

import io.quantarch.numerics.quant.QuantOptions;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.numerics.quant.Segments;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MXINT4/MXINT6 (MX blocks of integer elements, Chen et al. arXiv 2510.25602 Sec. 2, the MXINT8 element of OCP MX
 * v1.0 §5.4 at fewer bits) and NVINT4 (NVFP4's two-level scales with INT4 elements), against references written here
 * from the definitions in exact decimal arithmetic: the integer level nearest x / scale (ties to even), clamped to the
 * symmetric range.
 */
class IntBlockFormatProperties {

    /** MXINT-b: scale 2^(floor(log2 amax)) (element emax 0), levels clamp(RNE(x / scale * 2^(b-2)), +/-(2^(b-1)-1)). */
    @Property(tries = 300)
    void mxintIsTheNearestLevelOfItsPowerOfTwoScale(@ForAll @Size(32) List<@FloatRange(min = -1e4f, max = 1e4f) Float> block,
                                                    @ForAll("bits") int bits) {
        MxFormat f = (MxFormat) Formats.byName("mxint" + bits);
        float[] x = toArray(block);
        QuantizedTensor q = f.quantize(x, Segments.whole(32), QuantOptions.DEFAULT);
        float amax = 0;
        for (float v : x) {
            amax = Math.max(amax, Math.abs(v));
        }
        int sharedExp = amax == 0 ? -127 : Math.getExponent(amax);
        int max = (1 << (bits - 1)) - 1;
        BigDecimal step = new BigDecimal(Math.scalb(1.0, sharedExp - (bits - 2)));
        for (int i = 0; i < 32; i++) {
            BigDecimal exact = new BigDecimal(x[i]).divide(step);                       // a power of two: exact
            long level = exact.setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
            level = Math.max(-max, Math.min(max, level));
            assertEquals(BigDecimal.valueOf(level).multiply(step).floatValue(), q.values()[i], "x=" + x[i] + " bits " + bits);
        }
        assertEquals(bits + 0.25, f.bitsPerElement(), 1e-12);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> bits() {
        return net.jqwik.api.Arbitraries.of(4, 6, 8);
    }

    /** NVINT4: every value is level x E4M3 block scale x tensor scale, level in -7..7, nearest for unclamped elements. */
    @Property(tries = 300)
    void nvint4IsTheNearestInt4LevelOfItsTwoLevelScale(@ForAll @Size(64) List<@FloatRange(min = -1e3f, max = 1e3f) Float> row) {
        Nvfp4 f = (Nvfp4) Formats.byName("nvint4");
        float[] x = toArray(row);
        QuantizedTensor q = f.quantize(x, Segments.whole(64), QuantOptions.DEFAULT);
        for (int b = 0; b < 4; b++) {
            double unit = (double) q.scales()[b] * q.tensorScale();
            for (int i = 16 * b; i < 16 * b + 16; i++) {
                int level = q.codes()[i];
                assertTrue(level >= -7 && level <= 7, "level " + level);
                assertEquals((float) (level * q.scales()[b] * q.tensorScale()), q.values()[i], Math.ulp(q.values()[i]) * 2);
                if (Math.abs(x[i] / unit) < 6.5) {
                    assertTrue(Math.abs(x[i] - level * unit) <= 0.5 * unit * (1 + 1e-5), "x=" + x[i] + " level " + level + " unit " + unit);
                }
            }
        }
    }

    @Test
    void namesAndBits() {
        assertEquals("nvint4", Formats.byName("nvint4").name());
        assertEquals(4.5, Formats.byName("nvint4").bitsPerElement(), 1e-12);
        assertEquals("mxint4_k16", Formats.byName("mxint4_k16").name());
        assertEquals(1.75f, new MxIntElement(4).maxFinite());
        assertEquals(127f / 64f, MxIntElement.INT8.maxFinite());
        assertEquals(-7, new MxIntElement(4).level(new MxIntElement(4).encode(-100f)));
        // NVFP4 itself is unchanged by the generalisation: 6 and 2688 = 448 x 6 (its golden vectors pin every bit)
        assertEquals("nvfp4", Formats.byName("nvfp4").name());
    }

    private static float[] toArray(List<Float> l) {
        float[] x = new float[l.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = l.get(i);
        }
        return x;
    }
}
