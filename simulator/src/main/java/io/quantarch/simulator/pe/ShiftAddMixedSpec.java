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
import io.quantarch.numerics.format.IntFormat;
import io.quantarch.numerics.quant.Granularity;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.simulator.functional.IntAccumulator;

import java.util.List;

/**
 * A mixed-precision shift-and-add PE (MixPE: Y. Zhang et al., arXiv 2411.16158): low-bit integer weights
 * (up to {@code maxWeightBits}, with per-group scales and zero points, as GPTQ/AWQ store them) times
 * higher-precision integer activations, each product formed by shifting the activation for every weight bit
 * position and adding (the bits of the stored code: all of them for the unsigned codes of asymmetric formats, the
 * magnitude bits for symmetric ones); the group's partial sum is dequantized once per group (zero-point correction
 * and a scale multiply in FP16, accumulation across groups in FP32) instead of dequantizing every weight. The
 * activation sums the zero-point correction needs are formed once per input row and group (shared by every output).
 *
 * <p>With {@code dequantizePerMac}, the PE is the design MixPE compares against: each weight is dequantized to
 * FP16 (one FP16 multiply) and multiplied by the FP16 activation in an FP16 multiplier, accumulating in FP32.
 */
public record ShiftAddMixedSpec(int maxWeightBits, int inputBits, int accumulatorBits, boolean dequantizePerMac, boolean multiplyProducts)
        implements PeSpec {

    static final Param.Int MAX_WEIGHT_BITS = Param.integer("max_weight_bits", 1, 8, 4, "widest weight code, bits (one shift-add per bit)");
    static final Param.Int INPUT_BITS = Param.integer("input_bits", 2, 16, 8, "activation width, bits");
    static final Param.Int ACCUMULATOR_BITS = Param.integer("accumulator_bits", 8, 63, 32, "group partial-sum register width, bits");
    static final Param.Choice DEQUANTIZE = Param.choice("dequantize", List.of("per-group", "per-mac", "per-group-multiplier"), "per-group",
            "per-group: MixPE's shift-add with one dequantization per group; per-mac: the FP16 dequantize-every-MAC baseline; "
                    + "per-group-multiplier: the same per-group dequantization with a weight x activation integer multiplier per PE "
                    + "(the ablation of MixPE's shift-add)");

    public static final PeKind KIND = PeKind.of("shift-add-mixed",
            "MixPE-style shift-and-add PE for low-bit group-quantized weights, dequantizing once per group",
            List.of(MAX_WEIGHT_BITS, INPUT_BITS, ACCUMULATOR_BITS, DEQUANTIZE),
            v -> new ShiftAddMixedSpec(v.get(MAX_WEIGHT_BITS), v.get(INPUT_BITS), v.get(ACCUMULATOR_BITS), v.get(DEQUANTIZE).equals("per-mac"),
                    v.get(DEQUANTIZE).equals("per-group-multiplier")));

    private static final Variant.Fp FP16 = Variant.FP16;

    public ShiftAddMixedSpec {
        if (maxWeightBits < 1 || maxWeightBits > 8 || inputBits < 2 || inputBits > 16 || accumulatorBits < 8 || accumulatorBits > 63) {
            throw new IllegalArgumentException("shift-add-mixed: widths out of range");
        }
        if (dequantizePerMac && multiplyProducts) {
            throw new IllegalArgumentException("shift-add-mixed: per-mac dequantization already multiplies in FP16");
        }
    }

    public ShiftAddMixedSpec(int maxWeightBits, int inputBits, int accumulatorBits, boolean dequantizePerMac) {
        this(maxWeightBits, inputBits, accumulatorBits, dequantizePerMac, false);
    }

    @Override
    public Declaration declaration() {
        return KIND.declaration();
    }

    @Override
    public String describe() {
        return name() + (dequantizePerMac ? " (baseline: dequantize every MAC, FP16 MAC)" : multiplyProducts
                ? " (integer multiplier, dequantize per group)" : " (dequantize per group)") + ", weights <= "
                + maxWeightBits + " bits x int" + inputBits + " -> acc" + accumulatorBits;
    }

    @Override
    public String unsupported(FormatPair f) {
        if (!(f.weights() instanceof IntFormat w) || w.bits() > maxWeightBits) {
            return name() + " takes integer weights of <= " + maxWeightBits + " bits; cannot run " + f.label();
        }
        if (!(f.inputs() instanceof IntFormat a) || !a.symmetric() || a.bits() > inputBits || a.granularity() instanceof Granularity.PerGroup) {
            return name() + " takes symmetric int" + inputBits + " (or narrower) activations with one scale per row; cannot run " + f.label();
        }
        return null;
    }

    /** The per-MAC baseline rounds both operands to FP16 before its FP16 multiply. */
    @Override
    public int operandSignificandBits() {
        return dequantizePerMac ? 11 : 24;
    }

    @Override
    public Throughput throughput(FormatPair f) {
        return Throughput.ONE;
    }

    /** Weights per scale group along the reduction (the whole reduction for per-tensor/channel formats). */
    static long groupSize(FormatPair f, long k) {
        return f.weights() instanceof IntFormat w && w.granularity() instanceof Granularity.PerGroup g ? g.size() : k;
    }

    /** Bit positions of a stored weight code: every bit of an unsigned (asymmetric) code, the magnitude bits of a signed one. */
    static int shiftAddsPerWeight(IntFormat w) {
        return w.symmetric() ? Math.max(1, w.bits() - 1) : w.bits();
    }

    private Variant.Width shifter(IntFormat w) {
        return Variant.width(inputBits + w.bits());
    }

    private Variant.Int shiftAdder(IntFormat w) {
        return Variant.integer(inputBits + w.bits());
    }

    @Override
    public void countActions(ActionCounts.Builder b, PeWork work) {
        IntFormat w = (IntFormat) work.formats().weights();
        long macs = work.macs();
        b.add(Component.PE_ARRAY, ActionKind.MAC, Variant.NONE, macs);
        if (dequantizePerMac) {
            b.add(Component.DEQUANT_UNIT, ActionKind.DEQUANT, FP16, macs);                   // weight -> FP16, every MAC
            b.add(Component.PE_ARRAY, ActionKind.MULTIPLY, Variant.product(FP16, FP16), macs);
            b.add(Component.PE_ARRAY, ActionKind.ADD, Variant.FP32, macs);
            return;
        }
        if (multiplyProducts) {
            b.add(Component.PE_ARRAY, ActionKind.MULTIPLY, Variant.product(w.bits(), inputBits), macs);
        } else {
            int positions = shiftAddsPerWeight(w);
            b.add(Component.PE_ARRAY, ActionKind.SHIFT, shifter(w), macs * positions);
            b.add(Component.PE_ARRAY, ActionKind.ADD, shiftAdder(w), macs * positions);
        }
        b.add(Component.PE_ARRAY, ActionKind.ADD, Variant.integer(accumulatorBits), macs);
        long groups = work.groups(groupSize(work.formats(), work.k()));
        if (!w.symmetric()) {
            b.add(Component.DEQUANT_UNIT, ActionKind.ADD, Variant.integer(accumulatorBits), work.inputVectors() * work.k());  // sum(a) per group
            b.add(Component.DEQUANT_UNIT, ActionKind.MULTIPLY, Variant.product(w.bits(), accumulatorBits), groups);             // zp x sum(a)
            b.add(Component.DEQUANT_UNIT, ActionKind.ADD, Variant.integer(accumulatorBits), groups);
        }
        b.add(Component.DEQUANT_UNIT, ActionKind.DEQUANT, FP16, groups);              // one scale multiply per group
        b.add(Component.DEQUANT_UNIT, ActionKind.ADD, Variant.FP32, groups);          // accumulate across groups
    }

    @Override
    public List<Part> parts() {
        if (dequantizePerMac) {
            return List.of(new Part(Component.PE_ARRAY, UnitKind.MULTIPLIER, Variant.product(FP16, FP16), 1),
                    new Part(Component.PE_ARRAY, UnitKind.ADDER, Variant.FP32, 1),
                    new Part(Component.PE_ARRAY, UnitKind.MULTIPLIER, Variant.product(FP16, FP16), 1),     // the per-MAC dequantizer
                    Part.register(Component.PE_ARRAY, 16 + 16 + 32, 1));
        }
        int width = inputBits + maxWeightBits;
        if (multiplyProducts) {
            return List.of(new Part(Component.PE_ARRAY, UnitKind.MULTIPLIER, Variant.product(maxWeightBits, inputBits), 1),
                    new Part(Component.PE_ARRAY, UnitKind.ADDER, Variant.integer(accumulatorBits), 1),
                    Part.register(Component.PE_ARRAY, maxWeightBits + inputBits + accumulatorBits, 1));
        }
        return List.of(new Part(Component.PE_ARRAY, UnitKind.SHIFTER, Variant.width(width), maxWeightBits),
                new Part(Component.PE_ARRAY, UnitKind.ADDER, Variant.integer(width), maxWeightBits),
                new Part(Component.PE_ARRAY, UnitKind.ADDER, Variant.integer(accumulatorBits), 1),
                Part.register(Component.PE_ARRAY, maxWeightBits + inputBits + accumulatorBits, 1));
    }

    @Override
    public List<Part> perColumnParts() {
        if (dequantizePerMac) {
            return List.of();
        }
        return List.of(new Part(Component.DEQUANT_UNIT, UnitKind.MULTIPLIER, Variant.product(FP16, FP16), 1),
                new Part(Component.DEQUANT_UNIT, UnitKind.ADDER, Variant.FP32, 1),
                new Part(Component.DEQUANT_UNIT, UnitKind.MULTIPLIER, Variant.product(maxWeightBits, accumulatorBits), 1));
    }

    /**
     * Per group: the integer partial sum of code x activation by shift-add (one shift and one add per bit position of
     * the stored code, zero bits adding zero), zero-point corrected ({@code psum - zp * sum(a)}), then
     * {@code y = fl(y + fl(fl(corrected) * fl(sw * sa)))} in FP32, groups in order.
     */
    @Override
    public DotResult dot(QuantizedTensor w, QuantizedTensor a, FormatPair formats, ActionCounts.Builder ops) {
        if (dequantizePerMac) {
            return dotPerMac(w, a, ops);
        }
        IntFormat wf = (IntFormat) formats.weights();
        int positions = shiftAddsPerWeight(wf);
        IntAccumulator acc = new IntAccumulator(accumulatorBits);
        boolean[] ov = new boolean[1];
        float sa = Levels.scale(a, 0);
        float y = 0f;
        long total = 0;
        for (int g = 0; g < w.groups().count(); g++) {
            long psum = 0;
            long asum = 0;
            for (int i = w.groups().start(g); i < w.groups().end(g); i++) {
                int code = w.codes()[i];                                   // stored code (unsigned when asymmetric)
                int av = Levels.level(a, i);
                long product = multiplyProducts ? multiply(code, av, wf, ops) : shiftAdd(code, av, positions, ops, shifter(wf), shiftAdder(wf));
                psum = Levels.add(acc, psum, product, ov);
                ops.add(Component.PE_ARRAY, ActionKind.MAC, Variant.NONE, 1);
                ops.add(Component.PE_ARRAY, ActionKind.ADD, Variant.integer(accumulatorBits), 1);
                if (w.zeroPoints() != null) {
                    asum += av;
                    ops.add(Component.DEQUANT_UNIT, ActionKind.ADD, Variant.integer(accumulatorBits), 1);
                }
            }
            long corrected = psum;
            if (w.zeroPoints() != null) {
                corrected = psum - (long) w.zeroPoints()[g] * asum;
                ops.add(Component.DEQUANT_UNIT, ActionKind.MULTIPLY, Variant.product(wf.bits(), accumulatorBits), 1);
                ops.add(Component.DEQUANT_UNIT, ActionKind.ADD, Variant.integer(accumulatorBits), 1);
            }
            if (acc.outOfRange(corrected)) {
                ov[0] = true;
            }
            corrected = acc.wrap(corrected);
            total += corrected;
            float term = (float) corrected * (w.scales()[g] * sa);
            y = y + term;
            ops.add(Component.DEQUANT_UNIT, ActionKind.DEQUANT, FP16, 1);
            ops.add(Component.DEQUANT_UNIT, ActionKind.ADD, Variant.FP32, 1);
        }
        return new DotResult(y, total, ov[0]);
    }

    /** w x a on the integer multiplier (the stored code, unsigned when asymmetric, times the activation level). */
    private long multiply(int w, int a, IntFormat wf, ActionCounts.Builder ops) {
        ops.add(Component.PE_ARRAY, ActionKind.MULTIPLY, Variant.product(wf.bits(), inputBits), 1);
        return (long) w * a;
    }

    /** w x a by shift and add over {@code positions} bit positions of |w|: the activation shifted to each set bit, negated for negative weights. */
    static long shiftAdd(int w, int a, int positions, ActionCounts.Builder ops, Variant shifter, Variant adder) {
        int mag = Math.abs(w);
        if (mag >>> positions != 0) {
            throw new IllegalArgumentException("weight code " + w + " has more than " + positions + " magnitude bits");
        }
        long s = 0;
        for (int b = 0; b < positions; b++) {
            if (((mag >> b) & 1) != 0) {
                s += (long) a << b;
            }
            ops.add(Component.PE_ARRAY, ActionKind.SHIFT, shifter, 1);
            ops.add(Component.PE_ARRAY, ActionKind.ADD, adder, 1);
        }
        return w < 0 ? -s : s;
    }

    /** The baseline: {@code y = fl(y + fl(fp16(fl16((q - zp) * sw16)) * fp16(a * sa)))} per MAC. */
    private DotResult dotPerMac(QuantizedTensor w, QuantizedTensor a, ActionCounts.Builder ops) {
        float sa = Levels.scale(a, 0);
        float y = 0f;
        for (int i = 0; i < w.size(); i++) {
            int g = w.groupOf(i);
            float wq = Float.float16ToFloat(Float.floatToFloat16(Levels.level(w, i) * Float.float16ToFloat(Float.floatToFloat16(w.scales()[g]))));
            float aq = Float.float16ToFloat(Float.floatToFloat16(Levels.level(a, i) * sa));
            double p = (double) wq * aq;                                      // FP16 x FP16 product is exact in double
            y = Float32.roundToFloat(y + p, Float32.twoSumError(y, p, y + p));
            ops.add(Component.PE_ARRAY, ActionKind.MAC, Variant.NONE, 1);
            ops.add(Component.DEQUANT_UNIT, ActionKind.DEQUANT, FP16, 1);
            ops.add(Component.PE_ARRAY, ActionKind.MULTIPLY, Variant.product(FP16, FP16), 1);
            ops.add(Component.PE_ARRAY, ActionKind.ADD, Variant.FP32, 1);
        }
        return new DotResult(y, 0, false);
    }
}
