package io.quantarch.numerics.format;

import io.quantarch.config.component.Param;
import io.quantarch.numerics.quant.Granularity;
import java.util.List;
import java.util.Optional;
import io.quantarch.numerics.quant.FixedScaleQuantizer;
import io.quantarch.numerics.quant.QuantOptions;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.numerics.quant.Segments;

/**
 * Logarithmic (power-of-two) quantization with a power-of-two per-tensor scale: the scale 2^E puts the
 * tensor's largest magnitude on the top level (E = the power of two nearest to max|x|, midpoint rounding
 * up), stored as an E8M0 code; elements are {@link Pow2Codec} levels of {@code x / 2^E}.
 */
public record Pow2(int bits) implements NumberFormat {

    public Pow2 {
        new Pow2Codec(bits);                           // validates
    }

    @Override
    public String name() {
        return "pow2_" + bits;
    }

    @Override
    public double bitsPerElement() {
        return bits;
    }

    public static final FormatFamily FAMILY = new FormatFamily("pow2", "logarithmic levels 0 and +/-2^-i times a power-of-two tensor scale", "pow2_{2..8}", List.of(Param.integer("bits", 2, 8, null, "code width, bits")), java.util.stream.IntStream.rangeClosed(2, 8).mapToObj(b -> "pow2_" + b).toList(), n -> n.matches("pow2_\\d+") ? new Pow2(Integer.parseInt(n.substring(5))) : null);

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
        return 0;
    }

    @Override
    public Optional<MiniFloat> minifloatElement() {
        return Optional.empty();
    }

    @Override
    public NumberFormat withoutSaturation() {
        throw new IllegalArgumentException(name() + " is a pow2 format; only minifloats with Inf or NaN have a non-saturating mode");
    }

    @Override
    public String description() {
        Pow2Codec c = element();
        return "power-of-two levels 0, +/-2^0 .. 2^" + (1 - c.levels()) + " x a power-of-two tensor scale (" + bits + " bits)";
    }

    @Override
    public Pow2Codec element() {
        return new Pow2Codec(bits);
    }

    @Override
    public QuantizedTensor quantize(float[] x, Segments segments, QuantOptions options) {
        segments.requireLength(x.length);
        Pow2Codec codec = element();
        float amax = GroupStats.maxAbs(x, 0, x.length);
        int scaleCode = (amax > 0 && Float.isFinite(amax)) ? E8M0.INSTANCE.encode(amax) : E8M0.BIAS;
        if (scaleCode == E8M0.NAN) {
            scaleCode = E8M0.BIAS;
        }
        int e = scaleCode - E8M0.BIAS;
        int[] codes = new int[x.length];
        float[] values = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            int c = codec.encode(Math.scalb(x[i], -e));
            codes[i] = c;
            values[i] = c == ScalarCodec.NO_CODE ? Float.NaN : Math.scalb(codec.decode(c), e);
        }
        return new QuantizedTensor(codes, values, Segments.whole(x.length), new float[] {Math.scalb(1f, e)},
                new int[] {scaleCode}, null, Float.NaN);
    }

    @Override
    public FixedScaleQuantizer fixedScale(float[] tensor, int from, int to, QuantOptions options) {
        float scale = quantize(tensor, Segments.whole(tensor.length)).scales()[0];
        int e = Math.getExponent(scale);
        Pow2Codec codec = element();
        return x -> {
            int c = codec.encode(Math.scalb(x, -e));
            return c == ScalarCodec.NO_CODE ? Float.NaN : Math.scalb(codec.decode(c), e);
        };
    }
}
