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
 * Binary weights: code = sign(x) (zero maps to +1), one scale per tensor = mean|x|, the
 * least-squares optimal scale for sign codes (XNOR-Net, Rastegari et al., ECCV 2016, eq. 4).
 * The mean is exact, rounded once to float32.
 */
public record Binary() implements NumberFormat {

    public static final Binary INSTANCE = new Binary();

    @Override
    public String name() {
        return "binary";
    }

    @Override
    public int bits() {
        return 1;
    }

    @Override
    public double bitsPerElement() {
        return 1;
    }

    public static final FormatFamily FAMILY = new FormatFamily("binary", "binary weights {-1, +1} times the per-tensor mean |w|", "binary", List.of(), List.of("binary"), n -> n.equals("binary") ? INSTANCE : null);

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
        throw new IllegalArgumentException(name() + " is a binary format; only minifloats with Inf or NaN have a non-saturating mode");
    }

    @Override
    public String description() {
        return "binary {-1, +1} x mean-abs scale per tensor (XNOR-Net)";
    }

    @Override
    public ScalarCodec element() {
        return SignLevels.BINARY;
    }

    @Override
    public QuantizedTensor quantize(float[] x, Segments segments, QuantOptions options) {
        segments.requireLength(x.length);
        float scale = ExactSum.meanAbs(x, 0, x.length);
        int[] codes = new int[x.length];
        float[] values = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            int c = x[i] < 0 ? -1 : 1;
            if (Float.isNaN(x[i])) {
                codes[i] = ScalarCodec.NO_CODE;
                values[i] = Float.NaN;
                continue;
            }
            codes[i] = c;
            values[i] = c * scale;
        }
        return new QuantizedTensor(codes, values, Segments.whole(x.length), new float[] {scale}, null, null, Float.NaN);
    }

    @Override
    public FixedScaleQuantizer fixedScale(float[] tensor, int from, int to, QuantOptions options) {
        float scale = ExactSum.meanAbs(tensor, 0, tensor.length);
        return x -> x != x ? Float.NaN : (x < 0 ? -scale : scale);
    }
}
