package io.quantarch.numerics.format;

import io.quantarch.numerics.quant.FixedScaleQuantizer;
import io.quantarch.numerics.quant.Granularity;
import io.quantarch.numerics.quant.QuantOptions;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.numerics.quant.Segments;

/**
 * A number format a tensor can be stored in: an element code book plus, for scaled formats, how
 * scales are chosen and shared (per tensor, channel, group or block). Variants are registered by
 * name in {@link Formats}.
 *
 * <p>Contract: {@link #quantize} is deterministic (stochastic rounding draws are keyed by element
 * index and the seed in {@link QuantOptions}), never mutates its input, and returns dequantized
 * values that equal {@code decode(code) x scale} evaluated as documented by each variant.
 */
public sealed interface NumberFormat
        permits MiniFloat, ScaledFloat, IntFormat, MxFormat, Nvfp4, Ternary, Binary, Pow2, ComplexPm1Pmi {

    /** Registry name, e.g. {@code fp8_e4m3}, {@code int4_sym_g128}, {@code mxfp4}. */
    String name();

    /** Bits of one element code. */
    int bits();

    /**
     * Storage bits per element including amortised scale and zero-point storage
     * (e.g. MXFP4 = 4 + 8/32 = 4.25); what memory traffic is counted in.
     */
    double bitsPerElement();

    /** The family this format belongs to (its {@code kind} in {@code formats list}). */
    FormatFamily family();

    /**
     * Which elements share one scale: per tensor, channel or group (block formats: groups of their block size along a
     * row), or {@link Granularity.Unscaled} for a plain element format.
     */
    Granularity granularity();

    /** The block layout of a block format (OCP MX, NVFP4), whose blocks are part of its definition; empty otherwise. */
    java.util.Optional<BlockLayout> blockLayout();

    /**
     * Two's complement width of the signed integer level each code stands for (the code minus any zero point), when an
     * integer multiplier can take the codes directly; 0 when the codes are not integer levels (minifloats, block
     * formats, powers of two, complex units).
     */
    int levelBits();

    /** The minifloat element code book of a minifloat, scaled-minifloat or block-minifloat format; empty otherwise. */
    java.util.Optional<MiniFloat> minifloatElement();

    /**
     * The same format overflowing to Inf (where it has one, else NaN) instead of saturating at its largest finite value.
     *
     * @throws IllegalArgumentException saying why when the format has no such mode
     */
    NumberFormat withoutSaturation();

    /** One line a hardware architect understands. */
    String description();

    /** The unscaled element code book. */
    ScalarCodec element();

    /** Element encode without any scale: nearest code, ties to even. */
    default int encode(float x) {
        return element().encode(x);
    }

    /** Element decode without any scale. */
    default float decode(int code) {
        return element().decode(code);
    }

    default float maxFinite() {
        return element().maxFinite();
    }

    default float minNormal() {
        return element().minNormal();
    }

    default float minSubnormal() {
        return element().minSubnormal();
    }

    /**
     * Quantizes one tensor. {@code segments} cut the flat array into channels (rows) for per-channel and
     * per-group scales, or into explicit blocks for block formats; per-tensor formats ignore them.
     */
    QuantizedTensor quantize(float[] x, Segments segments, QuantOptions options);

    default QuantizedTensor quantize(float[] x, Segments segments) {
        return quantize(x, segments, QuantOptions.DEFAULT);
    }

    /** Dequantized values only (fake quantization); same numbers as {@code quantize(...).values()}. */
    default float[] fakeQuantize(float[] x, Segments segments, QuantOptions options) {
        return quantize(x, segments, options).values();
    }

    default float[] fakeQuantize(float[] x, Segments segments) {
        return fakeQuantize(x, segments, QuantOptions.DEFAULT);
    }

    /**
     * A quantizer for single values with the parameters this format derives from the scale group
     * {@code tensor[from, to)} (and from the whole {@code tensor} for per-tensor statistics such as
     * NVFP4's second-level scale). Per-tensor formats take the whole array as the group. Rounding is to
     * nearest even.
     */
    FixedScaleQuantizer fixedScale(float[] tensor, int from, int to, QuantOptions options);

    default FixedScaleQuantizer fixedScale(float[] tensor) {
        return fixedScale(tensor, 0, tensor.length, QuantOptions.DEFAULT);
    }
}
