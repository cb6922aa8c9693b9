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
 * NVIDIA NVFP4: E2M1 elements in blocks of 16 consecutive values of a row, one FP8 E4M3 scale per
 * block, and a float32 per-tensor scale. The arithmetic, which NVIDIA's public description leaves
 * open, follows TransformerEngine's reference quantizer (reference/formats README §4), every step a
 * float32 operation:
 * <pre>
 * S_enc = min(fl(2688 / amax_tensor), FLT_MAX) (1 if 0), S_dec = fl(1 / S_enc)       2688 = 448 * 6
 * d_b   = clamp(min(fl(fl(amax_b / 6) * S_enc), FLT_MAX), -448, 448); s_b = E4M3(d_b), RNE
 * enc_b = min(fl(1 / fl(s_b * S_dec)), FLT_MAX); q_i = E2M1(clamp(fl(x_i * enc_b), -6, 6)), RNE
 * x^_i  = fl(q_i * s_b * S_dec)    (q_i * s_b is exact, so one rounding)
 * </pre>
 * NVINT4 (Chen et al., "INT v.s. FP", arXiv 2510.25602, Sec. 2) is the same recipe with symmetric INT4 elements
 * (levels -7..7) in place of E2M1: 6 becomes 7 and 2688 becomes 448 * 7, so the two differ only in the element grid.
 */
public record Nvfp4(ScalarCodec element, int blockSize) implements NumberFormat {

    private static final MiniFloat E2M1 = MiniFloat.fp4E2m1();
    private static final IntCodec INT4 = new IntCodec(4, true);
    private static final MiniFloat E4M3 = MiniFloat.fp8E4m3();
    public static final Nvfp4 DEFAULT = new Nvfp4(16);
    public static final Nvfp4 NVINT4 = new Nvfp4(INT4, 16);

    public Nvfp4 {
        if (!element.equals(E2M1) && !element.equals(INT4)) {
            throw new IllegalArgumentException("NVFP4-style elements are E2M1 or INT4, got " + element.name());
        }
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be >= 1, got " + blockSize);
        }
    }

    /** NVFP4 with blocks of {@code blockSize}. */
    public Nvfp4(int blockSize) {
        this(E2M1, blockSize);
    }

    /** The element's largest magnitude: 6 (E2M1) or 7 (INT4). */
    private float elementMax() {
        return element.maxFinite();
    }

    @Override
    public String name() {
        String base = element.equals(E2M1) ? "nvfp4" : "nvint4";
        return blockSize == 16 ? base : base + "_k" + blockSize;
    }

    @Override
    public int bits() {
        return 4;
    }

    @Override
    public double bitsPerElement() {
        return 4 + 8.0 / blockSize;                    // the per-tensor float32 scale is negligible
    }

    /** {@code nvfp4}, {@code nvint4}, {@code _kN} for another block size. */
    public static final FormatFamily FAMILY = new FormatFamily("nvfp4",
            "NVIDIA NVFP4: E2M1 elements, an E4M3 scale per block of 16 and a float32 tensor scale; NVINT4: INT4 elements, the same scales",
            "nvfp4|nvint4[_kN]",
            List.of(Param.choice("element", List.of("nvfp4", "nvint4"), null, "E2M1 (nvfp4) or symmetric INT4 (nvint4) elements"),
                    Param.integer("k", 1, 1 << 20, 16, "elements per block sharing one E4M3 scale")), List.of("nvfp4", "nvint4"),
            n -> {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("nv(fp4|int4)(?:_k(\\d+))?").matcher(n);
                return !m.matches() ? null : new Nvfp4(m.group(1).equals("fp4") ? E2M1 : INT4, m.group(2) == null ? 16 : Integer.parseInt(m.group(2)));
            });

    @Override
    public FormatFamily family() {
        return FAMILY;
    }

    @Override
    public Granularity granularity() {
        return new Granularity.PerGroup(blockSize);
    }

    @Override
    public Optional<BlockLayout> blockLayout() {
        return Optional.of(new BlockLayout(blockSize, BlockLayout.ScaleEncoding.E4M3, true));
    }

    @Override
    public int levelBits() {
        return 0;
    }

    @Override
    public Optional<MiniFloat> minifloatElement() {
        return element instanceof MiniFloat m ? Optional.of(m) : Optional.empty();
    }

    @Override
    public NumberFormat withoutSaturation() {
        throw new IllegalArgumentException(name() + " is a block format; its elements always clamp");
    }

    @Override
    public String description() {
        return (element.equals(E2M1) ? "NVFP4: E2M1" : "NVINT4: INT4") + " elements, " + blockSize
                + " per block with an E4M3 scale, plus a float32 tensor scale";
    }

    @Override
    public QuantizedTensor quantize(float[] x, Segments segments, QuantOptions options) {
        segments.requireLength(x.length);
        Segments blocks = segments.chunked(blockSize);
        float amaxT = GroupStats.maxAbs(x, 0, x.length);
        float emax = elementMax();
        float sEnc = Math.min(448f * emax / amaxT, Float.MAX_VALUE);
        if (sEnc == 0f) {
            sEnc = 1f;
        }
        float sDec = 1f / sEnc;
        int[] codes = new int[x.length];
        float[] values = new float[x.length];
        float[] scales = new float[blocks.count()];
        int[] scaleCodes = new int[blocks.count()];
        for (int b = 0; b < blocks.count(); b++) {
            int from = blocks.start(b);
            int to = blocks.end(b);
            float amaxB = GroupStats.maxAbs(x, from, to);
            float d = Math.min((amaxB / emax) * sEnc, Float.MAX_VALUE);
            d = Math.max(-448f, Math.min(448f, d));
            int sb = E4M3.encode(d);
            float sbValue = E4M3.decode(sb);
            scaleCodes[b] = sb;
            scales[b] = sbValue;
            float enc = Math.min(1f / (sbValue * sDec), Float.MAX_VALUE);
            for (int i = from; i < to; i++) {
                float y = Math.max(-emax, Math.min(emax, x[i] * enc));
                int q = element instanceof MiniFloat f ? f.encode(y, options.rounding(), i) : (int) IntFormat.round(y, options.rounding(), i);
                codes[i] = q;
                values[i] = (element.decode(q) * sbValue) * sDec;
            }
        }
        return new QuantizedTensor(codes, values, blocks, scales, scaleCodes, null, sDec);
    }

    @Override
    public FixedScaleQuantizer fixedScale(float[] tensor, int from, int to, QuantOptions options) {
        float amaxT = GroupStats.maxAbs(tensor, 0, tensor.length);
        float emax = elementMax();
        float sEnc = Math.min(448f * emax / amaxT, Float.MAX_VALUE);
        if (sEnc == 0f) {
            sEnc = 1f;
        }
        float sDec = 1f / sEnc;
        float amaxB = GroupStats.maxAbs(tensor, from, to);
        float d = Math.max(-448f, Math.min(448f, Math.min((amaxB / emax) * sEnc, Float.MAX_VALUE)));
        float sbValue = E4M3.decode(E4M3.encode(d));
        float enc = Math.min(1f / (sbValue * sDec), Float.MAX_VALUE);
        return x -> (element.decode(element.encode(Math.max(-emax, Math.min(emax, x * enc)))) * sbValue) * sDec;
    }
}
