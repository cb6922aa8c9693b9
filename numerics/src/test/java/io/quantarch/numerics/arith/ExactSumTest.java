package io.quantarch.numerics.arith;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExactSumTest {

    /** meanAbs equals the BigDecimal mean rounded to the nearest float (ties to even). */
    @Property(tries = 300)
    void meanAbsIsTheExactMeanRoundedOnce(@ForAll long seed, @ForAll @IntRange(min = 1, max = 500) int n,
                                          @ForAll @IntRange(min = -149, max = 100) int exp) {
        Random r = new Random(seed);
        float[] x = new float[n];
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            x[i] = Math.scalb((float) r.nextGaussian(), r.nextInt(20) + Math.min(exp, 100));
            if (Float.isInfinite(x[i])) {
                x[i] = Float.MAX_VALUE;
            }
            sum = sum.add(new BigDecimal(Math.abs(x[i])));
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(n), new MathContext(200));
        float expected = DotProductTest.roundToFloat(mean).floatValue();
        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(ExactSum.meanAbs(x, 0, n)));
    }
}
