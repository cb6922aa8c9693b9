package io.quantarch.simulator.pe;

import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.ActionKind;
import io.quantarch.cost.actions.Component;
import io.quantarch.cost.estimate.Part;
import io.quantarch.cost.estimate.UnitKind;
import io.quantarch.numerics.arith.Float32;
import io.quantarch.numerics.format.MiniFloat;
import io.quantarch.numerics.format.ScaledFloat;
import io.quantarch.numerics.quant.Granularity;
import io.quantarch.numerics.quant.QuantizedTensor;

import java.math.BigInteger;
import java.util.List;

/**
 * A minifloat MAC (as in FPGA and ASIC low-precision FP units, e.g. Aggarwal et al., arXiv 2311.12359): the
 * ExMy x ExMy product is exact (a (Mw+1) x (Ma+1) mantissa multiplier and an exponent adder), accumulated either
 * in FP32 (one rounding per addition) or in a wide signed fixed-point register of {@code accumulatorBits} with
 * {@code fractionBits} below the binary point (a Kulisch-style accumulator when wide enough: exact, overflow
 * reported). Operands are raw minifloats or minifloats with one scale per tensor or channel.
 */
public record MiniFloatMacSpec(boolean fixedPointAccumulator, int accumulatorBits, int fractionBits) implements PeSpec {

    public static final MiniFloatMacSpec FP32_ACCUMULATOR = new MiniFloatMacSpec(false, 32, 0);

    public MiniFloatMacSpec {
        if (accumulatorBits < 8 || accumulatorBits > 1024 || fractionBits < 0 || fractionBits >= accumulatorBits) {
            throw new IllegalArgumentException("minifloat-mac: accumulator 8..1024 bits with fewer fraction bits");
        }
    }

    @Override
    public String name() {
        return "minifloat-mac";
    }

    @Override
    public String describe() {
        return name() + (fixedPointAccumulator ? " -> fixed point " + accumulatorBits + "." + fractionBits : " -> FP32 accumulator");
    }

    @Override
    public String unsupported(FormatPair f) {
        if (FormatPair.minifloat(f.weights()) == null || FormatPair.minifloat(f.inputs()) == null
                || FormatPair.isMx(f.weights()) || FormatPair.isMx(f.inputs())) {
            return name() + " multiplies minifloats (raw or with a tensor/channel scale); cannot run " + f.label();
        }
        if (f.weights() instanceof ScaledFloat s && s.granularity() instanceof Granularity.PerGroup
                || f.inputs() instanceof ScaledFloat t && t.granularity() instanceof Granularity.PerGroup) {
            return name() + " applies one scale per dot product; " + f.label() + " has per-group scales";
        }
        return null;
    }

    @Override
    public Throughput throughput(FormatPair f) {
        return Throughput.ONE;
    }

    private String accVariant() {
        return fixedPointAccumulator ? "int:" + accumulatorBits : "fp:8,23";
    }

    @Override
    public void countActions(ActionCounts.Builder b, PeWork w) {
        MiniFloat mw = FormatPair.minifloat(w.formats().weights());
        MiniFloat ma = FormatPair.minifloat(w.formats().inputs());
        b.add(Component.PE_ARRAY, ActionKind.MAC, "", w.macs());
        b.add(Component.PE_ARRAY, ActionKind.MULTIPLY, FormatPair.fp(mw) + "x" + FormatPair.fp(ma), w.macs());
        b.add(Component.PE_ARRAY, ActionKind.ADD, accVariant(), w.macs());
        if (fixedPointAccumulator) {
            b.add(Component.PE_ARRAY, ActionKind.SHIFT, Integer.toString(accumulatorBits), w.macs());   // align the product
        }
    }

    @Override
    public List<Part> parts() {
        // sized for FP8 E4M3 x E4M3, the widest common FP8 datapath; narrower formats gate the unused bits
        return List.of(new Part(Component.PE_ARRAY, UnitKind.MULTIPLIER, "fp:4,3xfp:4,3", 1),
                new Part(Component.PE_ARRAY, UnitKind.ADDER, accVariant(), 1),
                new Part(Component.PE_ARRAY, UnitKind.SHIFTER, Integer.toString(fixedPointAccumulator ? accumulatorBits : 32), fixedPointAccumulator ? 1 : 0),
                new Part(Component.PE_ARRAY, UnitKind.REGISTER, Integer.toString(8 + 8 + accumulatorBits), 1));
    }

    /** Sign, integer mantissa (implicit bit included) and exponent of a minifloat code: value = sign * m * 2^e. */
    static long[] decompose(MiniFloat f, int code) {
        int m = f.mantissaBits();
        int sign = (code >>> (f.bits() - 1)) != 0 ? -1 : 1;
        int biased = (code >>> m) & ((1 << f.exponentBits()) - 1);
        long mant = code & ((1L << m) - 1);
        int exp;
        if (biased == 0) {
            exp = 1 - f.bias() - m;
            if (!f.subnormals()) {
                mant = 0;
            }
        } else {
            mant |= 1L << m;
            exp = biased - f.bias() - m;
        }
        return new long[] {sign, mant, exp};
    }

    /** Products from mantissa/exponent integers; FP32 or fixed-point accumulation; then {@code fl(acc) * fl(sw * sa)}. */
    public DotResult dot(QuantizedTensor w, MiniFloat wf, QuantizedTensor a, MiniFloat af) {
        float scale = w.scales()[0] * a.scales()[0];
        if (!fixedPointAccumulator) {
            float acc = 0f;
            for (int i = 0; i < w.size(); i++) {
                long[] x = decompose(wf, w.codes()[i]);
                long[] y = decompose(af, a.codes()[i]);
                double p = Math.scalb((double) (x[0] * y[0] * x[1] * y[1]), (int) (x[2] + y[2]));   // exact: <= 22 significant bits
                acc = Float32.roundToFloat(acc + p, Float32.twoSumError(acc, p, acc + p));
            }
            return new DotResult(acc * scale, 0, Float.isInfinite(acc));
        }
        BigInteger mod = BigInteger.ONE.shiftLeft(accumulatorBits);
        BigInteger reg = BigInteger.ZERO;
        boolean overflow = false;
        for (int i = 0; i < w.size(); i++) {
            long[] x = decompose(wf, w.codes()[i]);
            long[] y = decompose(af, a.codes()[i]);
            BigInteger p = BigInteger.valueOf(x[0] * y[0] * x[1] * y[1]);
            int shift = (int) (x[2] + y[2]) + fractionBits;                   // align to the register's binary point
            p = shift >= 0 ? p.shiftLeft(shift) : truncate(p, -shift);
            reg = reg.add(p);
            if (reg.bitLength() >= accumulatorBits) {
                overflow = true;
                reg = reg.mod(mod);
                if (reg.testBit(accumulatorBits - 1)) {
                    reg = reg.subtract(mod);
                }
            }
        }
        double value = new java.math.BigDecimal(reg).divide(new java.math.BigDecimal(BigInteger.ONE.shiftLeft(fractionBits))).doubleValue();
        return new DotResult((float) value * scale, reg.longValue(), overflow);
    }

    /** Drops bits below the register's LSB (toward zero), as an alignment shifter does. */
    private static BigInteger truncate(BigInteger p, int bits) {
        BigInteger t = p.abs().shiftRight(bits);
        return p.signum() < 0 ? t.negate() : t;
    }
}
