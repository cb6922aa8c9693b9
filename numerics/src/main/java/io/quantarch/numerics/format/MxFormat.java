package io.quantarch.numerics.format;

import io.quantarch.config.component.Param;
import io.quantarch.numerics.quant.Granularity;
import java.util.List;
import java.util.Optional;
import io.quantarch.numerics.quant.FixedScaleQuantizer;
import io.quantarch.numerics.quant.QuantOptions;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.numerics.quant.Rounding;
import io.quantarch.numerics.quant.Segments;

import java.util.Arrays;

/**
 * OCP Microscaling (MX v1.0) block format: blocks of k elements (k = 32 by default) share one E8M0
 * scale. Conversion follows MX v1.0 §6.3 "Algorithm 1" (as reproduced in Rouhani et al., arXiv
 * 2310.10537): {@code shared_exp = floor(log2(max|V|)) - emax_elem}, {@code X = 2^shared_exp},
 * {@code P_i = quantize(V_i / X)} with round to nearest even and clamping to the element's max.
 *
 * <p>Choices the public description leaves open (reference/formats README §3 and §7): floor(log2) is
 * the exact binary exponent; shared_exp is clamped to [-127, 127]; an all-zero block gets -127; a block
 * holding NaN or Inf gets the E8M0 NaN scale, undefined element codes and all-NaN outputs; float32
 * subnormal inputs are used exactly, not flushed; MXINT8 clamps symmetrically to +/-127 (MXINT6/4 likewise to +/-31, +/-7).
 */
public record MxFormat(String name, ScalarCodec element, int blockSize) implements NumberFormat {

    public MxFormat {
        if (!(element instanceof MiniFloat) && !(element instanceof MxIntElement)) {
            throw new IllegalArgumentException("MX elements are minifloats or MXINT8, got " + element.name());
        }
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be >= 1, got " + blockSize);
        }
    }

    /** MX v1.0 emax of the element format: 8 (E4M3), 15 (E5M2), 4 (E3M2), 2 (E2M3, E2M1), 0 (INT8). */
    public int elementEmax() {
        return element instanceof MiniFloat f ? f.emax() : 0;
    }

    @Override
    public int bits() {
        return element.bits();
    }

    @Override
    public double bitsPerElement() {
        return element.bits() + 8.0 / blockSize;       // MX v1.0: one 8-bit E8M0 scale per block
    }

    /** The OCP MX v1.0 concrete formats, {@code _kN} for another block size. */
    public static final FormatFamily FAMILY = new FormatFamily("mx",
            "OCP Microscaling (MX v1.0): k elements per block sharing one E8M0 power-of-two scale",
            "mxfp8_e4m3|mxfp8_e5m2|mxfp6_e3m2|mxfp6_e2m3|mxfp4|mxint8|mxint6|mxint4[_kN]",
            List.of(Param.choice("element", List.of("mxfp8_e4m3", "mxfp8_e5m2", "mxfp6_e3m2", "mxfp6_e2m3", "mxfp4", "mxint8", "mxint6", "mxint4"),
                            null, "the MX concrete format (element code book); mxint6/mxint4 as in Chen et al. 2025"),
                    Param.integer("k", 1, 1 << 20, 32, "elements per block sharing one scale")),
            List.of("mxfp8_e4m3", "mxfp8_e5m2", "mxfp6_e3m2", "mxfp6_e2m3", "mxfp4", "mxint8", "mxint6", "mxint4"), MxFormat::parse);

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile(
            "(mxfp8_e4m3|mxfp8_e5m2|mxfp6_e3m2|mxfp6_e2m3|mxfp4|mxfp4_e2m1|mxint8|mxint6|mxint4)(?:_k(\\d+))?");

    private static NumberFormat parse(String n) {
        java.util.regex.Matcher m = NAME.matcher(n);
        return m.matches() ? of(m.group(1), m.group(2) == null ? 32 : Integer.parseInt(m.group(2))) : null;
    }

    /** The MX concrete format {@code name} ({@code mxfp4}, {@code mxint8}, ...) with blocks of {@code blockSize}. */
    public static MxFormat of(String name, int blockSize) {
        ScalarCodec element = switch (name) {
            case "mxfp8_e4m3" -> MiniFloat.fp8E4m3();
            case "mxfp8_e5m2" -> MiniFloat.fp8E5m2();
            case "mxfp6_e3m2" -> MiniFloat.fp6E3m2();
            case "mxfp6_e2m3" -> MiniFloat.fp6E2m3();
            case "mxfp4", "mxfp4_e2m1" -> MiniFloat.fp4E2m1();
            case "mxint8" -> MxIntElement.INT8;
            case "mxint6" -> new MxIntElement(6);
            case "mxint4" -> new MxIntElement(4);
            default -> throw new IllegalArgumentException("not an MX format: " + name);   // open: a name
        };
        String canonical = name.equals("mxfp4_e2m1") ? "mxfp4" : name;
        return new MxFormat(blockSize == 32 ? canonical : canonical + "_k" + blockSize, element, blockSize);
    }

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
        return Optional.of(new BlockLayout(blockSize, BlockLayout.ScaleEncoding.E8M0, false));
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
        throw new IllegalArgumentException(name + " is an MX block format; its elements always clamp (OCP MX v1.0 §6.3)");
    }

    @Override
    public String description() {
        return "OCP MX block format: " + element.name() + " elements, " + blockSize
                + " per block sharing one E8M0 scale (" + bitsPerElement() + " bits/element)";
    }

    @Override
    public QuantizedTensor quantize(float[] x, Segments segments, QuantOptions options) {
        segments.requireLength(x.length);
        Segments blocks = segments.chunked(blockSize);
        int[] codes = new int[x.length];
        float[] values = new float[x.length];
        float[] scales = new float[blocks.count()];
        int[] scaleCodes = new int[blocks.count()];
        int emax = elementEmax();
        boolean rne = options.rounding() instanceof Rounding.NearestEven;
        for (int b = 0; b < blocks.count(); b++) {
            int from = blocks.start(b);
            int to = blocks.end(b);
            if (!GroupStats.allFinite(x, from, to)) {
                scaleCodes[b] = E8M0.NAN;
                scales[b] = Float.NaN;
                Arrays.fill(codes, from, to, ScalarCodec.NO_CODE);
                Arrays.fill(values, from, to, Float.NaN);
                continue;
            }
            float amax = GroupStats.maxAbs(x, from, to);
            int sharedExp = amax == 0f ? -E8M0.BIAS : GroupStats.floorLog2(amax) - emax;
            sharedExp = Math.max(-E8M0.BIAS, Math.min(E8M0.BIAS, sharedExp));
            scaleCodes[b] = E8M0.codeOf(sharedExp);
            float scale = Math.scalb(1f, sharedExp);
            float inverse = Math.scalb(1f, -sharedExp);
            scales[b] = scale;
            // Multiplying by a power of two is exact unless the product is a float32 subnormal; such tiny
            // scaled values are far below half the element's smallest step and encode to a signed zero
            // either way. The dequantized products are exactly representable (reference README §3).
            if (rne && element instanceof MiniFloat f) {
                for (int i = from; i < to; i++) {
                    int c = f.encode(x[i] * inverse);
                    codes[i] = c;
                    values[i] = f.decode(c) * scale;
                }
            } else {
                for (int i = from; i < to; i++) {
                    int c = encodeElement(x[i] * inverse, options.rounding(), i);
                    codes[i] = c;
                    values[i] = element.decode(c) * scale;
                }
            }
        }
        return new QuantizedTensor(codes, values, blocks, scales, scaleCodes, null, Float.NaN);
    }

    private int encodeElement(float v, Rounding rounding, long index) {
        if (element instanceof MiniFloat f) {
            return f.encode(v, rounding, index);
        }
        if (rounding instanceof Rounding.Stochastic && element instanceof MxIntElement e) {
            int max = (1 << (e.bits() - 1)) - 1;
            double level = IntFormat.round(Math.scalb(v, e.fractionBits()), rounding, index);   // a power-of-two product is exact
            return (int) Math.max(-max, Math.min(max, level)) & ((1 << e.bits()) - 1);
        }
        return element.encode(v);
    }

    @Override
    public FixedScaleQuantizer fixedScale(float[] tensor, int from, int to, QuantOptions options) {
        if (!GroupStats.allFinite(tensor, from, to)) {
            return x -> Float.NaN;
        }
        float amax = GroupStats.maxAbs(tensor, from, to);
        int sharedExp = amax == 0f ? -E8M0.BIAS : GroupStats.floorLog2(amax) - elementEmax();
        sharedExp = Math.max(-E8M0.BIAS, Math.min(E8M0.BIAS, sharedExp));
        float scale = Math.scalb(1f, sharedExp);
        float inverse = Math.scalb(1f, -sharedExp);
        return x -> element.decode(element.encode(x * inverse)) * scale;
    }
}
