package io.quantarch.cost.fpga;

import io.quantarch.cost.actions.MvauUnit;

import io.quantarch.cost.actions.FpgaOperand;

import io.quantarch.cost.actions.FpgaDevice;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FinnResourceModelTest {

    /**
     * Rows written by an independent re-implementation of FINN's estimator formulas (lut_estimation, dsp_estimation,
     * bram_estimation of matrixvectoractivation.py): src/test/resources/finn/finn_estimator.py, its output
     * finn_mvau_rows.csv and PROVENANCE.md. Columns: the unit, then accumulator bits, LUTs, DSPs, BRAM18
     * (out_bits 0 = no activation, no thresholds).
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvFileSource(resources = "/finn/finn_mvau_rows.csv", numLinesToSkip = 1)
    void integerUnitsReproduceFinnsEstimator(int mw, int mh, int pe, int simd, int w, int a, boolean aSigned, int outBits,
                                             boolean dsp, boolean distributed, int acc, long luts, long dsps, long bram18) {
        MvauUnit u = new MvauUnit("l", mw, mh, pe, simd, new FpgaOperand.Int(w, true), new FpgaOperand.Int(a, aSigned),
                outBits == 0 ? null : new FpgaOperand.Int(outBits, false), dsp ? MvauUnit.Multipliers.DSP : MvauUnit.Multipliers.LUT,
                distributed ? MvauUnit.WeightMemory.DISTRIBUTED : MvauUnit.WeightMemory.BRAM);
        MvauEstimate e = FinnResourceModel.estimate(u);
        assertEquals(acc, e.accumulatorBits());
        assertEquals(luts, e.resources().luts());
        assertEquals(dsps, e.resources().dsps());
        assertEquals(bram18, e.resources().bram18());
    }

    private static MvauUnit unit(FpgaOperand w, FpgaOperand a) {
        return new MvauUnit("l", 200, 16, 4, 20, w, a, null, MvauUnit.Multipliers.LUT, MvauUnit.WeightMemory.BRAM);
    }

    @Test
    void minifloatUnitsCostMoreThanIntegersOfTheSameWidthAndGrowWithExponentBits() {
        long int8 = FinnResourceModel.estimate(unit(new FpgaOperand.Int(8, true), new FpgaOperand.Int(8, true))).resources().luts();
        long e4m3 = FinnResourceModel.estimate(unit(new FpgaOperand.MiniFloat(4, 3, true), new FpgaOperand.MiniFloat(4, 3, true))).resources().luts();
        long e5m2 = FinnResourceModel.estimate(unit(new FpgaOperand.MiniFloat(5, 2, true), new FpgaOperand.MiniFloat(5, 2, true))).resources().luts();
        long int4 = FinnResourceModel.estimate(unit(new FpgaOperand.Int(4, true), new FpgaOperand.Int(4, true))).resources().luts();
        long e2m1 = FinnResourceModel.estimate(unit(new FpgaOperand.MiniFloat(2, 1, true), new FpgaOperand.MiniFloat(2, 1, true))).resources().luts();
        assertTrue(e4m3 > int8, e4m3 + " vs " + int8);
        assertTrue(e5m2 > e4m3, "wider exponent, wider alignment field: " + e5m2 + " vs " + e4m3);
        assertTrue(e2m1 > int4 && e2m1 < int8, "FP4 between INT4 and INT8: " + int4 + " < " + e2m1 + " < " + int8);
    }

    @Test
    void kulischFieldHoldsEveryProduct() {
        // E4M3 x E4M3, all 16 exponent codes: significands 4 x 4 bits, 31 shift positions -> 8 + 1 + 30 = 39 bits
        FpgaOperand.MiniFloat e4m3 = new FpgaOperand.MiniFloat(4, 3, true);
        assertEquals(39, FinnResourceModel.alignedProductBits(e4m3, e4m3));
        assertEquals(39 + 8, FinnResourceModel.minifloatAccumulatorBits(256, e4m3, e4m3));
    }

    @Test
    void devicesComeFromDataSheetsAndBudgetsAreChecked() {
        FpgaDevice z = FpgaDevice.byName("zcu104");
        assertEquals(230_400, z.luts());
        assertEquals(624, z.bram18());
        FpgaResources r = new FpgaResources(300_000, 10, 10, 10);
        assertFalse(r.fits(z));
        assertEquals(java.util.List.of("LUTs 300,000 > 230,400"), r.overBudget(z));
        assertTrue(r.fits(FpgaDevice.byName("u250")));
    }
}
