package io.quantarch.simulator.pe;

import java.math.BigDecimal;

/** Round-to-nearest-even of an exact decimal to float32 (an FP32 adder's single rounding of an exact sum). */
final class FloatRounding {

    private FloatRounding() {
    }

    static float nearest(BigDecimal v) {
        float f = v.floatValue();
        if (Float.isInfinite(f)) {
            return f;
        }
        float best = f;
        BigDecimal bestErr = v.subtract(new BigDecimal(f)).abs();
        for (float c : new float[] {Math.nextUp(f), Math.nextDown(f)}) {
            if (Float.isInfinite(c)) {
                continue;
            }
            BigDecimal err = v.subtract(new BigDecimal(c)).abs();
            int cmp = err.compareTo(bestErr);
            if (cmp < 0 || cmp == 0 && (Float.floatToRawIntBits(c) & 1) == 0) {
                best = c;
                bestErr = err;
            }
        }
        return best;
    }
}
