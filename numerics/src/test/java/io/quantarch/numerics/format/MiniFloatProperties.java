package io.quantarch.numerics.format;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties every minifloat must have, checked against a brute-force search of its decode table:
 * encode gives the nearest representable value (ties to the even code), round trips, monotonicity,
 * and saturation / Inf / NaN behaviour per mode.
 */
class MiniFloatProperties {

    static final List<MiniFloat> FORMATS = List.of(
            MiniFloat.fp8E4m3(), MiniFloat.fp8E5m2(), MiniFloat.fp6E3m2(), MiniFloat.fp6E2m3(), MiniFloat.fp4E2m1(),
            MiniFloat.fp16(),
            (MiniFloat) Formats.byName("e3m3b3"), (MiniFloat) Formats.byName("e2m5b1_nosub"),
            (MiniFloat) Formats.byName("e4m3_ieee"), (MiniFloat) Formats.byName("e3m4_ieee"),
            MiniFloat.of(2, 0), MiniFloat.of(3, 0, 1, true, SpecialValues.NONE), MiniFloat.of(4, 0, 7, true, SpecialValues.FN),
            MiniFloat.of(1, 2), MiniFloat.of(1, 6, 0, false, SpecialValues.NONE), MiniFloat.of(5, 1, 20, true, SpecialValues.IEEE),
            MiniFloat.of(6, 1, 40, false, SpecialValues.FN), MiniFloat.of(4, 2, -3, true, SpecialValues.NONE),
            MiniFloat.of(8, 3, 127, true, SpecialValues.IEEE), MiniFloat.of(3, 4, 9, true, SpecialValues.FN));

    @Provide
    Arbitrary<MiniFloat> formats() {
        return Arbitraries.of(FORMATS);
    }

    /** Floats spread over every magnitude: raw bit patterns and values near each format's range. */
    @Provide
    Arbitrary<Float> floats() {
        Arbitrary<Float> raw = Arbitraries.integers().map(Float::intBitsToFloat);
        Arbitrary<Float> scaled = Combinators.combine(
                Arbitraries.floats().between(-2f, 2f), Arbitraries.integers().between(-40, 20))
                .as((m, e) -> Math.scalb(m, e));
        Arbitrary<Float> smallInts = Arbitraries.integers().between(-4000, 4000).map(i -> i / 64f);
        return Arbitraries.oneOf(raw, scaled, smallInts);
    }

    /** The finite code nearest to x (ties: even code); NO_CODE for NaN. Brute force over all codes. */
    static int bruteForceNearest(MiniFloat f, float x) {
        if (Float.isNaN(x)) {
            return f.nanCode();
        }
        if (Math.abs(x) >= f.maxFinite()) {            // beyond the range the nearest finite value is the max
            return f.maxFiniteCode() | (Float.floatToRawIntBits(x) < 0 ? 1 << (f.bits() - 1) : 0);
        }
        int best = -1;
        double bestErr = Double.POSITIVE_INFINITY;
        for (int c = 0; c < (1 << f.bits()); c++) {
            float v = f.decode(c);
            if (!Float.isFinite(v) || isNonCanonicalZero(f, c)) {
                continue;
            }
            double err = Math.abs((double) x - v);     // exact: both within the format's range
            if (err < bestErr || (err == bestErr && tieBetter(f, c, best, x))) {
                best = c;
                bestErr = err;
            }
        }
        return best;
    }

    /** With subnormals off, E=0 M!=0 codes decode to zero (DAZ) but are never produced. */
    static boolean isNonCanonicalZero(MiniFloat f, int code) {
        int mag = code & ((1 << (f.bits() - 1)) - 1);
        return !f.subnormals() && mag != 0 && (mag >>> f.mantissaBits()) == 0;
    }

    private static boolean tieBetter(MiniFloat f, int candidate, int incumbent, float x) {
        float vc = f.decode(candidate);
        float vi = f.decode(incumbent);
        if (vc == vi) {                                // +0 and -0: keep the input's sign
            boolean negX = Float.floatToRawIntBits(x) < 0;
            boolean negC = (candidate >>> (f.bits() - 1)) != 0;
            return negX == negC;
        }
        return (candidate & 1) == 0;
    }

    @Property(tries = 3000)
    void encodeGivesTheNearestValueTiesToEven(@ForAll("formats") MiniFloat f, @ForAll("floats") float x) {
        int code = f.encode(x);
        int expected = bruteForceNearest(f, x);
        if (Float.isNaN(x)) {
            assertEquals(f.hasNaN() ? f.nanCode() | (Float.floatToRawIntBits(x) < 0 ? 1 << (f.bits() - 1) : 0) : ScalarCodec.NO_CODE, code);
            return;
        }
        if (!f.subnormals() && Math.abs(x) < f.minNormal()) {
            assertEquals(Math.copySign(0f, x), f.decode(code), "flush to a signed zero below min normal: " + x);
            return;
        }
        assertEquals(f.decode(expected), f.decode(code), f.name() + " encode(" + x + ") = " + code + ", nearest is " + expected);
        assertEquals(expected, code, f.name() + " encode(" + x + ")");
    }

    @Property(tries = 60)
    void everyNonNaNCodeRoundTrips(@ForAll("formats") MiniFloat f) {
        for (int c = 0; c < (1 << f.bits()); c++) {
            float v = f.decode(c);
            if (Float.isNaN(v) || isNonCanonicalZero(f, c)) {
                continue;
            }
            if (Float.isInfinite(v)) {
                assertEquals(c, f.withSaturation(false).encode(v), f.name() + " Inf code");
                continue;
            }
            assertEquals(c, f.encode(v), f.name() + " code " + c + " value " + v);
        }
    }

    @Property(tries = 3000)
    void encodeIsMonotone(@ForAll("formats") MiniFloat f, @ForAll("floats") float a, @ForAll("floats") float b) {
        if (Float.isNaN(a) || Float.isNaN(b)) {
            return;
        }
        float lo = Math.min(a, b);
        float hi = Math.max(a, b);
        assertTrue(f.decode(f.encode(lo)) <= f.decode(f.encode(hi)), f.name() + ": " + lo + " <= " + hi);
        MiniFloat ns = f.withSaturation(false);
        if (f.specials() != SpecialValues.NONE && !ns.isNaN(ns.encode(lo)) && !ns.isNaN(ns.encode(hi))) {
            assertTrue(ns.decode(ns.encode(lo)) <= ns.decode(ns.encode(hi)), f.name() + " nonsat: " + lo + " <= " + hi);
        }
    }

    @Property(tries = 200)
    void saturationInfinityAndNaNFollowTheMode(@ForAll("formats") MiniFloat f, @ForAll boolean negative) {
        float inf = negative ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        float beyond = negative ? -f.maxFinite() * 4 : f.maxFinite() * 4;
        float max = negative ? -f.maxFinite() : f.maxFinite();
        assertEquals(max, f.decode(f.encode(inf)));
        assertEquals(max, f.decode(f.encode(beyond)));
        MiniFloat ns = f.withSaturation(false);
        switch (f.specials()) {
            case IEEE -> {
                assertEquals(inf, ns.decode(ns.encode(inf)));
                assertEquals(inf, ns.decode(ns.encode(beyond)));
            }
            case FN -> {
                assertTrue(ns.isNaN(ns.encode(inf)));
                assertTrue(ns.isNaN(ns.encode(beyond)));
            }
            case NONE -> assertThrows(NotRepresentableException.class, () -> ns.encode(beyond));
        }
        // values within range are the same in both modes
        float inside = negative ? -f.maxFinite() : f.maxFinite();
        assertEquals(f.encode(inside), ns.encode(inside));
    }

    @Property(tries = 2000)
    void stochasticRoundingPicksANeighbour(@ForAll("formats") MiniFloat f, @ForAll("floats") float x, @ForAll long random) {
        if (!Float.isFinite(x) || Math.abs(x) >= f.maxFinite() || (!f.subnormals() && Math.abs(x) < f.minNormal())) {
            return;
        }
        float down = x >= 0 ? floorValue(f, x) : -ceilValue(f, -x);
        float up = x >= 0 ? ceilValue(f, x) : -floorValue(f, -x);
        float r = f.decode(f.encodeStochastic(x, random));
        assertTrue(r == down || r == up, f.name() + ": " + x + " -> " + r + " not in [" + down + ", " + up + "]");
    }

    private static float floorValue(MiniFloat f, float x) {
        float best = 0f;
        for (int c = 0; c < (1 << (f.bits() - 1)); c++) {
            float v = f.decode(c);
            if (Float.isFinite(v) && v <= x && v > best) {
                best = v;
            }
        }
        return best;
    }

    private static float ceilValue(MiniFloat f, float x) {
        float best = Float.POSITIVE_INFINITY;
        for (int c = 0; c < (1 << (f.bits() - 1)); c++) {
            float v = f.decode(c);
            if (Float.isFinite(v) && v >= x && v < best) {
                best = v;
            }
        }
        return best;
    }
}
