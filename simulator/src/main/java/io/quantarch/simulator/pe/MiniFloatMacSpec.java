package io.quantarch.simulator.pe;

import io.quantarch.config.component.Declaration;
import io.quantarch.config.component.Param;
import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.ActionKind;
import io.quantarch.cost.actions.Component;
import io.quantarch.cost.actions.Part;
import io.quantarch.cost.actions.UnitKind;
import io.quantarch.cost.actions.Variant;
import io.quantarch.numerics.arith.Float32;
import io.quantarch.numerics.format.MiniFloat;
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

    static final Param.Choice ACCUMULATOR = Param.choice("accumulator", List.of("fp32", "fixed"), "fp32",
            "fp32: one rounding per addition; fixed: a wide fixed-point (Kulisch-style) register");
    static final Param.Int ACCUMULATOR_BITS = Param.integer("accumulator_bits", 8, 1024, 48, "fixed-point register width, bits (accumulator: fixed)");
    static final Param.Int FRACTION_BITS = Param.integer("fraction_bits", 0, 1023, 24, "fixed-point bits below the binary point (accumulator: fixed)");

    public static final PeKind KIND = PeKind.of("minifloat-mac",
            "minifloat MAC: exact ExMy x ExMy product, FP32 or wide fixed-point accumulation",
            List.of(ACCUMULATOR, ACCUMULATOR_BITS, FRACTION_BITS),
            v -> v.get(ACCUMULATOR).equals("fp32") ? MiniFloatMacSpec.FP32_ACCUMULATOR
                    : new MiniFloatMacSpec(true, v.get(ACCUMULATOR_BITS), v.get(FRACTION_BITS)));

    public static final MiniFloatMacSpec FP32_ACCUMULATOR = new MiniFloatMacSpec(false, 32, 0);

    public MiniFloatMacSpec {
        if (accumulatorBits < 8 || accumulatorBits > 1024 || fractionBits < 0 || fractionBits >= accumulatorBits) {
            throw new IllegalArgumentException("minifloat-mac: accumulator 8..1024 bits with fewer fraction bits");
        }
    }

    @Override
    public Declaration declaration() {
        return KIND.declaration();
    }

    @Override
    public String describe() {
        return name() + (fixedPointAccumulator ? " -> fixed point " + accumulatorBits + "." + fractionBits : " -> FP32 accumulator");
    }

    @Override
    public String unsupported(FormatPair f) {
        if (FormatPair.scalarMinifloat(f.weights()) == null || FormatPair.scalarMinifloat(f.inputs()) == null) {
            return name() + " multiplies minifloats (raw or with a tensor/channel scale); cannot run " + f.label();
        }
        if (FormatPair.perGroup(f.weights()) || FormatPair.perGroup(f.inputs())) {
            return name() + " applies one scale per dot product; " + f.label() + " has per-group scales";
        }
        return null;
    }

    /** A fixed-point register drops each aligned product's bits below 2^-fractionBits (toward zero). */
    @Override
    public double truncationErrorBound(int k, double scaleProduct) {
        return fixedPointAccumulator ? k * Math.scalb(1.0, -fractionBits) * Math.abs(scaleProduct) : 0;
    }

    @Override
    public Throughput throughput(FormatPair f) {
        return Throughput.ONE;
    }

    private Variant accVariant() {
        return fixedPointAccumulator ? Variant.integer(accumulatorBits) : Variant.FP32;
    }

    private static Variant.FpProduct multiplier(FormatPair f) {
        return Variant.product(FormatPair.fp(FormatPair.scalarMinifloat(f.weights())), FormatPair.fp(FormatPair.scalarMinifloat(f.inputs())));
    }

    @Override
    public void countActions(ActionCounts.Builder b, PeWork w) {
        countMacs(b, multiplier(w.formats()), w.macs());
    }

    /** Per MAC: the exact product, the accumulation, and for a fixed-point register the product's alignment shift. */
    private void countMacs(ActionCounts.Builder b, Variant.FpProduct multiplier, long macs) {
        b.add(Component.PE_ARRAY, ActionKind.MAC, Variant.NONE, macs);
        b.add(Component.PE_ARRAY, ActionKind.MULTIPLY, multiplier, macs);
        b.add(Component.PE_ARRAY, ActionKind.ADD, accVariant(), macs);
        if (fixedPointAccumulator) {
            b.add(Component.PE_ARRAY, ActionKind.SHIFT, Variant.width(accumulatorBits), macs);   // align the product
        }
    }

    @Override
    public List<Part> parts() {
        // sized for FP8 E4M3 x E4M3, the widest common FP8 datapath; narrower formats gate the unused bits
        Variant.Fp e4m3 = new Variant.Fp(4, 3);
        return List.of(new Part(Component.PE_ARRAY, UnitKind.MULTIPLIER, Variant.product(e4m3, e4m3), 1),
                new Part(Component.PE_ARRAY, UnitKind.ADDER, accVariant(), 1),
                new Part(Component.PE_ARRAY, UnitKind.SHIFTER, Variant.width(fixedPointAccumulator ? accumulatorBits : 32), fixedPointAccumulator ? 1 : 0),
                Part.register(Component.PE_ARRAY, 8 + 8 + accumulatorBits, 1));
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
    @Override
    public DotResult dot(QuantizedTensor w, QuantizedTensor a, FormatPair formats, ActionCounts.Builder ops) {
        MiniFloat wf = FormatPair.scalarMinifloat(formats.weights());
        MiniFloat af = FormatPair.scalarMinifloat(formats.inputs());
        countMacs(ops, multiplier(formats), w.size());                   // one product, one accumulation (and shift) per element
        float scale = scale(w) * scale(a);
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

    /** The one scale of a tensor (1 for a raw minifloat, whose tensors carry no scales). */
    private static float scale(QuantizedTensor q) {
        return q.scales() == null || q.scales().length == 0 ? 1f : q.scales()[0];
    }

    /** Drops bits below the register's LSB (toward zero), as an alignment shifter does. */
    private static BigInteger truncate(BigInteger p, int bits) {
        BigInteger t = p.abs().shiftRight(bits);
        return p.signum() < 0 ? t.negate() : t;
    }
}
