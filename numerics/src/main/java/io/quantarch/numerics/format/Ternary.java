package io.quantarch.numerics.format;

import io.quantarch.numerics.quant.Granularity;
import java.util.List;
import java.util.Optional;
import io.quantarch.numerics.arith.ExactSum;
import io.quantarch.numerics.quant.FixedScaleQuantizer;
import io.quantarch.numerics.quant.QuantOptions;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.numerics.quant.Segments;

/**
 * BitNet b1.58 ternary weights (arXiv 2402.17764 eqs. 1-3): {@code gamma = mean|W|} (per tensor),
 * {@code W~ = RoundClip(W / (gamma + eps), -1, 1)}. Choices (reference/formats README §6): gamma is
 * the exact mean rounded once to float32; {@code eps = fl(1e-5)}; dequantized value = code * gamma.
 */
public record Ternary() implements NumberFormat {

    public static final Ternary INSTANCE = new Ternary();
    public static final float EPSILON = 1e-5f;

    @Override
    public String name() {
        return "ternary";
    }

    @Override
    public int bits() {
        return 2;
    }

    @Override
    public double bitsPerElement() {
        return 2;                                      // 1.58 bits of information, stored in 2 (or 5 per byte: 1.6)
    }

    public static final FormatFamily FAMILY = new FormatFamily("ternary", "BitNet b1.58 ternary weights {-1, 0, +1} times the per-tensor mean |w|", "ternary", List.of(), List.of("ternary"), n -> n.equals("ternary") ? INSTANCE : null);

    @Override
    public FormatFamily family() {
        return FAMILY;
    }

    @Override
    public Granularity granularity() {
        return Granularity.TENSOR;
    }

    @Override
    public Optional<BlockLayout> blockLayout() {
        return Optional.empty();
    }

    @Override
    public int levelBits() {
        return 2;
    }

    @Override
    public Optional<MiniFloat> minifloatElement() {
        return Optional.empty();
    }

    @Override
    public NumberFormat withoutSaturation() {
        throw new IllegalArgumentException(name() + " is a ternary format; only minifloats with Inf or NaN have a non-saturating mode");
    }

    @Override
    public String description() {
        return "ternary {-1, 0, +1} x absmean scale per tensor (BitNet b1.58)";
    }

    @Override
    public ScalarCodec element() {
        return SignLevels.TERNARY;
    }

    @Override
    public QuantizedTensor quantize(float[] x, Segments segments, QuantOptions options) {
        segments.requireLength(x.length);
        float gamma = ExactSum.meanAbs(x, 0, x.length);
        float denom = gamma + EPSILON;
        int[] codes = new int[x.length];
        float[] values = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            double level = IntFormat.round(x[i] / denom, options.rounding(), i);
            int c = (int) Math.max(-1, Math.min(1, level));
            codes[i] = c;
            values[i] = c * gamma;
        }
        return new QuantizedTensor(codes, values, Segments.whole(x.length), new float[] {gamma}, null, null, Float.NaN);
    }

    @Override
    public FixedScaleQuantizer fixedScale(float[] tensor, int from, int to, QuantOptions options) {
        float gamma = ExactSum.meanAbs(tensor, 0, tensor.length);
        float denom = gamma + EPSILON;
        return x -> (int) Math.max(-1, Math.min(1, Math.rint(x / denom))) * gamma;
    }
}
