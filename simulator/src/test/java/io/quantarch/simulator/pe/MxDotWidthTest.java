package io.quantarch.simulator.pe;

import io.quantarch.numerics.format.Formats;
import io.quantarch.numerics.format.IntFormat;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.format.Nvfp4;
import io.quantarch.numerics.quant.Granularity;
import io.quantarch.numerics.format.MxFormat;
import io.quantarch.numerics.format.MxIntElement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The block-sum width of a block-scaled pair (MX, NVFP4, integer groups) against a brute-force enumeration of every element code pair. */
class MxDotWidthTest {

    @ParameterizedTest
    @CsvSource({"mxint8, mxint8, 20", "mxfp8_e4m3, mxfp8_e4m3, 42", "mxfp8_e5m2, mxfp8_e5m2, 70", "mxfp6_e2m3, mxfp6_e2m3, 18",
            "mxfp6_e3m2, mxfp6_e3m2, 24", "mxfp4, mxfp4, 14", "mxint8, mxfp8_e4m3, 31", "nvfp4, nvfp4, 13",
            "mxint4, mxint4, 12", "mxint6, mxint6, 16", "nvint4, nvint4, 11", "mxint4, mxfp4, 13",
            "int4_sym_g32, int4_sym_g32, 12", "int4_sym_g16, int4_sym_g16, 11", "int8_sym_g32, int8_sym_g32, 20", "int8_sym_g32, int4_sym_g32, 16"})
    void blockSumWidthIsTheWidestExactSumOfABlock(String wName, String aName, int expected) {
        NumberFormat w = Formats.byName(wName);
        NumberFormat a = Formats.byName(aName);
        // largest |product| over all finite code pairs, in units of the smallest nonzero product's LSB
        BigDecimal maxW = BigDecimal.ZERO, lsbW = null, maxA = BigDecimal.ZERO, lsbA = null;
        for (int c = w.element().minCode(); c <= w.element().maxCode(); c++) {
            float v = w.element().decode(c);
            if (Float.isFinite(v) && v != 0f) {
                maxW = maxW.max(new BigDecimal(Math.abs(v)));
                lsbW = lsbW == null ? new BigDecimal(Math.abs(v)) : lsbW.min(new BigDecimal(Math.abs(v)));
            }
        }
        for (int c = a.element().minCode(); c <= a.element().maxCode(); c++) {
            float v = a.element().decode(c);
            if (Float.isFinite(v) && v != 0f) {
                maxA = maxA.max(new BigDecimal(Math.abs(v)));
                lsbA = lsbA == null ? new BigDecimal(Math.abs(v)) : lsbA.min(new BigDecimal(Math.abs(v)));
            }
        }
        if (w instanceof MxFormat mw && mw.element() instanceof MxIntElement e) {
            maxW = maxW.min(new BigDecimal(e.maxFinite()));                           // MXINT clamps to +/-(2^(b-1)-1)
        }
        if (a instanceof MxFormat ma && ma.element() instanceof MxIntElement e) {
            maxA = maxA.min(new BigDecimal(e.maxFinite()));
        }
        BigInteger worst = maxW.multiply(maxA).divide(lsbW.multiply(lsbA)).toBigIntegerExact().multiply(BigInteger.valueOf(blockSize(w)));
        int bruteForce = worst.negate().bitLength() + 1;                               // two's complement of -worst
        assertEquals(expected, MxDotSpec.blockSumBits(w, a));
        assertEquals(bruteForce, MxDotSpec.blockSumBits(w, a), wName + " x " + aName);
    }

    private static int blockSize(NumberFormat f) {
        return switch (f) {
            case MxFormat mx -> mx.blockSize();
            case Nvfp4 nv -> nv.blockSize();
            case IntFormat i -> ((Granularity.PerGroup) i.granularity()).size();
            default -> throw new IllegalArgumentException(f.name());
        };
    }
}
