package io.quantarch.numerics.format;

import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.numerics.quant.Segments;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatsTest {

    @Test
    void everyListedFormatParsesBackToItself() {
        Set<String> names = new HashSet<>();
        for (NumberFormat f : Formats.listed()) {
            assertTrue(names.add(f.name()), "duplicate name " + f.name());
            assertEquals(f.name(), Formats.byName(f.name()).name());
            assertTrue(f.bitsPerElement() >= f.bits() - 1, f.name());
            assertTrue(!f.description().isBlank());
        }
        assertTrue(names.containsAll(Set.of("fp8_e4m3", "fp8_e5m2", "fp6_e3m2", "fp6_e2m3", "fp4_e2m1", "fp16",
                "mxfp8_e4m3", "mxfp8_e5m2", "mxfp6_e3m2", "mxfp6_e2m3", "mxfp4", "mxint8", "nvfp4",
                "int4_sym_g128", "ternary", "binary", "pow2_4", "complex_pm1_pmi", "e3m3b3", "e2m5b1_nosub", "e4m3_ieee")));
    }

    @Test
    void namedFormatsHaveTheirPublishedRanges() {
        assertEquals(448f, Formats.byName("fp8_e4m3").maxFinite());
        assertEquals(57344f, Formats.byName("fp8_e5m2").maxFinite());
        assertEquals(28f, Formats.byName("fp6_e3m2").maxFinite());
        assertEquals(7.5f, Formats.byName("fp6_e2m3").maxFinite());
        assertEquals(6f, Formats.byName("fp4_e2m1").maxFinite());
        assertEquals(65504f, Formats.byName("fp16").maxFinite());
        assertEquals(0x1p-9f, Formats.byName("fp8_e4m3").minSubnormal());
        assertEquals(0x1p-6f, Formats.byName("fp8_e4m3").minNormal());
        assertEquals(0f, Formats.byName("e2m5b1_nosub").minSubnormal());
        assertEquals(240f, Formats.byName("e4m3_ieee").maxFinite());
        assertEquals(4.25, Formats.byName("mxfp4").bitsPerElement(), 1e-12);
        assertEquals(4.5, Formats.byName("nvfp4").bitsPerElement(), 1e-12);
        assertEquals(16, ((MxFormat) Formats.byName("mxfp4_k16")).blockSize());
        assertEquals(-3, ((MiniFloat) Formats.byName("e4m2b-3")).bias());
    }

    @Test
    void unknownNamesListTheValidOnesAndTheNearest() {
        UnknownFormatException e = assertThrows(UnknownFormatException.class, () -> Formats.byName("fp8_e4m4"));
        assertTrue(e.getMessage().contains("did you mean 'fp8_e4m3'"), e.getMessage());
        assertTrue(e.getMessage().contains("mxfp4") && e.getMessage().contains("int{2..8}"), e.getMessage());
        assertThrows(UnknownFormatException.class, () -> Formats.byName("int9_sym"));
        assertThrows(UnknownFormatException.class, () -> Formats.byName("e9m2"));
        assertThrows(UnknownFormatException.class, () -> Formats.byName("e8m10b-200"));
    }

    @Test
    void pow2LevelsAreShiftsAndRoundToTheNearestPower() {
        Pow2Codec c = new Pow2Codec(4);               // levels 1, 1/2, ..., 2^-6, and 0
        assertEquals(7, c.levels());
        assertEquals(1f, c.decode(c.encode(1.2f)));
        assertEquals(2f / 4, c.decode(c.encode(0.74f)));
        assertEquals(1f, c.decode(c.encode(0.75f)), "midpoint rounds to the larger power");
        assertEquals(-0.25f, c.decode(c.encode(-0.3f)));
        assertEquals(0x1p-6f, c.decode(c.encode(0x1p-7f)), "half the smallest level rounds up");
        assertEquals(0f, c.decode(c.encode(0x1p-8f)));
        assertEquals(1f, c.decode(c.encode(100f)), "saturates");
        NumberFormat f = Formats.byName("pow2_4");
        QuantizedTensor q = f.quantize(new float[] {3f, -1.1f, 0.2f, 0f}, Segments.whole(4));
        assertEquals(4f, q.scales()[0]);             // 3 is nearer 4 than 2
        assertEquals(129, q.scaleCodes()[0]);        // E8M0 code of 2^2
        assertEquals(4f, q.values()[0]);
        assertEquals(-1f, q.values()[1]);
        assertEquals(0.25f, q.values()[2]);
        assertEquals(0f, q.values()[3]);
    }

    @Test
    void complexPairsMapToTheNearestFourthRootOfUnity() {
        NumberFormat f = Formats.byName("complex_pm1_pmi");
        float[] x = {2f, 1f, -0.5f, 3f, -4f, -1f, 0.1f, -0.2f};
        QuantizedTensor q = f.quantize(x, Segments.whole(x.length));
        assertEquals(ComplexUnitCodec.PLUS_ONE, q.codes()[0]);
        assertEquals(ComplexUnitCodec.PLUS_I, q.codes()[2]);
        assertEquals(ComplexUnitCodec.MINUS_ONE, q.codes()[4]);
        assertEquals(ComplexUnitCodec.MINUS_I, q.codes()[6]);
        float s = (2f + 3f + 4f + 0.2f) / 4;          // least-squares scale for these codes
        assertEquals(s, q.scales()[0], 1e-7f);
        assertEquals(s, q.values()[0], 1e-7f);
        assertEquals(0f, q.values()[1]);
        assertEquals(s, q.values()[3], 1e-7f);
        assertEquals(-s, q.values()[7], 1e-7f);
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                // (re_a + i im_a)(re_b + i im_b)
                float re = ComplexUnitCodec.re(a) * ComplexUnitCodec.re(b) - ComplexUnitCodec.im(a) * ComplexUnitCodec.im(b);
                float im = ComplexUnitCodec.re(a) * ComplexUnitCodec.im(b) + ComplexUnitCodec.im(a) * ComplexUnitCodec.re(b);
                int p = ComplexUnitCodec.multiply(a, b);
                assertTrue(re == ComplexUnitCodec.re(p) && im == ComplexUnitCodec.im(p), a + " x " + b);
            }
        }
    }

    @Test
    void binaryUsesSignAndMeanAbs() {
        QuantizedTensor q = Formats.byName("binary").quantize(new float[] {0.5f, -1.5f, 0f, 2f}, Segments.whole(4));
        assertEquals(1f, q.scales()[0]);
        assertEquals(-1, q.codes()[1]);
        assertEquals(1, q.codes()[2]);
        assertEquals(-1f, q.values()[1]);
    }

    @Test
    void e8m0RoundsToTheNearestPowerOfTwo() {
        assertEquals(127, E8M0.INSTANCE.encode(1f));
        assertEquals(128, E8M0.INSTANCE.encode(1.5f));
        assertEquals(127, E8M0.INSTANCE.encode(1.49f));
        assertEquals(0, E8M0.INSTANCE.encode(Float.MIN_VALUE));
        assertEquals(E8M0.NAN, E8M0.INSTANCE.encode(0f));
        assertEquals(E8M0.NAN, E8M0.INSTANCE.encode(-2f));
    }
}
