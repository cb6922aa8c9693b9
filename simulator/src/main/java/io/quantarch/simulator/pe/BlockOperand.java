package io.quantarch.simulator.pe;

import io.quantarch.numerics.format.Binary;
import io.quantarch.numerics.format.ComplexPm1Pmi;
import io.quantarch.numerics.format.IntFormat;
import io.quantarch.numerics.format.MiniFloat;
import io.quantarch.numerics.format.MxFormat;
import io.quantarch.numerics.format.MxIntElement;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.format.Nvfp4;
import io.quantarch.numerics.format.Pow2;
import io.quantarch.numerics.format.ScaledFloat;
import io.quantarch.numerics.format.Ternary;
import io.quantarch.numerics.quant.Granularity;

/**
 * A block-scaled operand as a block dot-product PE sees it: small elements that multiply as integers (a signed
 * mantissa and the exponent of its LSB), {@code blockSize} of them per scale, and the kind of scale its hardware
 * combines per block. OCP MX formats (E8M0 scales; MXINT8/6/4 integer elements), NVFP4 and NVINT4 (E4M3 scales, plus a
 * float32 per-tensor scale) and
 * symmetric per-group integers (float32 scales) of 2..8 bits.
 *
 * @param minifloat the element format when the elements are minifloats, null for integer elements
 * @param intBits   the two's complement width of integer elements (8 for MXINT8), 0 for minifloats
 */
record BlockOperand(NumberFormat format, int blockSize, BlockScale scale, MiniFloat minifloat, int intBits) {

    /** The operand view of {@code f}, or null when {@code f} is not block-scaled in a way a block dot product runs. */
    static BlockOperand of(NumberFormat f) {
        if (f == null) {
            return null;
        }
        return switch (f) {
            case MxFormat mx -> new BlockOperand(mx, mx.blockSize(), BlockScale.E8M0,
                    mx.element() instanceof MiniFloat m ? m : null, mx.element() instanceof MxIntElement e ? e.bits() : 0);
            case Nvfp4 nv -> new BlockOperand(nv, nv.blockSize(), BlockScale.E4M3, nv.element() instanceof MiniFloat m ? m : null,
                    nv.element() instanceof MiniFloat ? 0 : nv.element().bits());
            case IntFormat i when i.symmetric() && i.granularity() instanceof Granularity.PerGroup g ->
                    new BlockOperand(i, g.size(), BlockScale.FP32, null, i.bits());
            case IntFormat i -> null;                      // one scale per dot product, or zero points: not a block operand
            case MiniFloat m -> null;
            case ScaledFloat s -> null;                    // minifloat groups: no FP32-scale minifloat path is built
            case Ternary t -> null;
            case Binary b -> null;
            case Pow2 p -> null;
            case ComplexPm1Pmi c -> null;
        };
    }

    boolean intElements() {
        return minifloat == null;
    }

    /** Multiplier input width: mantissa with its implicit bit, or the integer width. */
    int mantissaWidth() {
        return minifloat != null ? minifloat.mantissaBits() + 1 : intBits;
    }

    int exponentBits() {
        return minifloat != null ? minifloat.exponentBits() : 0;
    }

    /** Largest element magnitude in units of the element's smallest LSB: 127 for MXINT8 and INT8, 448 * 2^9 for E4M3. */
    long elementMagnitude() {
        if (minifloat != null) {
            double lsb = minifloat.subnormals() ? minifloat.minSubnormal() : minifloat.minNormal() / (1 << minifloat.mantissaBits());
            return (long) (minifloat.maxFinite() / lsb);
        }
        return (1L << (intBits - 1)) - 1;                                   // MXINT8 clamps to +/-127 (MxFormat)
    }

    /** (sign * integer mantissa, exponent of its LSB) of an element code. */
    long[] element(int code) {
        if (minifloat != null) {
            long[] d = MiniFloatMacSpec.decompose(minifloat, code);
            return new long[] {d[0] * d[1], d[2]};
        }
        if (format instanceof MxFormat mx && mx.element() instanceof MxIntElement e) {
            return new long[] {e.level(code), -e.fractionBits()};          // MXINT8: 1.6 fixed point (OCP MX v1.0 §5.4); MXINT4 1.2
        }
        return new long[] {code, 0};                                        // symmetric integers: the code is the level
    }
}
