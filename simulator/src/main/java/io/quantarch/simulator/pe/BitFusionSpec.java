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
 * A Bit Fusion unit (H. Sharma et al., "Bit Fusion: Bit-Level Dynamically Composable Architecture for
 * Accelerating Deep Neural Networks", ISCA 2018, Fusion Unit): 16 2-bit BitBricks (each a signed/unsigned
 * 3x3-bit multiplier) that fuse into one 8x8, four 4x4 (or 8x2/2x8) or sixteen 2x2 products per cycle. Each
 * operand is split into 2-bit digits (the top digit signed), the brick products are shifted into place, and the
 * unit's shift-add tree (15 adders) sums all its products, which belong to the same output, into one partial sum
 * per cycle. Operand widths round up to 2, 4 or 8 bits.
 */
public record BitFusionSpec(int accumulatorBits) implements PeSpec {

    static final Param.Int ACCUMULATOR_BITS = Param.integer("accumulator_bits", 8, 63, 32, "accumulator register width, bits");

    public static final PeKind KIND = PeKind.of("bit-fusion",
            "Bit Fusion unit: 16 2-bit BitBricks fused into 1 8x8, 4 4x4 or 16 2x2 products per cycle (ISCA 2018)",
            List.of(ACCUMULATOR_BITS), v -> new BitFusionSpec(v.get(ACCUMULATOR_BITS)));

    public static final int BRICKS = 16;

    /** The shift-add tree: 8 adders at the brick product's width, then 4, 2 and 1 each two bits wider. */
    static final int[][] TREE = {{8, 8}, {4, 10}, {2, 12}, {1, 16}};

    private static final Variant.IntProduct BRICK = Variant.product(3, 3);
    private static final Variant.Width BRICK_SHIFT = Variant.width(8);

    public BitFusionSpec {
        if (accumulatorBits < 8 || accumulatorBits > 63) {
            throw new IllegalArgumentException("bit-fusion: accumulator must be 8..63 bits");
        }
    }

    @Override
    public Declaration declaration() {
        return KIND.declaration();
    }

    /** The fused width an operand of {@code bits} uses: 2, 4 or 8. */
    public static int fusedWidth(int bits) {
        return bits <= 2 ? 2 : bits <= 4 ? 4 : 8;
    }

    /** Bricks one product of these widths occupies. */
    public static int bricks(int wBits, int aBits) {
        return (fusedWidth(wBits) / 2) * (fusedWidth(aBits) / 2);
    }

    @Override
    public String describe() {
        return "bit-fusion 16 BitBricks (1x 8x8, 4x 4x4, 16x 2x2 per cycle) -> acc" + accumulatorBits;
    }

    @Override
    public String unsupported(FormatPair f) {
        int w = Levels.levelBits(f.weights());
        int a = Levels.levelBits(f.inputs());
        if (w < 0 || a < 0 || w > 8 || a > 8) {
            return name() + " fuses 2-bit bricks up to 8x8 integer products; cannot run " + f.label();
        }
        return new IntMacSpec(8, 8, accumulatorBits).unsupported(f);
    }

    /** Products of one output per cycle: 1 (8x8), 4 (4x4, 8x2) or 16 (2x2). */
    @Override
    public Throughput throughput(FormatPair f) {
        return new Throughput(BRICKS / bricks(Levels.levelBits(f.weights()), Levels.levelBits(f.inputs())), 1, 1);
    }

    @Override
    public void countActions(ActionCounts.Builder b, PeWork w) {
        int bricks = bricks(Levels.levelBits(w.formats().weights()), Levels.levelBits(w.formats().inputs()));
        long unitCycles = (w.macs() * bricks + BRICKS - 1) / BRICKS;     // the whole unit works every cycle
        b.add(Component.PE_ARRAY, ActionKind.MAC, Variant.NONE, w.macs());
        b.add(Component.PE_ARRAY, ActionKind.MULTIPLY, BRICK, w.macs() * bricks);
        if (bricks > 1) {
            b.add(Component.PE_ARRAY, ActionKind.SHIFT, BRICK_SHIFT, w.macs() * bricks);   // digit products shifted into place
        }
        countUnitCycles(b, unitCycles);
    }

    /** Per unit cycle: every adder of the shift-add tree, then the accumulator. */
    private void countUnitCycles(ActionCounts.Builder b, long unitCycles) {
        for (int[] level : TREE) {
            b.add(Component.PE_ARRAY, ActionKind.ADD, Variant.integer(level[1]), unitCycles * level[0]);
        }
        b.add(Component.PE_ARRAY, ActionKind.ADD, Variant.integer(accumulatorBits), unitCycles);
    }

    @Override
    public List<Part> parts() {
        List<Part> out = new ArrayList<>(List.of(new Part(Component.PE_ARRAY, UnitKind.MULTIPLIER, BRICK, BRICKS),
                new Part(Component.PE_ARRAY, UnitKind.SHIFTER, BRICK_SHIFT, BRICKS)));
        for (int[] level : TREE) {
            out.add(new Part(Component.PE_ARRAY, UnitKind.ADDER, Variant.integer(level[1]), level[0]));
        }
        out.add(new Part(Component.PE_ARRAY, UnitKind.ADDER, Variant.integer(accumulatorBits), 1));
        out.add(Part.register(Component.PE_ARRAY, 8 + 8 + accumulatorBits, 1));
        return out;
    }

    /** Digits of a signed value in base 4 over {@code width} bits: lower digits unsigned 0..3, the top one signed -2..1. */
    static int[] digits(int v, int width) {
        int n = width / 2;
        int[] d = new int[n];
        for (int i = 0; i < n; i++) {
            int digit = (v >> (2 * i)) & 3;
            if (i == n - 1 && digit >= 2) {
                digit -= 4;                           // sign-extended top brick
            }
            d[i] = digit;
        }
        return d;
    }

    /**
     * Each product as the sum of 2x2 brick products shifted into place; the unit fuses {@code 16 / bricks} products
     * per cycle and its shift-add tree folds them, with the accumulator, into one partial sum per cycle.
     */
    @Override
    public DotResult dot(QuantizedTensor w, QuantizedTensor a, FormatPair formats, ActionCounts.Builder ops) {
        int ww = fusedWidth(Levels.levelBits(formats.weights()));
        int aw = fusedWidth(Levels.levelBits(formats.inputs()));
        int bricks = (ww / 2) * (aw / 2);
        int perCycle = BRICKS / bricks;
        IntAccumulator acc = new IntAccumulator(accumulatorBits);
        boolean[] ov = new boolean[1];
        long s = 0;
        for (int i = 0; i < w.size(); i++) {
            int[] dw = digits(Levels.level(w, i), ww);
            int[] da = digits(Levels.level(a, i), aw);
            long p = 0;
            for (int x = 0; x < dw.length; x++) {
                for (int y = 0; y < da.length; y++) {
                    p += (long) (dw[x] * da[y]) << (2 * (x + y));
                    ops.add(Component.PE_ARRAY, ActionKind.MULTIPLY, BRICK, 1);
                    if (bricks > 1) {
                        ops.add(Component.PE_ARRAY, ActionKind.SHIFT, BRICK_SHIFT, 1);
                    }
                }
            }
            s = Levels.add(acc, s, p, ov);
            ops.add(Component.PE_ARRAY, ActionKind.MAC, Variant.NONE, 1);
            if (i % perCycle == perCycle - 1 || i == w.size() - 1) {
                countUnitCycles(ops, 1);                     // the cycle's fused products leave the tree together
            }
        }
        long wrapped = acc.wrap(s);
        return new DotResult((float) wrapped * (Levels.scale(w, 0) * Levels.scale(a, 0)), wrapped, ov[0]);
    }
}
