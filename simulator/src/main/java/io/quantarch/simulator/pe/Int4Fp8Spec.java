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
import io.quantarch.numerics.format.MiniFloat;
import io.quantarch.numerics.quant.Granularity;
import io.quantarch.numerics.quant.QuantizedTensor;

import java.util.List;

/**
 * INT4 weights x FP8 E4M3 activations (FireQ: arXiv 2505.20839): each INT4 weight is converted to E4M3 through a
 * 16-entry lookup table (every level -8..7 is exact in E4M3), multiplied by the E4M3 activation in an FP8
 * multiplier (exact product) and accumulated in FP32; the weight's per-tensor or per-channel scale and the
 * activation scale are applied once to the accumulator.
 */
public record Int4Fp8Spec(int accumulatorBits) implements PeSpec {

    public static final PeKind KIND = PeKind.of("int4-fp8",
            "FireQ-style INT4 x FP8: INT4 weights through a 16-entry LUT to E4M3, FP8 products, FP32 accumulation",
            List.<Param<?>>of(), v -> new Int4Fp8Spec(32));

    private static final Variant.Fp E4M3_VARIANT = new Variant.Fp(4, 3);

    static final MiniFloat E4M3 = MiniFloat.fp8E4m3();

    public Int4Fp8Spec {
        if (accumulatorBits != 32) {
            throw new IllegalArgumentException("int4-fp8 accumulates in FP32 (32 bits)");
        }
    }

    @Override
    public Declaration declaration() {
        return KIND.declaration();
    }

    @Override
    public String describe() {
        return name() + " (INT4 weights via LUT to E4M3, FP8 x FP8 products, FP32 accumulation)";
    }

    @Override
    public String unsupported(FormatPair f) {
        if (!(f.weights() instanceof IntFormat w) || w.bits() > 4 || !w.symmetric() || w.granularity() instanceof Granularity.PerGroup) {
            return name() + " takes symmetric INT4 weights with a tensor or channel scale; cannot run " + f.label();
        }
        MiniFloat a = FormatPair.scalarMinifloat(f.inputs());
        if (a == null || !a.equals(E4M3) && !(a.exponentBits() == 4 && a.mantissaBits() == 3)) {
            return name() + " takes FP8 E4M3 activations; cannot run " + f.label();
        }
        return null;
    }

    @Override
    public Throughput throughput(FormatPair f) {
        return Throughput.ONE;
    }

    @Override
    public void countActions(ActionCounts.Builder b, PeWork w) {
        countMacs(b, w.macs());
    }

    private static void countMacs(ActionCounts.Builder b, long macs) {
        b.add(Component.PE_ARRAY, ActionKind.MAC, Variant.NONE, macs);
        b.add(Component.PE_ARRAY, ActionKind.REG_READ, Variant.BITS, macs * 8);                     // the INT4 -> E4M3 lookup
        b.add(Component.PE_ARRAY, ActionKind.MULTIPLY, Variant.product(E4M3_VARIANT, E4M3_VARIANT), macs);
        b.add(Component.PE_ARRAY, ActionKind.ADD, Variant.FP32, macs);
    }

    @Override
    public List<Part> parts() {
        return List.of(Part.register(Component.PE_ARRAY, 16 * 8, 1),
                new Part(Component.PE_ARRAY, UnitKind.MULTIPLIER, Variant.product(E4M3_VARIANT, E4M3_VARIANT), 1),
                new Part(Component.PE_ARRAY, UnitKind.ADDER, Variant.FP32, 1),
                Part.register(Component.PE_ARRAY, 4 + 8 + 32, 1));
    }

    /** The 16-entry table: E4M3 code of each INT4 level -8..7. */
    static final int[] LUT = new int[16];

    static {
        for (int level = -8; level <= 7; level++) {
            LUT[level & 15] = E4M3.encode((float) level);
        }
    }

    @Override
    public DotResult dot(QuantizedTensor w, QuantizedTensor a, FormatPair formats, ActionCounts.Builder ops) {
        MiniFloat af = FormatPair.scalarMinifloat(formats.inputs());
        float acc = 0f;
        for (int i = 0; i < w.size(); i++) {
            countMacs(ops, 1);                                                 // lookup, FP8 product, FP32 add
            long[] x = MiniFloatMacSpec.decompose(E4M3, LUT[w.codes()[i] & 15]);
            long[] y = MiniFloatMacSpec.decompose(af, a.codes()[i]);
            double p = Math.scalb((double) (x[0] * y[0] * x[1] * y[1]), (int) (x[2] + y[2]));
            acc = Float32.roundToFloat(acc + p, Float32.twoSumError(acc, p, acc + p));
        }
        return new DotResult(acc * (w.scales()[0] * a.scales()[0]), 0, false);
    }
}
