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

import java.util.List;

/**
 * A bit-serial PE (Stripes: P. Judd et al., MICRO 2016): weights in parallel, activations one bit per cycle,
 * so a MAC takes as many cycles as the activation has bits and time scales with precision. Each cycle ANDs the
 * weight with one activation bit and adds it, shifted, to the accumulator; the two's complement sign bit is
 * subtracted. With {@code lanes > 1} the PE is Stripes' serial inner-product unit (SIP, MICRO 2016 Sec. 4): each
 * cycle {@code lanes} weights are ANDed with the same bit of {@code lanes} activations, an adder tree sums the
 * products and one shift-accumulate adds the sum, so the accumulator and its register are shared by the lanes.
 */
public record BitSerialSpec(int weightBits, int maxInputBits, int accumulatorBits, int lanes) implements PeSpec {

    static final Param.Int WEIGHT_BITS = Param.integer("weight_bits", 1, 16, 8, "weight width ANDed with each activation bit, bits");
    static final Param.Int MAX_INPUT_BITS = Param.integer("max_input_bits", 1, 16, 16, "widest activation streamed bit by bit, bits");
    static final Param.Int ACCUMULATOR_BITS = Param.integer("accumulator_bits", 8, 63, 32, "accumulator register width, bits");
    static final Param.Int LANES = Param.integer("lanes", 1, 64, 1, "serial lanes summed by an adder tree into one accumulator (Stripes' SIP: 16)");

    public static final PeKind KIND = PeKind.of("bit-serial",
            "Stripes-style bit-serial PE: weight in parallel, one activation bit per cycle (cycles scale with precision)",
            List.of(WEIGHT_BITS, MAX_INPUT_BITS, ACCUMULATOR_BITS, LANES),
            v -> new BitSerialSpec(v.get(WEIGHT_BITS), v.get(MAX_INPUT_BITS), v.get(ACCUMULATOR_BITS), v.get(LANES)));

    public BitSerialSpec {
        if (weightBits < 1 || weightBits > 16 || maxInputBits < 1 || maxInputBits > 16 || accumulatorBits < 8 || accumulatorBits > 63
                || lanes < 1 || lanes > 64) {
            throw new IllegalArgumentException("bit-serial: widths out of range");
        }
    }

    /** One serial lane (the original single bit-serial MAC). */
    public BitSerialSpec(int weightBits, int maxInputBits, int accumulatorBits) {
        this(weightBits, maxInputBits, accumulatorBits, 1);
    }

    @Override
    public Declaration declaration() {
        return KIND.declaration();
    }

    @Override
    public String describe() {
        return "bit-serial " + (lanes > 1 ? lanes + " lanes, " : "") + weightBits + "-bit weights, <= " + maxInputBits
                + "-bit serial inputs -> acc" + accumulatorBits;
    }

    @Override
    public String unsupported(FormatPair f) {
        int w = Levels.levelBits(f.weights());
        int a = Levels.levelBits(f.inputs());
        if (w < 0 || a < 0) {
            return name() + " works on integer codes; cannot run " + f.label();
        }
        if (w > weightBits || a > maxInputBits) {
            return name() + " (" + weightBits + "-bit weights, <= " + maxInputBits + "-bit inputs) cannot run " + f.label();
        }
        return new IntMacSpec(weightBits, maxInputBits, accumulatorBits).unsupported(f);
    }

    @Override
    public Throughput throughput(FormatPair f) {
        return new Throughput(lanes, 1, Levels.levelBits(f.inputs()));
    }

    private Variant.IntProduct andGate() {
        return Variant.product(weightBits, 1);
    }

    /** The adder tree's width: a product plus a carry per level of the tree. */
    private Variant.Int treeAdder() {
        return Variant.integer(weightBits + 32 - Integer.numberOfLeadingZeros(Math.max(1, lanes - 1)));
    }

    @Override
    public void countActions(ActionCounts.Builder b, PeWork w) {
        int bits = Levels.levelBits(w.formats().inputs());
        long planes = w.macs() * bits;
        long chunks = lanes == 1 ? w.macs() : w.groups(lanes);                // lane groups along each output's reduction
        b.add(Component.PE_ARRAY, ActionKind.MAC, Variant.NONE, w.macs());
        b.add(Component.PE_ARRAY, ActionKind.MULTIPLY, andGate(), planes);
        if (lanes > 1) {
            b.add(Component.PE_ARRAY, ActionKind.ADD, treeAdder(), planes - chunks * bits);
        }
        b.add(Component.PE_ARRAY, ActionKind.ADD, Variant.integer(accumulatorBits), chunks * bits);
    }

    @Override
    public List<Part> parts() {
        List<Part> p = new java.util.ArrayList<>(List.of(new Part(Component.PE_ARRAY, UnitKind.MULTIPLIER, andGate(), lanes),
                new Part(Component.PE_ARRAY, UnitKind.ADDER, Variant.integer(accumulatorBits), 1),
                new Part(Component.PE_ARRAY, UnitKind.SHIFTER, Variant.width(accumulatorBits), 1),
                Part.register(Component.PE_ARRAY, (long) lanes * (weightBits + maxInputBits) + accumulatorBits, 1)));
        if (lanes > 1) {
            p.add(new Part(Component.PE_ARRAY, UnitKind.ADDER, treeAdder(), lanes - 1));
        }
        return p;
    }

    /**
     * Cycle by cycle: for each group of {@code lanes} activations, for each bit, the weights ANDed with that bit are
     * summed by the tree and added to the accumulator at the bit's weight (a shifting accumulator register), the sign
     * plane subtracted.
     */
    @Override
    public DotResult dot(QuantizedTensor w, QuantizedTensor a, FormatPair formats, ActionCounts.Builder ops) {
        int inputBits = Levels.levelBits(formats.inputs());
        IntAccumulator acc = new IntAccumulator(accumulatorBits);
        boolean[] ov = new boolean[1];
        long s = 0;
        for (int from = 0; from < w.size(); from += lanes) {
            int to = Math.min(w.size(), from + lanes);
            for (int i = from; i < to; i++) {
                ops.add(Component.PE_ARRAY, ActionKind.MAC, Variant.NONE, 1);
            }
            for (int bit = 0; bit < inputBits; bit++) {
                long plane = 0;                                                // the adder tree's sum of this bit's products
                for (int i = from; i < to; i++) {
                    int av = Levels.level(a, i);
                    plane += ((av >> bit) & 1) != 0 ? Levels.level(w, i) : 0;    // the AND gate
                    ops.add(Component.PE_ARRAY, ActionKind.MULTIPLY, andGate(), 1);
                    if (i > from) {
                        ops.add(Component.PE_ARRAY, ActionKind.ADD, treeAdder(), 1);
                    }
                }
                long term = plane << bit;                                      // placed at the bit's weight
                if (bit == inputBits - 1) {
                    term = -term;                                              // two's complement: the top bit weighs -2^(b-1)
                }
                s = Levels.add(acc, s, term, ov);
                ops.add(Component.PE_ARRAY, ActionKind.ADD, Variant.integer(accumulatorBits), 1);
            }
        }
        long wrapped = acc.wrap(s);
        return new DotResult((float) wrapped * (Levels.scale(w, 0) * Levels.scale(a, 0)), wrapped, ov[0]);
    }
}
