package io.quantarch.numerics.quant;

/**
 * Quantizes single values under scale parameters fixed beforehand: those a format derives from one
 * scale group (and, for two-level formats, the tensor). GPTQ rounds weight columns one at a time with
 * the group's parameters; static activation quantization applies scales calibrated offline.
 *
 * <p>Contract: for every format {@code f}, group {@code [from, to)} of {@code x} and index {@code i} in it,
 * {@code f.fixedScale(x, from, to, o).dequantize(x[i]) == f.quantize(x, segments, o).values()[i]}
 * (bit-exact), with round-to-nearest options.
 */
@FunctionalInterface
public interface FixedScaleQuantizer {

    /** The dequantized value of {@code x} under the fixed parameters. */
    float dequantize(float x);

    /** Identity: no quantization (FP32 tensors). */
    FixedScaleQuantizer IDENTITY = x -> x;

    /** Applies the quantizer to {@code x[from, to)} in place. */
    default void applyInPlace(float[] x, int from, int to) {
        for (int i = from; i < to; i++) {
            x[i] = dequantize(x[i]);
        }
    }
}
