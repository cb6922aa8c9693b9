package io.quantarch.simulator.pe;

import io.quantarch.config.component.Declaration;
import io.quantarch.config.component.Param;
import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.ActionKind;
import io.quantarch.cost.actions.Component;
import io.quantarch.cost.actions.Part;
import io.quantarch.cost.actions.UnitKind;
import io.quantarch.cost.actions.Variant;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.simulator.functional.IntAccumulator;

import java.util.ArrayList;
import java.util.List;

/**
 * A bit-plane PE (ABQ-LLM: C. Zeng et al., "ABQ-LLM: Arbitrary-Bit Quantized Inference Acceleration for Large Language
 * Models", arXiv 2408.08554, §3.3 and Fig. 4): a WxAy integer product is decomposed into Wb x Ab one-bit planes; for
 * each plane pair the unit ANDs {@code lanes} weight bits with {@code lanes} activation bits, counts the ones
 * (popcount) and adds the count, shifted by the two planes' bit weights (negated for a two's complement sign plane),
 * into the accumulator. Any pair of 1..{@code maxBits}-bit integer levels runs (W2A8, W6A6, W4A4 ...) at
 * {@code lanes / (Wb x Ab)} MACs per cycle: time scales with the product of the two precisions.
 */
public record BitPlaneSpec(int maxBits, int lanes, int accumulatorBits) implements PeSpec {

    static final Param.Int MAX_BITS = Param.integer("max_bits", 1, 8, 8, "widest weight or activation level, bits (one plane per bit)");
    static final Param.Int LANES = Param.integer("lanes", 2, 256, 64, "elements ANDed and popcounted per plane pair per cycle (a power of two)");
    static final Param.Int ACCUMULATOR_BITS = Param.integer("accumulator_bits", 8, 63, 32, "accumulator register width, bits");

    public static final PeKind KIND = PeKind.of("bit-plane",
            "ABQ-LLM bit-plane PE: WxA integer products as Wb x Ab AND-popcount planes with shift-accumulate",
            List.of(MAX_BITS, LANES, ACCUMULATOR_BITS), v -> new BitPlaneSpec(v.get(MAX_BITS), v.get(LANES), v.get(ACCUMULATOR_BITS)));

    private static final Variant.IntProduct AND = Variant.product(1, 1);

    public BitPlaneSpec {
        if (maxBits < 1 || maxBits > 8 || lanes < 2 || lanes > 256 || Integer.bitCount(lanes) != 1 || accumulatorBits < 8 || accumulatorBits > 63) {
            throw new IllegalArgumentException("bit-plane: 1..8-bit planes, a power-of-two 2..256 lanes and an 8..63-bit accumulator");
        }
    }

    @Override
    public Declaration declaration() {
        return KIND.declaration();
    }

    @Override
    public String describe() {
        return "bit-plane " + lanes + "-lane AND-popcount, <= " + maxBits + "-bit planes -> acc" + accumulatorBits;
    }

    @Override
    public String unsupported(FormatPair f) {
        int w = Levels.levelBits(f.weights());
        int a = Levels.levelBits(f.inputs());
        if (w < 0 || a < 0) {
            return name() + " decomposes integer levels into bit planes; cannot run " + f.label();
        }
        if (w > maxBits || a > maxBits) {
            return name() + " holds at most " + maxBits + " planes per operand; " + f.label() + " needs " + w + " x " + a;
        }
        if (FormatPair.perGroup(f.weights()) || FormatPair.perGroup(f.inputs())) {
            return name() + " dequantizes once per dot product; " + f.label() + " has per-group scales";
        }
        return null;
    }

    /** {@code lanes} elements of the reduction per step, one step per plane pair: Wb x Ab cycles per lane group. */
    @Override
    public Throughput throughput(FormatPair f) {
        return new Throughput(lanes, 1, Levels.levelBits(f.weights()) * Levels.levelBits(f.inputs()));
    }

    @Override
    public void countActions(ActionCounts.Builder b, PeWork w) {
        long planePairs = (long) Levels.levelBits(w.formats().weights()) * Levels.levelBits(w.formats().inputs());
        long steps = w.outputs() * ((w.k() + lanes - 1) / lanes) * planePairs;
        b.add(Component.PE_ARRAY, ActionKind.MAC, Variant.NONE, w.macs());
        b.add(Component.PE_ARRAY, ActionKind.MULTIPLY, AND, w.macs() * planePairs);   // one AND per element and plane pair
        countSteps(b, steps);
    }

    /** Per step: the popcount tree over the lanes, the shift of the count to the planes' weight, the accumulation. */
    private void countSteps(ActionCounts.Builder b, long steps) {
        for (int level = 1; (lanes >> level) > 0; level++) {
            b.add(Component.PE_ARRAY, ActionKind.ADD, Variant.integer(level), steps * (lanes >> level));
        }
        b.add(Component.PE_ARRAY, ActionKind.SHIFT, Variant.width(accumulatorBits), steps);
        b.add(Component.PE_ARRAY, ActionKind.ADD, Variant.integer(accumulatorBits), steps);
    }

    @Override
    public List<Part> parts() {
        List<Part> p = new ArrayList<>(List.of(new Part(Component.PE_ARRAY, UnitKind.MULTIPLIER, AND, lanes)));
        for (int level = 1; (lanes >> level) > 0; level++) {
            p.add(new Part(Component.PE_ARRAY, UnitKind.ADDER, Variant.integer(level), lanes >> level));
        }
        p.add(new Part(Component.PE_ARRAY, UnitKind.SHIFTER, Variant.width(accumulatorBits), 1));
        p.add(new Part(Component.PE_ARRAY, UnitKind.ADDER, Variant.integer(accumulatorBits), 1));
        p.add(Part.register(Component.PE_ARRAY, 2L * lanes * maxBits + accumulatorBits, 1));   // both operands' planes and the sum
        return p;
    }

    /**
     * Plane pair by plane pair, lane group by lane group: {@code acc += s_i s_j popcount(W_i AND A_j) << (i + j)} with
     * {@code s = -1} for a sign plane, then {@code fl(acc) * fl(sw * sa)}.
     */
    @Override
    public DotResult dot(QuantizedTensor w, QuantizedTensor a, FormatPair formats, ActionCounts.Builder ops) {
        int wb = Levels.levelBits(formats.weights());
        int ab = Levels.levelBits(formats.inputs());
        int k = w.size();
        int[] wl = new int[k];
        int[] al = new int[k];
        for (int e = 0; e < k; e++) {
            wl[e] = Levels.level(w, e);
            al[e] = Levels.level(a, e);
        }
        IntAccumulator acc = new IntAccumulator(accumulatorBits);
        boolean[] ov = new boolean[1];
        long s = 0;
        for (int i = 0; i < wb; i++) {
            for (int j = 0; j < ab; j++) {
                int sign = (i == wb - 1) != (j == ab - 1) ? -1 : 1;            // two's complement: a sign plane weighs -2^(b-1)
                for (int from = 0; from < k; from += lanes) {
                    long ones = 0;
                    for (int e = from; e < Math.min(k, from + lanes); e++) {
                        ones += (wl[e] >> i) & (al[e] >> j) & 1;
                    }
                    s = Levels.add(acc, s, sign * (ones << (i + j)), ov);
                    ops.add(Component.PE_ARRAY, ActionKind.MULTIPLY, AND, Math.min(k, from + lanes) - from);
                    countSteps(ops, 1);
                }
            }
        }
        ops.add(Component.PE_ARRAY, ActionKind.MAC, Variant.NONE, k);
        long wrapped = acc.wrap(s);
        return new DotResult((float) wrapped * (Levels.scale(w, 0) * Levels.scale(a, 0)), wrapped, ov[0]);
    }
}
