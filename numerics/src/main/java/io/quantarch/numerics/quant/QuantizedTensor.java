package io.quantarch.numerics.quant;

import io.quantarch.numerics.format.ScalarCodec;

/**
 * A quantized tensor: one code per element, the dequantized values, and the scale groups with their
 * scales (and stored scale codes / zero points where the format has them).
 *
 * @param codes       element codes; {@link ScalarCodec#NO_CODE} where undefined (NaN in a block of an MX format)
 * @param values      dequantized values
 * @param groups      the scale groups (contiguous ranges of elements)
 * @param scales      one float32 scale per group (1 for unscaled formats)
 * @param scaleCodes  the stored scale code per group (E8M0 for MX, E4M3 for NVFP4), or null when the scale is a plain float32
 * @param zeroPoints  zero point per group for asymmetric integers, or null
 * @param tensorScale second-level per-tensor scale (NVFP4's S_dec), NaN when the format has none
 */
public record QuantizedTensor(int[] codes, float[] values, Segments groups, float[] scales,
                              int[] scaleCodes, int[] zeroPoints, float tensorScale) {

    public QuantizedTensor {
        if (codes.length != values.length || groups.length() != codes.length || scales.length != groups.count()) {
            throw new IllegalArgumentException("inconsistent quantized tensor shapes");
        }
        if (scaleCodes != null && scaleCodes.length != scales.length || zeroPoints != null && zeroPoints.length != scales.length) {
            throw new IllegalArgumentException("scale codes / zero points must have one entry per group");
        }
    }

    /** An unscaled tensor: one group, scale 1. */
    public static QuantizedTensor unscaled(int[] codes, float[] values) {
        return new QuantizedTensor(codes, values, Segments.whole(codes.length), new float[] {1f}, null, null, Float.NaN);
    }

    public int size() {
        return codes.length;
    }

    /** Index of the scale group holding element {@code i}. */
    public int groupOf(int i) {
        int lo = 0;
        int hi = groups.count() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (groups.start(mid) <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Per-element group index (one pass; for writers that visit every element). */
    public int[] groupIndex() {
        int[] g = new int[codes.length];
        int[] s = groups.starts();
        for (int k = 0; k + 1 < s.length; k++) {
            java.util.Arrays.fill(g, s[k], s[k + 1], k);
        }
        return g;
    }
}
