package io.quantarch.simulator.pe;

import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.numerics.format.ComplexUnitCodec;
import io.quantarch.numerics.format.Formats;
import io.quantarch.numerics.format.MiniFloat;
import io.quantarch.numerics.format.MxFormat;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.format.ScaledFloat;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.numerics.quant.Segments;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every PE's dot product, computed the way its hardware computes it (bit planes, 2-bit bricks, shift-adds,
 * mantissa products, block fixed point), against a straightforward reference: exact integer sums, or BigDecimal
 * products rounded to float32 exactly where the PE rounds. Bit-exact, overflow and rounding included.
 */
class PeFunctionalProperties {

    static float[] vector(SplittableRandom r, int k, double scale) {
        float[] x = new float[k];
        for (int i = 0; i < k; i++) {
            x[i] = (float) (scale * r.nextGaussian() * (r.nextInt(10) == 0 ? 8 : 1));
        }
        return x;
    }

    /** The PE's functional dot product, its operation tally discarded. */
    static DotResult dot(PeSpec pe, QuantizedTensor qw, NumberFormat w, QuantizedTensor qa, NumberFormat a) {
        return pe.dot(qw, qa, new FormatPair(w, a), ActionCounts.builder());
    }

    static QuantizedTensor q(NumberFormat f, float[] x) {
        return f.quantize(x, Segments.whole(x.length));
    }

    static long level(QuantizedTensor q, int i) {
        return Levels.level(q, i);
    }

    static float round(BigDecimal v) {
        return FloatRounding.nearest(v);
    }

    // ---- integer PEs -----------------------------------------------------------------------------

    @Provide
    Arbitrary<String> intFormats() {
        return Arbitraries.of("int2_sym_tensor", "int3_sym_channel", "int4_sym_tensor", "int5_asym_tensor", "int6_sym_channel",
                "int7_asym_tensor", "int8_sym_tensor", "int8_sym_channel", "int3_asym_channel", "ternary", "binary");
    }

    @Property(tries = 300)
    void integerPesEqualTheExactSum(@ForAll("intFormats") String wf, @ForAll("intFormats") String af, @ForAll long seed,
                                    @ForAll @IntRange(min = 1, max = 200) int k, @ForAll @IntRange(min = 10, max = 40) int accBits) {
        SplittableRandom r = new SplittableRandom(seed);
        NumberFormat w = Formats.byName(wf);
        NumberFormat a = Formats.byName(af);
        QuantizedTensor qw = q(w, vector(r, k, 1));
        QuantizedTensor qa = q(a, vector(r, k, 3));
        long exact = 0;
        boolean prefixOverflow = false;
        long lo = -(1L << (accBits - 1));
        long hi = (1L << (accBits - 1)) - 1;
        for (int i = 0; i < k; i++) {
            exact += level(qw, i) * level(qa, i);
            prefixOverflow |= exact < lo || exact > hi;
        }
        long wrapped = (exact << (64 - accBits)) >> (64 - accBits);
        boolean totalOverflow = exact < lo || exact > hi;
        float dequant = (float) wrapped * (qw.scales()[0] * qa.scales()[0]);
        FormatPair pair = new FormatPair(w, a);
        int wb = Levels.levelBits(w);
        int ab = Levels.levelBits(a);

        IntMacSpec mac = new IntMacSpec(8, 8, accBits);
        if (mac.unsupported(pair) == null) {
            DotResult d = dot(mac, qw, w, qa, a);
            assertEquals(wrapped, d.accumulator());
            assertEquals(prefixOverflow, d.overflow(), "int-mac adds in index order, as the reference");
            assertEquals(Float.floatToRawIntBits(dequant), Float.floatToRawIntBits((float) d.value()));
        }
        BitSerialSpec serial = new BitSerialSpec(8, 16, accBits);
        if (serial.unsupported(pair) == null) {
            DotResult d = dot(serial, qw, w, qa, a);
            assertEquals(wrapped, d.accumulator(), "bit-serial planes sum to the product");
            assertTrue(!totalOverflow || d.overflow());
        }
        BitFusionSpec fusion = new BitFusionSpec(accBits);
        if (fusion.unsupported(pair) == null) {
            DotResult d = dot(fusion, qw, w, qa, a);
            assertEquals(wrapped, d.accumulator(), "2-bit bricks compose the product");
            assertEquals(prefixOverflow, d.overflow());
        }
    }

    @Property(tries = 200)
    void bitFusionThroughputFollowsThePaper(@ForAll @IntRange(min = 1, max = 8) int wb, @ForAll @IntRange(min = 1, max = 8) int ab) {
        int products = BitFusionSpec.BRICKS / BitFusionSpec.bricks(wb, ab);
        int fw = BitFusionSpec.fusedWidth(wb);
        int fa = BitFusionSpec.fusedWidth(ab);
        // ISCA'18 Fig. 5: one 8x8, four 4x4 (or 8x2 / 2x8), sixteen 2x2 products per fusion unit per cycle
        int expected = fw == 8 && fa == 8 ? 1 : fw == 2 && fa == 2 ? 16 : (fw == 4 && fa == 4) || (fw * fa == 16) ? 4 : fw * fa == 32 ? 2 : 8;
        assertEquals(expected, products, wb + "x" + ab);
    }

    @Property(tries = 150)
    void ternaryAndComplexPesAddOnly(@ForAll long seed, @ForAll @IntRange(min = 1, max = 100) int pairs) {
        SplittableRandom r = new SplittableRandom(seed);
        int k = 2 * pairs;
        NumberFormat a8 = Formats.byName("int8_sym_tensor");
        QuantizedTensor qa = q(a8, vector(r, k, 2));
        QuantizedTensor qt = q(Formats.byName("ternary"), vector(r, k, 1));
        long exact = 0;
        for (int i = 0; i < k; i++) {
            exact += (long) qt.codes()[i] * level(qa, i);
        }
        assertEquals(exact, dot(new TernarySpec(8, 32, 0.33), qt, Formats.byName("ternary"), qa, a8).accumulator());
        QuantizedTensor qc = q(Formats.byName("complex_pm1_pmi"), vector(r, k, 1));
        long re = 0;
        long im = 0;
        for (int j = 0; j < pairs; j++) {
            int c = qc.codes()[2 * j];
            long ar = level(qa, 2 * j);
            long ai = level(qa, 2 * j + 1);
            long wr = (long) ComplexUnitCodec.re(c);
            long wi = (long) ComplexUnitCodec.im(c);
            re += ar * wr - ai * wi;                                   // (ar + i ai)(wr + i wi)
            im += ar * wi + ai * wr;
        }
        long[] got = new ComplexPm1PmiSpec(8, 32).complexDot(qc, qa, new boolean[1], ActionCounts.builder());
        assertEquals(re, got[0]);
        assertEquals(im, got[1]);
    }

    // ---- shift-add mixed precision -----------------------------------------------------------------

    @Provide
    Arbitrary<String> lowBitGrouped() {
        return Arbitraries.of("int2_sym_g8", "int3_asym_g16", "int4_sym_g32", "int4_asym_g8", "int4_asym_channel", "int3_sym_tensor");
    }

    @Property(tries = 200)
    void shiftAddEqualsGroupwiseIntegerSumsThenOneDequantPerGroup(@ForAll("lowBitGrouped") String wf, @ForAll long seed,
                                                                  @ForAll @IntRange(min = 1, max = 150) int k) {
        SplittableRandom r = new SplittableRandom(seed);
        NumberFormat w = Formats.byName(wf);
        NumberFormat a = Formats.byName("int8_sym_tensor");
        QuantizedTensor qw = q(w, vector(r, k, 0.1));
        QuantizedTensor qa = q(a, vector(r, k, 3));
        ShiftAddMixedSpec pe = new ShiftAddMixedSpec(4, 8, 32, false);
        assertEquals(null, pe.unsupported(new FormatPair(w, a)));
        float sa = qa.scales()[0];
        float y = 0f;
        for (int g = 0; g < qw.groups().count(); g++) {
            long dot = 0;
            for (int i = qw.groups().start(g); i < qw.groups().end(g); i++) {
                dot += (long) level(qw, i) * level(qa, i);               // (code - zp) * a, by multiplication
            }
            y = y + (float) dot * (qw.scales()[g] * sa);
        }
        DotResult d = dot(pe, qw, w, qa, a);
        assertEquals(Float.floatToRawIntBits(y), Float.floatToRawIntBits((float) d.value()));
        // the multiplier ablation forms the same integer products, so the same result bit for bit
        DotResult m = dot(new ShiftAddMixedSpec(4, 8, 32, false, true), qw, w, qa, a);
        assertEquals(Float.floatToRawIntBits(y), Float.floatToRawIntBits((float) m.value()));
        // the per-MAC baseline against its own definition: FP16 weight, FP16 activation, exact product, FP32 sum
        BigDecimal acc = BigDecimal.ZERO;
        float accF = 0f;
        for (int i = 0; i < k; i++) {
            float s16 = Float.float16ToFloat(Float.floatToFloat16(qw.scales()[qw.groupOf(i)]));
            float wq = Float.float16ToFloat(Float.floatToFloat16(level(qw, i) * s16));
            float aq = Float.float16ToFloat(Float.floatToFloat16(level(qa, i) * sa));
            accF = round(new BigDecimal(accF).add(new BigDecimal(wq).multiply(new BigDecimal(aq))));
        }
        assertEquals(Float.floatToRawIntBits(accF), Float.floatToRawIntBits((float) dot(new ShiftAddMixedSpec(4, 8, 32, true), qw, w, qa, a).value()));
    }

    // ---- minifloat MAC --------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> minifloats() {
        return Arbitraries.of("fp8_e4m3", "fp8_e5m2", "fp6_e3m2", "fp6_e2m3", "fp4_e2m1", "e3m4_ieee", "fp8_e4m3_tensor", "fp4_e2m1_tensor", "e2m5b1_nosub");
    }

    static MiniFloat element(NumberFormat f) {
        return f instanceof ScaledFloat s ? s.element() : (MiniFloat) f;
    }

    @Property(tries = 300)
    void minifloatMacRoundsExactlyAsItsAccumulatorDefines(@ForAll("minifloats") String wf, @ForAll("minifloats") String af,
                                                          @ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int k) {
        SplittableRandom r = new SplittableRandom(seed);
        NumberFormat w = Formats.byName(wf);
        NumberFormat a = Formats.byName(af);
        QuantizedTensor qw = q(w, vector(r, k, 2));
        QuantizedTensor qa = q(a, vector(r, k, 2));
        MiniFloat ew = element(w);
        MiniFloat ea = element(a);
        float scale = qw.scales()[0] * qa.scales()[0];
        float acc = 0f;
        BigDecimal exact = BigDecimal.ZERO;
        for (int i = 0; i < k; i++) {
            BigDecimal p = new BigDecimal(ew.decode(qw.codes()[i])).multiply(new BigDecimal(ea.decode(qa.codes()[i])));
            acc = round(new BigDecimal(acc).add(p));
            exact = exact.add(p);
        }
        DotResult fp32 = dot(MiniFloatMacSpec.FP32_ACCUMULATOR, qw, w, qa, a);
        assertEquals(Float.floatToRawIntBits(acc * scale), Float.floatToRawIntBits((float) fp32.value()), "FP32 accumulation");
        // a wide fixed-point (Kulisch) accumulator is exact
        MiniFloatMacSpec kulisch = new MiniFloatMacSpec(true, 200, 80);
        DotResult kd = dot(kulisch, qw, w, qa, a);
        assertTrue(!kd.overflow());
        assertEquals((float) exact.doubleValue() * scale, (float) kd.value(), 0f, "Kulisch accumulator is exact");
        // a narrow one truncates products below its LSB and wraps, as defined
        MiniFloatMacSpec narrow = new MiniFloatMacSpec(true, 16, 4);
        BigInteger reg = BigInteger.ZERO;
        boolean overflow = false;
        BigInteger mod = BigInteger.ONE.shiftLeft(16);
        for (int i = 0; i < k; i++) {
            BigDecimal p = new BigDecimal(ew.decode(qw.codes()[i])).multiply(new BigDecimal(ea.decode(qa.codes()[i]))).multiply(BigDecimal.valueOf(16));
            reg = reg.add(p.toBigInteger());                           // toBigInteger truncates toward zero
            if (reg.bitLength() >= 16) {
                overflow = true;
                reg = reg.mod(mod);
                if (reg.testBit(15)) {
                    reg = reg.subtract(mod);
                }
            }
        }
        DotResult nd = dot(narrow, qw, w, qa, a);
        assertEquals(overflow, nd.overflow());
        assertEquals(reg.longValue(), nd.accumulator());
    }

    // ---- MX dot product -------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> mx() {
        return Arbitraries.of("mxfp8_e4m3", "mxfp8_e5m2", "mxfp6_e3m2", "mxfp6_e2m3", "mxfp4", "mxint8", "mxint6", "mxint4");
    }

    @Property(tries = 200)
    void mxDotEqualsBlockwiseExactSumsThenFp32(@ForAll("mx") String wf, @ForAll("mx") String af, @ForAll long seed,
                                               @ForAll @IntRange(min = 1, max = 200) int k, @ForAll @IntRange(min = -20, max = 20) int exp) {
        SplittableRandom r = new SplittableRandom(seed);
        MxFormat w = (MxFormat) Formats.byName(wf);
        MxFormat a = (MxFormat) Formats.byName(af);
        QuantizedTensor qw = q(w, vector(r, k, Math.scalb(1.0, exp)));
        QuantizedTensor qa = q(a, vector(r, k, 1));
        float acc = 0f;
        for (int b = 0; b < qw.groups().count(); b++) {
            BigDecimal block = BigDecimal.ZERO;
            for (int i = qw.groups().start(b); i < qw.groups().end(b); i++) {
                block = block.add(new BigDecimal(w.element().decode(qw.codes()[i])).multiply(new BigDecimal(a.element().decode(qa.codes()[i]))));
            }
            block = block.multiply(new BigDecimal(qw.scales()[b])).multiply(new BigDecimal(qa.scales()[b]));
            acc = round(new BigDecimal(acc).add(block));
        }
        DotResult d = dot(new MxDotSpec(1, 63), qw, w, qa, a);
        assertEquals(Float.floatToRawIntBits(acc), Float.floatToRawIntBits((float) d.value()));
    }

    @Provide
    Arbitrary<String> nv() {
        return Arbitraries.of("nvfp4", "nvint4");
    }

    @Property(tries = 150)
    void nvfp4DotIsExactBlockSumsTimesE4m3ScalesThenTheTensorScales(@ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int k,
                                                                    @ForAll @IntRange(min = -20, max = 20) int exp,
                                                                    @ForAll("nv") String name) {
        SplittableRandom r = new SplittableRandom(seed);
        NumberFormat f = Formats.byName(name);
        QuantizedTensor qw = q(f, vector(r, k, Math.scalb(1.0, exp)));
        QuantizedTensor qa = q(f, vector(r, k, 1));
        var e2m1 = f.element();                                // E2M1 (NVFP4) or INT4 levels (NVINT4)
        float acc = 0f;
        double dequantized = 0;
        for (int b = 0; b < qw.groups().count(); b++) {
            BigDecimal block = BigDecimal.ZERO;
            for (int i = qw.groups().start(b); i < qw.groups().end(b); i++) {
                block = block.add(new BigDecimal(e2m1.decode(qw.codes()[i])).multiply(new BigDecimal(e2m1.decode(qa.codes()[i]))));
                dequantized += (double) qw.values()[i] * qa.values()[i];
            }
            acc = round(new BigDecimal(acc).add(block.multiply(new BigDecimal(qw.scales()[b])).multiply(new BigDecimal(qa.scales()[b]))));
        }
        float expected = acc * (qw.tensorScale() * qa.tensorScale());
        MxDotSpec pe = new MxDotSpec(32, 32, BlockScale.E4M3);
        assertEquals(null, pe.unsupported(new FormatPair(f, f)));
        float got = (float) dot(pe, qw, f, qa, f).value();
        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(got));
        // and it is the dot product of the dequantized vectors, up to float32 rounding
        double magnitude = 0;
        for (int i = 0; i < k; i++) {
            magnitude += Math.abs((double) qw.values()[i] * qa.values()[i]);
        }
        assertTrue(Math.abs(got - dequantized) <= 1e-5 * magnitude + 1e-30, got + " vs " + dequantized);
    }

    @Provide
    Arbitrary<String[]> intGroupPairs() {
        return Arbitraries.of(new String[] {"int4_sym_g32", "int4_sym_g32"}, new String[] {"int8_sym_g32", "int8_sym_g32"},
                new String[] {"int4_sym_g32", "int8_sym_g32"}, new String[] {"int4_sym_g16", "int4_sym_g16"},
                new String[] {"int2_sym_g64", "int6_sym_g64"});
    }

    @Property(tries = 150)
    void intGroupDotIsIntegerBlockSumsTimesRoundedScaleProducts(@ForAll("intGroupPairs") String[] pair, @ForAll long seed,
                                                               @ForAll @IntRange(min = 1, max = 200) int k) {
        SplittableRandom r = new SplittableRandom(seed);
        NumberFormat w = Formats.byName(pair[0]);
        NumberFormat a = Formats.byName(pair[1]);
        QuantizedTensor qw = q(w, vector(r, k, 0.05));
        QuantizedTensor qa = q(a, vector(r, k, 3));
        float acc = 0f;
        for (int b = 0; b < qw.groups().count(); b++) {
            long sum = 0;
            for (int i = qw.groups().start(b); i < qw.groups().end(b); i++) {
                sum += level(qw, i) * level(qa, i);
            }
            float scale = qw.scales()[b] * qa.scales()[b];
            acc = round(new BigDecimal(acc).add(new BigDecimal(round(BigDecimal.valueOf(sum).multiply(new BigDecimal(scale))))));
        }
        MxDotSpec pe = new MxDotSpec(32, 32, BlockScale.FP32);
        assertEquals(null, pe.unsupported(new FormatPair(w, a)));
        assertEquals(Float.floatToRawIntBits(acc), Float.floatToRawIntBits((float) dot(pe, qw, w, qa, a).value()));
    }

    // ---- INT4 x FP8 ------------------------------------------------------------------------------------

    @Property(tries = 150)
    void int4Fp8EqualsLookupThenFp8ProductsInFp32(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int k, @ForAll boolean scaledInput) {
        SplittableRandom r = new SplittableRandom(seed);
        NumberFormat w = Formats.byName("int4_sym_channel");
        NumberFormat a = Formats.byName(scaledInput ? "fp8_e4m3_tensor" : "fp8_e4m3");
        QuantizedTensor qw = q(w, vector(r, k, 0.05));
        QuantizedTensor qa = q(a, vector(r, k, 20));
        Int4Fp8Spec pe = new Int4Fp8Spec(32);
        assertEquals(null, pe.unsupported(new FormatPair(w, a)));
        MiniFloat e4m3 = MiniFloat.fp8E4m3();
        float acc = 0f;
        for (int i = 0; i < k; i++) {
            acc = round(new BigDecimal(acc).add(BigDecimal.valueOf(qw.codes()[i]).multiply(new BigDecimal(e4m3.decode(qa.codes()[i])))));
        }
        assertEquals(Float.floatToRawIntBits(acc * (qw.scales()[0] * qa.scales()[0])),
                Float.floatToRawIntBits((float) dot(pe, qw, w, qa, a).value()));
    }
}
