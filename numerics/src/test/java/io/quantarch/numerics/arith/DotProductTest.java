package io.quantarch.numerics.arith;

import io.quantarch.numerics.format.IntCodec;
import io.quantarch.numerics.format.MiniFloat;
import io.quantarch.numerics.format.MxIntElement;
import io.quantarch.numerics.format.ScalarCodec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dot products under each accumulation model against BigDecimal references. */
class DotProductTest {

    @Provide
    Arbitrary<ScalarCodec> codecs() {
        return Arbitraries.of(MiniFloat.fp8E4m3(), MiniFloat.fp8E5m2(), MiniFloat.fp4E2m1(), MiniFloat.fp6E3m2(),
                MiniFloat.fp16(), MxIntElement.INT8, new IntCodec(4, true), new IntCodec(8, true));
    }

    static int[] randomCodes(ScalarCodec c, Random r, int n) {
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            int code;
            do {
                code = c.minCode() + r.nextInt(c.maxCode() - c.minCode() + 1);
            } while (!Float.isFinite(c.decode(code)));
            codes[i] = code;
        }
        return codes;
    }

    @Property(tries = 300)
    void everyModelMatchesItsBigDecimalDefinition(@ForAll("codecs") ScalarCodec a, @ForAll("codecs") ScalarCodec b,
                                                  @ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int n) {
        Random r = new Random(seed);
        int[] ac = randomCodes(a, r, n);
        int[] bc = randomCodes(b, r, n);
        MiniFloat accFormat = MiniFloat.fp16();
        List<AccumulationModel> models = List.of(AccumulationModel.EXACT, AccumulationModel.FP32,
                new AccumulationModel.FixedPoint(40, 40), new AccumulationModel.MiniFloatAcc(accFormat));
        DotProduct.Result res = DotProduct.evaluate(a, ac, b, bc, models);

        BigDecimal exact = BigDecimal.ZERO;
        BigDecimal fp32 = BigDecimal.ZERO;
        BigDecimal acc16 = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal p = new BigDecimal(a.decode(ac[i])).multiply(new BigDecimal(b.decode(bc[i])));
            exact = exact.add(p);
            fp32 = roundToFloat(fp32.add(p));
            acc16 = new BigDecimal(accFormat.decode(accFormat.encodeExact(acc16.add(p).doubleValue(),
                    acc16.add(p).subtract(new BigDecimal(acc16.add(p).doubleValue())).doubleValue())));
        }
        assertEquals(0, exact.compareTo(res.exact()));
        assertEquals(0, exact.compareTo(res.under(AccumulationModel.EXACT).exact()));
        assertEquals(fp32.floatValue(), (float) res.under(AccumulationModel.FP32).value(), "fp32 accumulation");
        AccumulationResult fx = res.under(new AccumulationModel.FixedPoint(40, 40));
        BigDecimal truncatedExact = fx.inexact() ? fx.exact() : exact;
        assertEquals(0, truncatedExact.compareTo(fx.exact()), "wide fixed point is exact unless it truncated");
        if (!fx.inexact() && !fx.overflow()) {
            assertEquals(0, exact.compareTo(fx.exact()));
        }
        assertEquals(acc16.doubleValue(), res.under(new AccumulationModel.MiniFloatAcc(accFormat)).value(), 0.0);
    }

    /** Correct rounding of a BigDecimal to float32 by neighbour comparison (independent of Float32). */
    static BigDecimal roundToFloat(BigDecimal v) {
        float f = v.floatValue();
        if (Float.isInfinite(f)) {
            return new BigDecimal(Float.MAX_VALUE).multiply(BigDecimal.valueOf(f > 0 ? 2 : -2));
        }
        float best = f;
        BigDecimal bestErr = v.subtract(new BigDecimal(f)).abs();
        for (float c : new float[] {Math.nextUp(f), Math.nextDown(f)}) {
            BigDecimal err = v.subtract(new BigDecimal(c)).abs();
            int cmp = err.compareTo(bestErr);
            if (cmp < 0 || (cmp == 0 && (Float.floatToRawIntBits(c) & 1) == 0)) {
                best = c;
                bestErr = err;
            }
        }
        return new BigDecimal(best);
    }

    @Test
    void int32AccumulatorReportsOverflowAndWraps() {
        IntCodec i8 = new IntCodec(8, true);
        int n = 140_000;                               // 127 * 127 * 140000 > 2^31
        int[] a = new int[n];
        int[] b = new int[n];
        java.util.Arrays.fill(a, 127);
        java.util.Arrays.fill(b, 127);
        AccumulationResult r = DotProduct.evaluate(i8, a, i8, b, List.of(AccumulationModel.INT32)).under(AccumulationModel.INT32);
        assertTrue(r.overflow());
        long exact = 127L * 127 * n;
        assertEquals((int) exact, (long) r.value(), "two's complement wrap");
        AccumulationResult small = DotProduct.evaluate(i8, new int[] {-127, 3}, i8, new int[] {127, 5},
                List.of(AccumulationModel.INT32)).under(AccumulationModel.INT32);
        assertFalse(small.overflow());
        assertEquals(-127 * 127 + 15, small.value());
    }

    @Test
    void mxint8UsesTwosComplementLevels() {
        MxIntElement e = MxIntElement.INT8;
        int[] a = {e.encode(1.5f), e.encode(-0.25f)};
        int[] b = {e.encode(-1f), e.encode(1f)};
        DotProduct.Result r = DotProduct.evaluate(e, a, e, b, List.of(AccumulationModel.INT32, AccumulationModel.EXACT));
        assertEquals(96 * -64 + -16 * 64, r.under(AccumulationModel.INT32).value());
        assertEquals(0, new BigDecimal("-1.75").compareTo(r.exact()));
    }

    @Test
    void narrowFixedPointTruncatesAndOverflows() {
        MiniFloat e4m3 = MiniFloat.fp8E4m3();
        int[] a = {e4m3.encode(0.001953125f), e4m3.encode(448f), e4m3.encode(448f)};
        int[] b = {e4m3.encode(0.5f), e4m3.encode(448f), e4m3.encode(448f)};
        AccumulationModel.FixedPoint fx = new AccumulationModel.FixedPoint(18, 8);
        AccumulationResult r = DotProduct.evaluate(e4m3, a, e4m3, b, List.of(fx)).under(fx);
        assertTrue(r.inexact(), "2^-10 is below 2^-8");
        assertTrue(r.overflow(), "2 * 448^2 = 401408 >= 2^17");
    }

    @Test
    void fp32AccumulationLosesSmallTermsAsHardwareDoes() {
        MiniFloat f = MiniFloat.fp16();
        int big = f.encode(2048f);
        int one = f.encode(1f);
        int[] a = new int[1 + 10000];
        int[] b = new int[a.length];
        a[0] = big;
        b[0] = f.encode(8192f);                        // 2^24: adding 1 to it in fp32 is lost
        for (int i = 1; i < a.length; i++) {
            a[i] = one;
            b[i] = f.encode(0.5f);
        }
        DotProduct.Result r = DotProduct.evaluate(f, a, f, b, List.of(AccumulationModel.FP32, AccumulationModel.EXACT));
        assertEquals(0x1p24, r.under(AccumulationModel.FP32).value(), 0.0);
        assertEquals(0, new BigDecimal(0x1p24).add(new BigDecimal(5000)).compareTo(r.exact()));
        assertTrue(r.under(AccumulationModel.FP32).inexact());
        assertEquals(0, r.exact().round(MathContext.DECIMAL64).compareTo(new BigDecimal("16782216")));
    }
}
