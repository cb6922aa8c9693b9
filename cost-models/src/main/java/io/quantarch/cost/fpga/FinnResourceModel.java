package io.quantarch.cost.fpga;

import io.quantarch.cost.actions.MvauUnit;

import io.quantarch.cost.actions.FpgaOperand;

/**
 * LUT, FF, DSP and BRAM estimates of a matrix-vector unit.
 *
 * <p>Integer operands reproduce FINN's estimator exactly (Xilinx/finn, {@code matrixvectoractivation.py}
 * {@code lut_estimation}/{@code dsp_estimation}/{@code bram_estimation}; coefficients fitted in FINN-R,
 * Blott et al., TRETS 2018): {@code LUT = 300 + 1.1 x PE x (mult + addertree + acc + thr + comp) + c2}.
 *
 * <p>Minifloat operands: no public source gives synthesized LUT counts for minifloat MACs as a function of E and M
 * (the equations of Aggarwal et al., arXiv 2311.12359, are not public; literature.md section 4.1). The terms here are
 * derived from the datapath a minifloat MAC needs, each priced with FINN's own LUT rules: a (Mw+1) x (Ma+1)
 * significand multiplier (FINN's LUT multiplier rule), an exponent adder (one LUT per bit on the carry chain),
 * a conditional negation and a logarithmic alignment shifter into a fixed-point (Kulisch) field wide enough for every
 * exponent pair (two 2:1 mux levels per LUT6), FINN's adder tree and accumulator on that field width, and the same
 * threshold-based output quantizer (any monotone quantizer to B-bit codes is 2^B - 1 thresholds).
 *
 * <p>Flip-flops are not estimated by FINN; here they are the pipeline registers a MAC lane needs (operands, product,
 * accumulator), a derived lower bound, not a fitted figure.
 */
public final class FinnResourceModel {

    /** FINN-R fit: fixed overhead and multiplier of the per-PE LUT sum. */
    static final double C0 = 300;
    static final double C1 = 1.1;
    /** FINN's default accumulator data type when not minimized: INT32 caps the integer accumulator estimate. */
    static final int DEFAULT_ACC_BITS = 32;

    private FinnResourceModel() {
    }

    public static MvauEstimate estimate(MvauUnit u) {
        if (u.weights() instanceof FpgaOperand.Int w && u.inputs() instanceof FpgaOperand.Int a) {
            return integer(u, w, a);
        }
        if (u.weights() instanceof FpgaOperand.MiniFloat w && u.inputs() instanceof FpgaOperand.MiniFloat a) {
            return minifloat(u, w, a);
        }
        throw new IllegalArgumentException(u.name() + ": a matrix-vector unit multiplies two integers or two minifloats, not "
                + u.weights().label() + " x " + u.inputs().label());
    }

    /** FINN's accumulator bound (arXiv 2301.13376): alpha = log2(MW) + W + A - 1 - signed(A); ceil(alpha + log2(1 + 2^-alpha) + 1). */
    public static int integerAccumulatorBits(int mw, FpgaOperand.Int w, FpgaOperand.Int a) {
        double alpha = log2(mw) + w.bits() + a.bits() - 1 - (a.signed() ? 1 : 0);
        return (int) Math.min(DEFAULT_ACC_BITS, Math.ceil(alpha + log2(1 + Math.pow(2, -alpha)) + 1));
    }

    /** Signed fixed-point width that holds any single product of the two minifloats exactly (Kulisch field). */
    public static int alignedProductBits(FpgaOperand.MiniFloat w, FpgaOperand.MiniFloat a) {
        int product = w.significandBits() + a.significandBits();
        return product + 1 + shiftPositions(w, a) - 1;
    }

    /** Distinct alignment shifts: every sum of the two biased exponents. */
    static int shiftPositions(FpgaOperand.MiniFloat w, FpgaOperand.MiniFloat a) {
        return w.exponentCodes() + a.exponentCodes() - 1;
    }

    /** Exact accumulation of MW aligned products: the Kulisch register width. */
    public static int minifloatAccumulatorBits(int mw, FpgaOperand.MiniFloat w, FpgaOperand.MiniFloat a) {
        return alignedProductBits(w, a) + ceilLog2(mw);
    }

    private static MvauEstimate integer(MvauUnit u, FpgaOperand.Int w, FpgaOperand.Int a) {
        int wa = w.bits() + a.bits();
        int q = u.simd();
        // FINN lut_estimation: mult = Q (2 ceil((W+A)/6) - 1)(W+A) in LUTs, none on DSPs
        long mult = u.multipliers() == MvauUnit.Multipliers.LUT ? (long) q * (2L * ceilDiv(wa, 6) - 1) * wa : 0;
        long adderTree = (long) wa * (2L * q - 1);
        int acc = integerAccumulatorBits(u.mw(), w, a);
        long dsps = u.multipliers() == MvauUnit.Multipliers.DSP ? (long) u.pe() * q * ceilDiv(wa, 48) : 0;
        long ffs = (long) u.pe() * ((long) q * wa + acc);
        return finish(u, acc, mult, 0, adderTree, dsps, ffs);
    }

    private static MvauEstimate minifloat(MvauUnit u, FpgaOperand.MiniFloat w, FpgaOperand.MiniFloat a) {
        int q = u.simd();
        int sig = w.significandBits() + a.significandBits();
        int field = alignedProductBits(w, a);
        long mult = 0;
        long dsps = 0;
        if (u.multipliers() == MvauUnit.Multipliers.LUT) {
            mult += (long) q * (2L * ceilDiv(sig, 6) - 1) * sig;                 // FINN's LUT multiplier rule on the significands
        } else {
            dsps = (long) u.pe() * q * ceilDiv(sig, 48);
        }
        int expAdder = Math.max(w.exponentBits(), a.exponentBits()) + 1;       // one LUT per bit with the carry chain
        int implicitBit = (w.subnormals() ? ceilDiv(w.exponentBits(), 6) : 0) + (a.subnormals() ? ceilDiv(a.exponentBits(), 6) : 0);
        mult += (long) q * (expAdder + implicitBit + 1);                       // + sign XOR
        int stages = ceilLog2(shiftPositions(w, a));
        long align = (long) q * ((sig + 1) + (long) field * ceilDiv(stages, 2)); // negate, then 2 mux levels per LUT6
        long adderTree = (long) field * (2L * q - 1);
        int acc = minifloatAccumulatorBits(u.mw(), w, a);
        long ffs = (long) u.pe() * ((long) q * (w.bits() + a.bits() + field) + acc);
        return finish(u, acc, mult, align, adderTree, dsps, ffs);
    }

    private static MvauEstimate finish(MvauUnit u, int acc, long mult, long align, long adderTree, long dsps, long ffs) {
        long thresholds = 0;
        if (u.output() != null) {
            long steps = (1L << u.output().bits()) - 1;
            // FINN: thr = (2^B - 1) acc ceil(TMEM/64) in LUTRAM, comp = (2^B - 1) acc comparators
            thresholds = steps * acc * ceilDiv(u.thresholdMemoryDepth(), 64) + steps * acc;
        }
        long distributed = u.weightMemory() == MvauUnit.WeightMemory.DISTRIBUTED
                ? (long) u.pe() * u.simd() * u.weights().bits() * ceilDiv(u.weightMemoryDepth(), 64) : 0;
        long perPe = mult + align + adderTree + acc + thresholds;
        long luts = (long) (C0 + C1 * u.pe() * perPe + distributed);
        long bram = u.weightMemory() == MvauUnit.WeightMemory.BRAM ? bram18(u) : 0;
        return new MvauEstimate(u, acc, mult, align, adderTree, thresholds, distributed, new FpgaResources(luts, ffs, dsps, bram));
    }

    /** FINN bram_estimation: RAMB18 in simple dual-port mode, by memory width PE x SIMD x W and depth WMEM (UG573 table 1-10). */
    static long bram18(MvauUnit u) {
        long width = (long) u.pe() * u.simd() * u.weights().bits();
        long omega = u.weightMemoryDepth();
        if (width == 1) {
            return ceilDiv(omega, 16384);
        } else if (width == 2) {
            return ceilDiv(omega, 8192);
        } else if (width <= 4) {
            return ceilDiv(omega, 4096) * ceilDiv(width, 4);
        } else if (width <= 9) {
            return ceilDiv(omega, 2048) * ceilDiv(width, 9);
        } else if (width <= 18 || omega > 512) {
            return ceilDiv(omega, 1024) * ceilDiv(width, 18);
        }
        return ceilDiv(omega, 512) * ceilDiv(width, 36);
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    static int ceilLog2(long n) {
        return n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
