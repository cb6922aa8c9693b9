package io.quantarch.numerics.format;

import io.quantarch.config.component.Param;
import java.util.List;
import java.util.Optional;
import io.quantarch.numerics.quant.Granularity;
import io.quantarch.numerics.quant.FixedScaleQuantizer;
import io.quantarch.numerics.quant.QuantOptions;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.numerics.quant.Segments;

/**
 * A minifloat element with a float32 scale per tensor, channel or group, chosen so the group's
 * clipping value maps to the element's largest finite value: {@code scale = fl(clip / maxFinite)},
 * {@code code = encode(fl(x / scale))}, {@code value = fl(decode(code) * scale)}. This is how FP8
 * weights and activations are deployed (a per-tensor or per-channel scale); the unscaled
 * {@link MiniFloat} is the raw code book.
 */
public record ScaledFloat(MiniFloat element, Granularity granularity) implements NumberFormat {

    @Override
    public String name() {
        return element.name() + granularity.suffix();
    }

    @Override
    public int bits() {
        return element.bits();
    }

    @Override
    public double bitsPerElement() {
        return element.bits() + granularity.scaleBitsPerElement(IntFormat.STORED_SCALE_BITS, 4096);
    }

    /** Any minifloat name with {@code _tensor}, {@code _channel} or {@code _gN}. */
    public static final FormatFamily FAMILY = new FormatFamily("scaled_float",
            "a minifloat element with a float32 scale per tensor, channel or group mapping the group's max to the element's max",
            "<minifloat>_{tensor|channel|gN}",
            List.of(Param.text("element", null, "a minifloat name (fp8_e4m3, e3m2, ...)"),
                    Param.text("granularity", null, "scale sharing: tensor, channel or gN")),
            List.of("fp8_e4m3_tensor", "fp8_e4m3_channel", "fp8_e5m2_tensor", "fp4_e2m1_g32", "fp6_e2m3_g32"),
            n -> {
                FormatNames.Minifloat m = FormatNames.minifloat(n);
                return m == null || m.granularity() == null ? null : new ScaledFloat(m.element(), m.granularity());
            });

    public ScaledFloat {
        if (granularity instanceof Granularity.Unscaled) {
            throw new IllegalArgumentException("a scaled minifloat has a scale per tensor, channel or group");
        }
    }

    @Override
    public FormatFamily family() {
        return FAMILY;
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
        return Optional.of(element);
    }

    @Override
    public NumberFormat withoutSaturation() {
        return new ScaledFloat((MiniFloat) element.withoutSaturation(), granularity);
    }

    @Override
    public String description() {
        return element.description() + "; float32 scale per " + granularity.suffix().substring(1);
    }

    @Override
    public QuantizedTensor quantize(float[] x, Segments segments, QuantOptions options) {
        segments.requireLength(x.length);
        Segments groups = granularity.groups(segments);
        int[] codes = new int[x.length];
        float[] values = new float[x.length];
        float[] scales = new float[groups.count()];
        float[] scratch = null;
        int[] scratchCodes = null;
        for (int g = 0; g < groups.count(); g++) {
            int from = groups.start(g);
            int to = groups.end(g);
            float ratio = 1f;
            if (!(options.calibration() instanceof io.quantarch.numerics.quant.Calibration.MaxAbs)) {
                if (scratch == null) {
                    scratch = new float[x.length];
                    scratchCodes = new int[x.length];
                }
                float[] s = scratch;
                int[] sc = scratchCodes;
                ratio = options.calibration().clipRatio(x, from, to, r -> {
                    quantizeGroup(x, from, to, r, sc, s, options);
                    return GroupStats.mse(x, s, from, to);
                });
            }
            scales[g] = quantizeGroup(x, from, to, ratio, codes, values, options);
        }
        return new QuantizedTensor(codes, values, groups, scales, null, null, Float.NaN);
    }

    private float quantizeGroup(float[] x, int from, int to, float ratio, int[] codes, float[] values, QuantOptions options) {
        float amax = GroupStats.maxAbs(x, from, to);
        float clip = ratio == 1f ? amax : amax * ratio;
        float scale = clip / element.maxFinite();
        if (scale == 0f || !Float.isFinite(scale)) {
            scale = 1f;
        }
        for (int i = from; i < to; i++) {
            int c = element.encode(x[i] / scale, options.rounding(), i);
            codes[i] = c;
            values[i] = c == ScalarCodec.NO_CODE ? Float.NaN : element.decode(c) * scale;
        }
        return scale;
    }

    @Override
    public FixedScaleQuantizer fixedScale(float[] tensor, int from, int to, QuantOptions options) {
        float[] group = java.util.Arrays.copyOfRange(tensor, from, to);
        float scale = new ScaledFloat(element, Granularity.TENSOR).quantize(group, Segments.whole(group.length),
                options.withRounding(io.quantarch.numerics.quant.Rounding.NEAREST_EVEN)).scales()[0];
        return x -> {
            int c = element.encode(x / scale);
            return c == ScalarCodec.NO_CODE ? Float.NaN : element.decode(c) * scale;
        };
    }

    /** Quantizer with a clipping value fixed beforehand (static activation scale). */
    public FixedScaleQuantizer fixedClip(float clip) {
        return fixedScale(new float[] {clip}, 0, 1, QuantOptions.DEFAULT);
    }
}
