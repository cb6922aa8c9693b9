package io.quantarch.numerics.format;

import io.quantarch.config.component.Param;
import java.util.List;
import java.util.Optional;
import io.quantarch.numerics.quant.Granularity;
import io.quantarch.numerics.quant.FixedScaleQuantizer;
import io.quantarch.numerics.quant.QuantOptions;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.numerics.quant.Rounding;
import io.quantarch.numerics.quant.Segments;

/**
 * Uniform integer quantization with a float32 scale per tensor, channel or group, symmetric or
 * asymmetric (with a zero point). Arithmetic follows reference/formats README §5 exactly: every
 * step in float32 with a true division, round half to even, clamp; symmetric levels
 * {@code [-(2^(b-1)-1), 2^(b-1)-1]}; asymmetric range {@code [min(x,0), max(x,0)]}.
 */
public record IntFormat(int bits, boolean symmetric, Granularity granularity) implements NumberFormat {

    /** Scales are counted as FP16 in storage (as GPTQ/AWQ checkpoints hold them); the arithmetic uses float32. */
    public static final int STORED_SCALE_BITS = 16;

    public IntFormat {
        if (bits < 2 || bits > 8) {
            throw new IllegalArgumentException("integer formats have 2..8 bits, got " + bits);
        }
        if (granularity instanceof Granularity.Unscaled) {
            throw new IllegalArgumentException("integer formats have a scale per tensor, channel or group");
        }
    }

    @Override
    public String name() {
        return "int" + bits + (symmetric ? "_sym" : "_asym") + granularity.suffix();
    }

    @Override
    public double bitsPerElement() {
        int perGroup = STORED_SCALE_BITS + (symmetric ? 0 : bits);
        return bits + granularity.scaleBitsPerElement(perGroup, 4096);
    }

    /** {@code int{2..8}_{sym|asym}[_tensor|_channel|_gN]}. */
    public static final FormatFamily FAMILY = new FormatFamily("int",
            "uniform integers with a float32 scale per tensor, channel or group (asymmetric: with a zero point)",
            "int{2..8}_{sym|asym}[_tensor|_channel|_gN]",
            List.of(Param.integer("bits", 2, 8, null, "code width, bits"),
                    Param.choice("mode", List.of("sym", "asym"), null, "symmetric levels, or asymmetric with a zero point per scale"),
                    Param.text("granularity", "tensor", "scale sharing: tensor, channel or gN (N consecutive elements of a row)")),
            listedNames(), IntFormat::parse);

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("int(\\d+)_(sym|asym)" + FormatNames.GRANULARITY);

    private static NumberFormat parse(String n) {
        java.util.regex.Matcher m = NAME.matcher(n);
        if (!m.matches()) {
            return null;
        }
        Granularity g = FormatNames.granularity(m.group(3), m.group(4));
        return new IntFormat(Integer.parseInt(m.group(1)), m.group(2).equals("sym"), g == null ? Granularity.TENSOR : g);
    }

    private static List<String> listedNames() {
        List<String> out = new java.util.ArrayList<>();
        for (int b = 2; b <= 8; b++) {
            for (String mode : List.of("sym", "asym")) {
                for (String g : List.of("_tensor", "_channel", "_g32", "_g64", "_g128")) {
                    out.add("int" + b + "_" + mode + g);
                }
            }
        }
        return out;
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
        return symmetric ? bits : bits + 1;                 // code - zero point spans one more bit
    }

    @Override
    public Optional<MiniFloat> minifloatElement() {
        return Optional.empty();
    }

    @Override
    public NumberFormat withoutSaturation() {
        throw new IllegalArgumentException(name() + " is an integer format; only minifloats with Inf or NaN have a non-saturating mode");
    }

    @Override
    public String description() {
        return bits + "-bit integer, " + (symmetric ? "symmetric" : "asymmetric with zero point")
                + ", float32 scale per " + switch (granularity) {
                    case Granularity.Unscaled u -> throw new IllegalStateException("integer formats are scaled");
                    case Granularity.PerTensor t -> "tensor";
                    case Granularity.PerChannel c -> "channel";
                    case Granularity.PerGroup g -> "group of " + g.size();
                };
    }

    @Override
    public IntCodec element() {
        return new IntCodec(bits, symmetric);
    }

    private int qmax() {
        return symmetric ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;
    }

    @Override
    public QuantizedTensor quantize(float[] x, Segments segments, QuantOptions options) {
        segments.requireLength(x.length);
        Segments groups = granularity.groups(segments);
        int[] codes = new int[x.length];
        float[] values = new float[x.length];
        float[] scales = new float[groups.count()];
        int[] zeroPoints = symmetric ? null : new int[groups.count()];
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
                    quantizeGroup(x, from, to, r, sc, s, options.rounding());
                    return GroupStats.mse(x, s, from, to);
                });
            }
            long packed = quantizeGroup(x, from, to, ratio, codes, values, options.rounding());
            scales[g] = Float.intBitsToFloat((int) packed);
            if (zeroPoints != null) {
                zeroPoints[g] = (int) (packed >>> 32);
            }
        }
        return new QuantizedTensor(codes, values, groups, scales, null, zeroPoints, Float.NaN);
    }

    /** Quantizes one group; returns the float32 scale bits in the low word and the zero point in the high word. */
    private long quantizeGroup(float[] x, int from, int to, float ratio, int[] codes, float[] values, Rounding rounding) {
        int qmax = qmax();
        float scale;
        int zp = 0;
        if (symmetric) {
            float amax = GroupStats.maxAbs(x, from, to);
            float clip = ratio == 1f ? amax : amax * ratio;
            scale = clip / qmax;
            if (scale == 0f) {
                scale = 1f;                            // all-zero group (or underflow): reference §5
            }
            boolean rne = rounding instanceof Rounding.NearestEven;
            for (int i = from; i < to; i++) {
                float q = x[i] / scale;
                if (q != q) {
                    codes[i] = ScalarCodec.NO_CODE;
                    values[i] = Float.NaN;
                    continue;
                }
                double level = rne ? Math.rint(q) : round(q, rounding, i);
                int c = (int) Math.max(-qmax, Math.min(qmax, level));
                codes[i] = c;
                values[i] = c * scale;
            }
        } else {
            float lo = 0f;
            float hi = 0f;
            for (int i = from; i < to; i++) {
                lo = Math.min(lo, x[i]);
                hi = Math.max(hi, x[i]);
            }
            if (ratio != 1f) {
                lo *= ratio;
                hi *= ratio;
            }
            scale = (hi - lo) / qmax;
            if (scale == 0f) {
                scale = 1f;
            }
            zp = (int) Math.max(0, Math.min(qmax, Math.rint(-lo / scale)));
            boolean rne = rounding instanceof Rounding.NearestEven;
            for (int i = from; i < to; i++) {
                float q = x[i] / scale;
                if (q != q) {
                    codes[i] = ScalarCodec.NO_CODE;
                    values[i] = Float.NaN;
                    continue;
                }
                double level = (rne ? Math.rint(q) : round(q, rounding, i)) + zp;
                int c = (int) Math.max(0, Math.min(qmax, level));
                codes[i] = c;
                values[i] = (c - zp) * scale;
            }
        }
        return (Float.floatToRawIntBits(scale) & 0xFFFFFFFFL) | ((long) zp << 32);
    }

    static double round(float q, Rounding rounding, long index) {
        return switch (rounding) {
            case Rounding.NearestEven ne -> Math.rint(q);
            case Rounding.Stochastic st -> {
                double f = Math.floor(q);
                yield st.uniform(index) < q - f ? f + 1 : f;
            }
        };
    }

    @Override
    public FixedScaleQuantizer fixedScale(float[] tensor, int from, int to, QuantOptions options) {
        int n = to - from;
        float[] group = java.util.Arrays.copyOfRange(tensor, from, to);
        QuantizedTensor q = new IntFormat(bits, symmetric, Granularity.TENSOR).quantize(group, Segments.whole(n), options.withRounding(Rounding.NEAREST_EVEN));
        float scale = q.scales()[0];
        int zp = q.zeroPoints() == null ? 0 : q.zeroPoints()[0];
        int qmax = qmax();
        if (symmetric) {
            return x -> {
                float v = x / scale;
                if (v != v) {
                    return Float.NaN;
                }
                return (int) Math.max(-qmax, Math.min(qmax, Math.rint(v))) * scale;
            };
        }
        return x -> {
            float v = x / scale;
            if (v != v) {
                return Float.NaN;
            }
            int c = (int) Math.max(0, Math.min(qmax, Math.rint(v) + zp));
            return (c - zp) * scale;
        };
    }

    /**
     * Quantizer with a range fixed beforehand (static activation scales): the scale that max-abs
     * calibration would derive from a group whose extremes are {@code lo} and {@code hi}.
     */
    public FixedScaleQuantizer fixedRange(float lo, float hi) {
        return fixedScale(new float[] {Math.min(lo, 0f), Math.max(hi, 0f)}, 0, 2, QuantOptions.DEFAULT);
    }
}
