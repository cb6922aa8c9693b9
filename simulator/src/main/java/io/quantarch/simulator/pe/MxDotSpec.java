package io.quantarch.simulator.pe;

import io.quantarch.config.component.Declaration;
import io.quantarch.config.component.Param;
import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.ActionKind;
import io.quantarch.cost.actions.Component;
import io.quantarch.cost.actions.Part;
import io.quantarch.cost.actions.UnitKind;
import io.quantarch.cost.actions.Variant;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.quant.QuantizedTensor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A block-scaled dot-product unit (OCP MX v1.0 §6; B. Rouhani et al., "Microscaling Data Formats for Deep Learning",
 * arXiv 2310.10537, §4 dot product): within a block pair the element products are formed as integers (mantissa x
 * mantissa, aligned to the block's fixed point) and summed exactly; the block sum is then scaled and accumulated
 * across blocks in FP32. {@code lanes} element products per cycle (a lanes-wide dot product acts as that many array
 * rows). The scale datapath is built for one kind of block scale ({@link BlockScale}):
 * <ul>
 * <li>E8M0 (OCP MX: MXINT8, MXFP8/6/4): one addition of the two shared exponents, the block sum exact into FP32;</li>
 * <li>E4M3 (NVFP4): the two E4M3 scales multiplied (exact: 4x4-bit mantissas), the block sum times that product
 *     (exact, under 24 significant bits) added into FP32, the output times fl(S_dec,w * S_dec,a) once;</li>
 * <li>FP32 (symmetric per-group integers): s = fl(s_w * s_a), the block sum (an exact integer) times s rounded to
 *     FP32, added into FP32 — the dequantize-in-accumulation of group-quantized integer GEMMs.</li>
 * </ul>
 * {@code datapath} is {@code superset} (8x8-bit multipliers, element-exponent adders, comparators and alignment
 * shifters wide enough for every MX element type: one unit runs them all, as the study of one PE for every format
 * needs) or a block format name: the datapath built for that family only (Chen et al., "INT v.s. FP", arXiv
 * 2510.25602, compare such per-format units), whose multipliers, adders and scale path are sized for its elements and
 * exact block sum, and which runs only formats whose elements fit it.
 */
public record MxDotSpec(int lanes, int accumulatorBits, BlockScale scales, String datapath) implements PeSpec {

    static final Param.Int LANES = Param.integer("lanes", 1, 64, 1, "element products per cycle (a lanes-wide dot product acts as that many rows)");
    static final Param.Int ACCUMULATOR_BITS = Param.integer("accumulator_bits", 16, 63, 32, "block-sum register width, bits");
    static final Param.Choice SCALES = Param.choice("scales", java.util.Arrays.stream(BlockScale.values()).map(b -> b.key).toList(),
            BlockScale.E8M0.key, "block scales the datapath combines: e8m0 (OCP MX), e4m3 (NVFP4) or fp32 (integer groups)");
    static final Param.Text DATAPATH = Param.text("datapath", "superset",
            "superset (every MX element type on one datapath) or a block format (mxint4, mxfp4, nvfp4, int4_sym_g32 ...): a unit built for it");

    public static final PeKind KIND = PeKind.of("mx-dot",
            "block-scaled dot-product unit: exact integer block sums, block scales combined per block, FP32 across blocks",
            List.of(LANES, ACCUMULATOR_BITS, SCALES, DATAPATH),
            v -> new MxDotSpec(v.get(LANES), v.get(ACCUMULATOR_BITS), BlockScale.byKey(v.get(SCALES)), v.get(DATAPATH)));

    public MxDotSpec {
        if (lanes < 1 || lanes > 64 || accumulatorBits < 16 || accumulatorBits > 63 || scales == null) {
            throw new IllegalArgumentException("mx-dot: 1..64 lanes, a 16..63-bit block accumulator and a block scale kind");
        }
        datapath = datapath.trim().toLowerCase(java.util.Locale.ROOT);
        if (!datapath.equals("superset")) {
            BlockOperand dp = BlockOperand.of(io.quantarch.numerics.format.Formats.byName(datapath));
            if (dp == null) {
                throw new IllegalArgumentException("datapath '" + datapath + "' is not a block-scaled format (MX, NVFP4/NVINT4, symmetric integer groups)");
            }
            if (dp.scale() != scales) {
                throw new IllegalArgumentException("datapath '" + datapath + "' has " + dp.scale().key + " block scales; scales is " + scales.key);
            }
        }
    }

    /** A unit with the superset datapath. */
    public MxDotSpec(int lanes, int accumulatorBits, BlockScale scales) {
        this(lanes, accumulatorBits, scales, "superset");
    }

    /** An OCP MX unit (E8M0 scales). */
    public MxDotSpec(int lanes, int accumulatorBits) {
        this(lanes, accumulatorBits, BlockScale.E8M0);
    }

    /** The elements the datapath is built for, or null for the superset datapath. */
    private BlockOperand built() {
        return datapath.equals("superset") ? null : BlockOperand.of(io.quantarch.numerics.format.Formats.byName(datapath));
    }

    /** The smallest block the scale path keeps up with at full rate (NVFP4's 16; MX's 32). */
    private static final int SMALLEST_BLOCK = 16;

    @Override
    public Declaration declaration() {
        return KIND.declaration();
    }

    @Override
    public String describe() {
        return name() + " " + lanes + " lane(s), " + scales.key + " block scales, " + (datapath.equals("superset") ? "superset" : datapath)
                + " datapath, exact block sums, FP32 across blocks";
    }

    @Override
    public String unsupported(FormatPair f) {
        BlockOperand w = BlockOperand.of(f.weights());
        BlockOperand a = BlockOperand.of(f.inputs());
        if (w == null || a == null) {
            return name() + " multiplies block-scaled formats (MX, NVFP4, symmetric per-group integers); cannot run " + f.label();
        }
        if (w.scale() != scales || a.scale() != scales) {
            return name() + " with " + scales.key + " block scales cannot run " + f.label() + " (" + w.scale().key + " x " + a.scale().key
                    + " scales; set pe.scales)";
        }
        if (w.blockSize() != a.blockSize()) {
            return name() + " pairs blocks of equal size; " + f.label() + " has blocks of " + w.blockSize() + " and " + a.blockSize();
        }
        BlockOperand dp = built();
        if (dp != null && !(fits(w, dp) && fits(a, dp))) {
            return name() + " built for " + datapath + " elements cannot run " + f.label();
        }
        if (w.blockSize() < SMALLEST_BLOCK && scales != BlockScale.E8M0) {
            return name() + " scales at most " + (lanes / SMALLEST_BLOCK) + " block(s) per cycle; " + f.label() + " has blocks of " + w.blockSize();
        }
        return null;
    }

    /** An operand's elements fit a dedicated datapath: the same kind (integer or float) and no wider mantissa or exponent. */
    private static boolean fits(BlockOperand op, BlockOperand dp) {
        return op.intElements() == dp.intElements() && op.mantissaWidth() <= dp.mantissaWidth() && op.exponentBits() <= dp.exponentBits();
    }

    @Override
    public Throughput throughput(FormatPair f) {
        return new Throughput(lanes, 1, 1);
    }

    @Override
    public void countActions(ActionCounts.Builder b, PeWork w) {
        BlockOperand fw = BlockOperand.of(w.formats().weights());
        BlockOperand fa = BlockOperand.of(w.formats().inputs());
        countProducts(b, fw, fa, w.macs());
        countBlocks(b, sumBits(fw, fa), w.groups(fw.blockSize()));
        countOutputs(b, w.outputs());
    }

    /**
     * Per element product: the integer mantissa product and its addition into the block sum. Only the bits this pair
     * can reach toggle: integer products share one binary point (no alignment shift, a 20-bit sum for 8 bits); minifloat
     * products add their element exponents, find the block's largest (a comparator per product) and align first
     * (Rouhani et al. §4).
     */
    private void countProducts(ActionCounts.Builder b, BlockOperand fw, BlockOperand fa, long macs) {
        b.add(Component.PE_ARRAY, ActionKind.MAC, Variant.NONE, macs);
        b.add(Component.PE_ARRAY, ActionKind.MULTIPLY, Variant.product(fw.mantissaWidth(), fa.mantissaWidth()), macs);
        int sumBits = sumBits(fw, fa);
        if (!(fw.intElements() && fa.intElements())) {
            int expBits = Math.max(fw.exponentBits(), fa.exponentBits()) + 1;
            b.add(Component.PE_ARRAY, ActionKind.ADD, Variant.integer(expBits), macs);
            b.add(Component.PE_ARRAY, ActionKind.COMPARE, Variant.width(expBits), macs);
            b.add(Component.PE_ARRAY, ActionKind.SHIFT, Variant.width(sumBits), macs);              // align to the block point
        }
        b.add(Component.PE_ARRAY, ActionKind.ADD, Variant.integer(sumBits), macs);
    }

    /** Width of the block-sum adder that toggles for this pair: the exact block sum's width, at most the register's. */
    private int sumBits(BlockOperand fw, BlockOperand fa) {
        return Math.min(accumulatorBits, blockSumBits(fw, fa));
    }

    /** Per block pair: combine the two scales (an exponent add, or a scale product and the block-sum multiply), add into FP32. */
    private void countBlocks(ActionCounts.Builder b, int sumBits, long blocks) {
        if (scales == BlockScale.E8M0) {
            b.add(Component.PE_ARRAY, ActionKind.ADD, Variant.integer(9), blocks);                                  // shared exponents
        } else {
            b.add(Component.PE_ARRAY, ActionKind.MULTIPLY, scales.scaleProduct(), blocks);                          // s_w * s_a
            b.add(Component.PE_ARRAY, ActionKind.MULTIPLY, scales.blockScaling(sumBits), blocks);         // block sum * its significand
        }
        b.add(Component.PE_ARRAY, ActionKind.ADD, Variant.FP32, blocks);                                           // across blocks
    }

    /** Per output: NVFP4's pair of tensor scales. */
    private void countOutputs(ActionCounts.Builder b, long outputs) {
        if (scales == BlockScale.E4M3) {
            b.add(Component.PE_ARRAY, ActionKind.MULTIPLY, Variant.FP32, outputs);
        }
    }

    @Override
    public List<Part> parts() {
        BlockOperand dp = built();
        if (dp != null) {
            return dedicatedParts(dp);
        }
        int blocksPerCycle = scales == BlockScale.E8M0 ? 1 : Math.max(1, lanes / SMALLEST_BLOCK);
        List<Part> p = new ArrayList<>(List.of(new Part(Component.PE_ARRAY, UnitKind.MULTIPLIER, Variant.product(8, 8), lanes),
                new Part(Component.PE_ARRAY, UnitKind.SHIFTER, Variant.width(accumulatorBits), lanes),
                new Part(Component.PE_ARRAY, UnitKind.ADDER, Variant.integer(accumulatorBits), lanes),
                new Part(Component.PE_ARRAY, UnitKind.ADDER, Variant.integer(6), lanes),         // element exponents (up to E5)
                new Part(Component.PE_ARRAY, UnitKind.COMPARATOR, Variant.width(6), lanes)));    // the block's largest product exponent
        p.addAll(scales.parts(blocksPerCycle, accumulatorBits));
        p.add(new Part(Component.PE_ARRAY, UnitKind.ADDER, Variant.FP32, blocksPerCycle));
        p.add(Part.register(Component.PE_ARRAY, lanes * 16 + 16 + accumulatorBits + 32, 1));
        return p;
    }

    /** A unit sized for one family: its mantissa multipliers, its exact block-sum adders, alignment only for float elements. */
    private List<Part> dedicatedParts(BlockOperand dp) {
        int sumBits = sumBits(dp, dp);
        int blocksPerCycle = Math.max(1, lanes / dp.blockSize());
        List<Part> p = new ArrayList<>(List.of(new Part(Component.PE_ARRAY, UnitKind.MULTIPLIER, Variant.product(dp.mantissaWidth(), dp.mantissaWidth()), lanes),
                new Part(Component.PE_ARRAY, UnitKind.ADDER, Variant.integer(sumBits), lanes)));
        if (!dp.intElements()) {
            int expBits = dp.exponentBits() + 1;
            p.add(new Part(Component.PE_ARRAY, UnitKind.SHIFTER, Variant.width(sumBits), lanes));
            p.add(new Part(Component.PE_ARRAY, UnitKind.ADDER, Variant.integer(expBits), lanes));
            p.add(new Part(Component.PE_ARRAY, UnitKind.COMPARATOR, Variant.width(expBits), lanes));
        }
        p.addAll(scales.parts(blocksPerCycle, sumBits));
        p.add(new Part(Component.PE_ARRAY, UnitKind.ADDER, Variant.FP32, blocksPerCycle));
        p.add(Part.register(Component.PE_ARRAY, 2L * lanes * dp.format().bits() + 16 + sumBits + 32, 1));
        return p;
    }

    /**
     * Two's-complement width of an exact block sum of this pair: the largest product in units of the smallest
     * product LSB, block-size carries and a sign (20 bits for MXINT8, 42 for MXFP8 E4M3, 14 for MXFP4, 13 for NVFP4).
     */
    public static int blockSumBits(NumberFormat fw, NumberFormat fa) {
        return blockSumBits(BlockOperand.of(fw), BlockOperand.of(fa));
    }

    static int blockSumBits(BlockOperand fw, BlockOperand fa) {
        BigInteger worst = BigInteger.valueOf(fw.elementMagnitude()).multiply(BigInteger.valueOf(fa.elementMagnitude()))
                .multiply(BigInteger.valueOf(fw.blockSize()));                  // E5M2 x E5M2 alone exceeds a long
        return worst.subtract(BigInteger.ONE).bitLength() + 1;
    }

    /**
     * Block by block: {@code sum_i m_w m_a 2^(e_w + e_a - e_min)} as an exact integer, scaled as the unit's block scale
     * kind says (see the class comment) and added to an FP32 accumulator.
     */
    @Override
    public DotResult dot(QuantizedTensor w, QuantizedTensor a, FormatPair formats, ActionCounts.Builder ops) {
        BlockOperand fw = BlockOperand.of(formats.weights());
        BlockOperand fa = BlockOperand.of(formats.inputs());
        float acc = 0f;
        boolean overflow = false;
        for (int blk = 0; blk < w.groups().count(); blk++) {
            int from = w.groups().start(blk);
            int to = w.groups().end(blk);
            if (scales == BlockScale.E8M0 && (w.scaleCodes()[blk] == 0xFF || a.scaleCodes()[blk] == 0xFF)) {
                return new DotResult(Double.NaN, 0, false);                            // an MX NaN block poisons the result
            }
            countProducts(ops, fw, fa, to - from);                         // each element: product, (align), block-sum add
            countBlocks(ops, sumBits(fw, fa), 1);                           // the block pair's scale combination and FP32 add
            long[][] pw = new long[to - from][];
            long[][] pa = new long[to - from][];
            long emin = Long.MAX_VALUE;
            for (int i = from; i < to; i++) {
                pw[i - from] = fw.element(w.codes()[i]);
                pa[i - from] = fa.element(a.codes()[i]);
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
            BigDecimal block = scalb(new BigDecimal(sum), (int) emin);
            BigDecimal scaled = switch (scales) {
                case E8M0 -> scalb(block, (w.scaleCodes()[blk] - 127) + (a.scaleCodes()[blk] - 127));
                case E4M3 -> block.multiply(new BigDecimal(w.scales()[blk])).multiply(new BigDecimal(a.scales()[blk]));   // exact
                case FP32 -> new BigDecimal(FloatRounding.nearest(block.multiply(new BigDecimal(w.scales()[blk] * a.scales()[blk]))));
            };
            acc = FloatRounding.nearest(new BigDecimal(acc).add(scaled));
        }
        countOutputs(ops, 1);
        if (scales == BlockScale.E4M3) {
            acc = acc * (w.tensorScale() * a.tensorScale());                              // NVFP4's per-tensor S_dec pair
        }
        return new DotResult(acc, 0, overflow);
    }

    static BigDecimal scalb(BigDecimal v, int exp) {
        return exp >= 0 ? v.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(exp)))
                : v.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-exp)));
    }
}
