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
 * Complex weights in {+1, -1, +i, -i} (iFairy, arXiv 2508.05571): consecutive pairs of reals are one
 * complex number re + i*im, mapped to the nearest fourth root of unity (largest projection; ties to
 * the real axis) with one real per-tensor scale. Choice: the scale is the least-squares optimal one for
 * the chosen codes, {@code s = mean over pairs of max(|re|, |im|)}, exact then rounded to float32.
 * Every element of a pair carries the pair's code.
 */
public record ComplexPm1Pmi() implements NumberFormat {

    public static final ComplexPm1Pmi INSTANCE = new ComplexPm1Pmi();

    @Override
    public String name() {
        return "complex_pm1_pmi";
    }

    @Override
    public int bits() {
        return 2;
    }

    @Override
    public double bitsPerElement() {
        return 1;                                      // 2 bits per complex number = 1 bit per real
    }

    public static final FormatFamily FAMILY = new FormatFamily("complex", "complex units {+1, -1, +i, -i} (iFairy) with a least-squares per-tensor scale", "complex_pm1_pmi", List.of(), List.of("complex_pm1_pmi"), n -> n.equals("complex_pm1_pmi") ? INSTANCE : null);

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
        throw new IllegalArgumentException(name() + " is a complex format; only minifloats with Inf or NaN have a non-saturating mode");
    }

    @Override
    public String description() {
        return "complex {+1, -1, +i, -i} per pair of reals x one real scale per tensor (iFairy)";
    }

    @Override
    public ComplexUnitCodec element() {
        return ComplexUnitCodec.INSTANCE;
    }

    @Override
    public QuantizedTensor quantize(float[] x, Segments segments, QuantOptions options) {
        segments.requireLength(x.length);
        if (x.length % 2 != 0) {
            throw new IllegalArgumentException("complex_pm1_pmi needs pairs of reals, got " + x.length + " values");
        }
        int pairs = x.length / 2;
        float[] projection = new float[pairs];
        for (int p = 0; p < pairs; p++) {
            projection[p] = Math.max(Math.abs(x[2 * p]), Math.abs(x[2 * p + 1]));
        }
        float scale = ExactSum.meanAbs(projection, 0, pairs);
        int[] codes = new int[x.length];
        float[] values = new float[x.length];
        for (int p = 0; p < pairs; p++) {
            int c = ComplexUnitCodec.encodePair(x[2 * p], x[2 * p + 1]);
            codes[2 * p] = c;
            codes[2 * p + 1] = c;
            if (c == ScalarCodec.NO_CODE) {
                values[2 * p] = Float.NaN;
                values[2 * p + 1] = Float.NaN;
            } else {
                values[2 * p] = ComplexUnitCodec.re(c) * scale;
                values[2 * p + 1] = ComplexUnitCodec.im(c) * scale;
            }
        }
        return new QuantizedTensor(codes, values, Segments.whole(x.length), new float[] {scale}, null, null, Float.NaN);
    }

    /** Per element this sees a real number only (imaginary part 0): the nearest of +/- scale. */
    @Override
    public FixedScaleQuantizer fixedScale(float[] tensor, int from, int to, QuantOptions options) {
        float scale = quantize(tensor.length % 2 == 0 ? tensor : java.util.Arrays.copyOf(tensor, tensor.length + 1),
                Segments.whole(tensor.length + tensor.length % 2)).scales()[0];
        return x -> x != x ? Float.NaN : (x < 0 ? -scale : scale);
    }
}
