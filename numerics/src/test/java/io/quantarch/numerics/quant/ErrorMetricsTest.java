package io.quantarch.numerics.quant;

import io.quantarch.numerics.metrics.ErrorMetrics;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ErrorMetricsTest {

    @Test
    void metricsOfAKnownPair() {
        float[] x = {1f, -2f, 3f, 0f};
        float[] q = {1f, -2f, 2f, 1f};
        ErrorMetrics m = ErrorMetrics.between(x, q);
        assertEquals(0.5, m.mse(), 1e-12);                              // (0 + 0 + 1 + 1) / 4
        assertEquals(10 * Math.log10(14.0 / 2.0), m.sqnrDb(), 1e-12);   // 14 / 2
        assertEquals(11 / Math.sqrt(14 * 10), m.cosine(), 1e-12);
        assertEquals(1.0, m.maxAbsError(), 0);
        assertEquals(Double.POSITIVE_INFINITY, ErrorMetrics.between(x, x).sqnrDb());
    }
}
