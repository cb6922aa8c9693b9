package io.quantarch.numerics.quant;

import java.util.Objects;

/** How a tensor is quantized beyond its format: scale calibration and rounding. */
public record QuantOptions(Calibration calibration, Rounding rounding) {

    /** Max-abs calibration, round to nearest even. */
    public static final QuantOptions DEFAULT = new QuantOptions(Calibration.MAX_ABS, Rounding.NEAREST_EVEN);

    public QuantOptions {
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(rounding, "rounding");
    }

    public QuantOptions withCalibration(Calibration c) {
        return new QuantOptions(c, rounding);
    }

    public QuantOptions withRounding(Rounding r) {
        return new QuantOptions(calibration, r);
    }
}
