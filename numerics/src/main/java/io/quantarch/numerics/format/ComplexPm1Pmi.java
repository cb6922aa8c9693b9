package io.quantarch.numerics.format;

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

    @Override
    public Kind kind() {
        return Kind.COMPLEX;
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
