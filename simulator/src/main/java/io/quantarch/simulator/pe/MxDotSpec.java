package io.quantarch.simulator.pe;

import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.ActionKind;
import io.quantarch.cost.actions.Component;
import io.quantarch.cost.estimate.Part;
import io.quantarch.cost.estimate.UnitKind;
import io.quantarch.numerics.format.MiniFloat;
import io.quantarch.numerics.format.MxFormat;
import io.quantarch.numerics.format.MxInt8Element;
import io.quantarch.numerics.quant.QuantizedTensor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * An MX dot-product unit (OCP MX v1.0 §6; B. Rouhani et al., "Microscaling Data Formats for Deep Learning", arXiv
 * 2310.10537, §4 dot product): within a block pair the element products are formed as integers (mantissa x
 * mantissa, aligned to the block's fixed point) and summed exactly; the block sum is then scaled by one addition
 * of the two shared E8M0 exponents and accumulated across blocks in FP32. {@code lanes} element products per
 * cycle (a lanes-wide dot product acts as that many array rows). MXINT8 and MXFP8/6/4 elements.
 */
public record MxDotSpec(int lanes, int accumulatorBits) implements PeSpec {

    public MxDotSpec {
        if (lanes < 1 || lanes > 64 || accumulatorBits < 16 || accumulatorBits > 63) {
            throw new IllegalArgumentException("mx-dot: 1..64 lanes and a 16..63-bit block accumulator");
        }
    }

    @Override
    public String name() {
        return "mx-dot";
    }

    @Override
    public String describe() {
        return name() + " " + lanes + " lane(s), exact block sums, FP32 across blocks";
    }

    @Override
    public String unsupported(FormatPair f) {
        if (!(f.weights() instanceof MxFormat w) || !(f.inputs() instanceof MxFormat a)) {
            return name() + " multiplies MX block formats; cannot run " + f.label();
        }
        if (w.blockSize() != a.blockSize()) {
            return name() + " pairs blocks of equal size; " + f.label() + " has blocks of " + w.blockSize() + " and " + a.blockSize();
        }
        return null;
    }

    @Override
    public Throughput throughput(FormatPair f) {
        return new Throughput(lanes, 1, 1);
    }

    /** Mantissa width (with implicit bit) of an element format; 8 for MXINT8. */
    static int mantissaWidth(MxFormat f) {
        return f.element() instanceof MiniFloat m ? m.mantissaBits() + 1 : 8;
    }

    @Override
    public void countActions(ActionCounts.Builder b, PeWork w) {
        MxFormat fw = (MxFormat) w.formats().weights();
        MxFormat fa = (MxFormat) w.formats().inputs();
        long blocks = w.outputs() * ((w.k() + fw.blockSize() - 1) / fw.blockSize());
        b.add(Component.PE_ARRAY, ActionKind.MAC, "", w.macs());
        b.add(Component.PE_ARRAY, ActionKind.MULTIPLY, "int:" + mantissaWidth(fw) + "x" + mantissaWidth(fa), w.macs());
        // Only the bits this pair can reach toggle: MXINT8 products share one binary point (no alignment shift,
        // a 20-bit sum); minifloat products are aligned across their exponent span first (Rouhani et al. §4).
        int sumBits = Math.min(accumulatorBits, blockSumBits(fw, fa));
        if (!(fw.element() instanceof MxInt8Element && fa.element() instanceof MxInt8Element)) {
            // per product: add the element exponents, find the block's largest (a comparator tree, one per product), align
            int expBits = Math.max(exponentBits(fw), exponentBits(fa)) + 1;
            b.add(Component.PE_ARRAY, ActionKind.ADD, "int:" + expBits, w.macs());
            b.add(Component.PE_ARRAY, ActionKind.COMPARE, Integer.toString(expBits), w.macs());
            b.add(Component.PE_ARRAY, ActionKind.SHIFT, Integer.toString(sumBits), w.macs());              // align to the block point
        }
        b.add(Component.PE_ARRAY, ActionKind.ADD, "int:" + sumBits, w.macs());
        b.add(Component.PE_ARRAY, ActionKind.ADD, "int:9", blocks);                                        // shared exponents
        b.add(Component.PE_ARRAY, ActionKind.ADD, "fp:8,23", blocks);                                      // across blocks
    }

    @Override
    public List<Part> parts() {
        return List.of(new Part(Component.PE_ARRAY, UnitKind.MULTIPLIER, "int:8x8", lanes),
                new Part(Component.PE_ARRAY, UnitKind.SHIFTER, Integer.toString(accumulatorBits), lanes),
                new Part(Component.PE_ARRAY, UnitKind.ADDER, "int:" + accumulatorBits, lanes),
                new Part(Component.PE_ARRAY, UnitKind.ADDER, "int:6", lanes),         // element exponents (up to E5)
                new Part(Component.PE_ARRAY, UnitKind.COMPARATOR, "6", lanes),        // the block's largest product exponent
                new Part(Component.PE_ARRAY, UnitKind.ADDER, "int:9", 1),
                new Part(Component.PE_ARRAY, UnitKind.ADDER, "fp:8,23", 1),
                new Part(Component.PE_ARRAY, UnitKind.REGISTER, Integer.toString(lanes * 16 + 16 + accumulatorBits + 32), 1));
    }

    private static int exponentBits(MxFormat f) {
        return f.element() instanceof MiniFloat m ? m.exponentBits() : 0;
    }

    /** Largest element magnitude in units of the element's smallest LSB: 127 for MXINT8, 448 * 2^9 for E4M3. */
    static long elementMagnitude(MxFormat f) {
        if (f.element() instanceof MiniFloat m) {
            double lsb = m.subnormals() ? m.minSubnormal() : m.minNormal() / (1 << m.mantissaBits());
            return (long) (m.maxFinite() / lsb);
        }
        return 127;                                                         // MXINT8 clamps to +/-127 (MxFormat)
    }

    /**
     * Two's-complement width of an exact block sum of this pair: the largest product in units of the smallest
     * product LSB, block-size carries and a sign (20 bits for MXINT8, 42 for MXFP8 E4M3, 14 for MXFP4).
     */
    public static int blockSumBits(MxFormat fw, MxFormat fa) {
        BigInteger worst = BigInteger.valueOf(elementMagnitude(fw)).multiply(BigInteger.valueOf(elementMagnitude(fa)))
                .multiply(BigInteger.valueOf(fw.blockSize()));                  // E5M2 x E5M2 alone exceeds a long
        return worst.subtract(BigInteger.ONE).bitLength() + 1;
    }

    /** (sign * integer mantissa, exponent of its LSB) of an element code. */
    static long[] element(MxFormat f, int code) {
        if (f.element() instanceof MxInt8Element) {
            return new long[] {MxInt8Element.level(code), -6};
        }
        long[] d = MiniFloatMacSpec.decompose((MiniFloat) f.element(), code);
        return new long[] {d[0] * d[1], d[2]};
    }

    /**
     * Block by block: {@code sum_i m_w m_a 2^(e_w + e_a - e_min)} as an exact integer, times
     * {@code 2^(e_min + X_w + X_a)} (one exponent addition), added to an FP32 accumulator.
     */
    public DotResult dot(QuantizedTensor w, MxFormat fw, QuantizedTensor a, MxFormat fa) {
        float acc = 0f;
        boolean overflow = false;
        for (int blk = 0; blk < w.groups().count(); blk++) {
            int from = w.groups().start(blk);
            int to = w.groups().end(blk);
            if (w.scaleCodes()[blk] == 0xFF || a.scaleCodes()[blk] == 0xFF) {
                return new DotResult(Double.NaN, 0, false);                            // an MX NaN block poisons the result
            }
            long[][] pw = new long[to - from][];
            long[][] pa = new long[to - from][];
            long emin = Long.MAX_VALUE;
            for (int i = from; i < to; i++) {
                pw[i - from] = element(fw, w.codes()[i]);
                pa[i - from] = element(fa, a.codes()[i]);
                emin = Math.min(emin, pw[i - from][1] + pa[i - from][1]);
            }
            BigInteger sum = BigInteger.ZERO;
            for (int i = 0; i < to - from; i++) {
                BigInteger p = BigInteger.valueOf(pw[i][0] * pa[i][0]);
                sum = sum.add(p.shiftLeft((int) (pw[i][1] + pa[i][1] - emin)));
            }
            if (sum.bitLength() >= accumulatorBits) {
                overflow = true;
            }
            int sharedExp = (w.scaleCodes()[blk] - 127) + (a.scaleCodes()[blk] - 127);
            BigDecimal block = scalb(new BigDecimal(sum), (int) emin + sharedExp);
            acc = FloatRounding.nearest(new BigDecimal(acc).add(block));
        }
        return new DotResult(acc, 0, overflow);
    }

    static BigDecimal scalb(BigDecimal v, int exp) {
        return exp >= 0 ? v.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(exp)))
                : v.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-exp)));
    }
}
