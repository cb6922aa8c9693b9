package io.quantarch.numerics.format;

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

    @Override
    public Kind kind() {
        return Kind.TERNARY;
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
