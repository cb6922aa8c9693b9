package io.quantarch.workloads.policy;

import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.quant.Calibration;

import java.util.Locale;

/** How one tensor is held: in full precision, or quantized in a format with a calibration. */
public sealed interface TensorQuant {

    /** Not quantized (float32). */
    record Fp32() implements TensorQuant { }

    /** Quantized with {@code format}; {@code calibration} picks the clipping range of each scale group. */
    record Quantized(NumberFormat format, Calibration calibration) implements TensorQuant { }

    Fp32 FP32 = new Fp32();

    static TensorQuant of(NumberFormat f) {
        return new Quantized(f, Calibration.MAX_ABS);
    }

    default boolean quantized() {
        return this instanceof Quantized;
    }

    /** Short label: {@code fp32}, {@code int4_sym_g128}, {@code int8_sym_tensor/mse}. */
    default String label() {
        return switch (this) {
            case Fp32 f -> "fp32";
            case Quantized q -> q.format().name() + switch (q.calibration()) {
                case Calibration.MaxAbs m -> "";
                case Calibration.Percentile p -> String.format(Locale.ROOT, "/p%s", p.percentile());
                case Calibration.MseSearch s -> "/mse";
            };
        };
    }

    /** Storage bits per element (32 for float32). */
    default double bitsPerElement() {
        return this instanceof Quantized q ? q.format().bitsPerElement() : 32.0;
    }
}
