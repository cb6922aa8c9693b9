package io.quantarch.numerics.arith;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Exact sums of float32 values, with the mean rounded once to float32. Used where a reference
 * definition says "the exact mean rounded to float32" (BitNet's gamma; see reference/formats §6),
 * so the result does not depend on summation order.
 */
public final class ExactSum {

    private static final int OFFSET = 149;             // 2^-149 is the float32 quantum

    private ExactSum() {
    }

    /** Exact sum of |x[i]| over [from, to) as an integer multiple of 2^-149. */
    public static BigInteger sumAbsQuanta(float[] x, int from, int to) {
        long[] buckets = new long[256 + 24];
        for (int i = from; i < to; i++) {
            int a = Float.floatToRawIntBits(x[i]) & 0x7FFFFFFF;
            if (a >= 0x7F800000) {
                throw new ArithmeticException("non-finite value at index " + i);
            }
            int biased = a >>> 23;
            long m = biased == 0 ? a : (a & 0x7FFFFF) | 0x800000;
            int k = biased == 0 ? 0 : biased - 1;      // value = m * 2^(k - 149)
            buckets[k] += m;                           // < 2^24 each: exact for 2^39 elements
        }
        BigInteger sum = BigInteger.ZERO;
        for (int k = buckets.length - 1; k >= 0; k--) {
            sum = sum.shiftLeft(1);
            if (buckets[k] != 0) {
                sum = sum.add(BigInteger.valueOf(buckets[k]));
            }
        }
        return sum;
    }

    /** Exact mean of |x[i]| over [from, to), rounded once to float32 (ties to even); 0 for an empty range. */
    public static float meanAbs(float[] x, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return 0f;
        }
        return quotientToFloat(sumAbsQuanta(x, from, to), BigInteger.valueOf(n), -OFFSET);
    }

    /** The float nearest to {@code num / den * 2^exp2}, ties to even; num >= 0, den > 0. */
    public static float quotientToFloat(BigInteger num, BigInteger den, int exp2) {
        if (num.signum() == 0) {
            return 0f;
        }
        int k = Math.max(0, 60 + den.bitLength() - num.bitLength());
        BigInteger[] qr = num.shiftLeft(k).divideAndRemainder(den);
        BigInteger q = qr[0];
        int sticky = qr[1].signum();
        // keep 62 significant bits in a long, folding the rest into the sticky bit
        int extra = q.bitLength() - 62;
        if (extra > 0) {
            if (q.getLowestSetBit() < extra) {
                sticky = 1;
            }
            q = q.shiftRight(extra);
            k -= extra;
        }
        long t = q.longValueExact();
        // t has <= 62 bits; make it exactly representable in double by moving low bits into sticky
        int drop = Math.max(0, 64 - Long.numberOfLeadingZeros(t) - 53);
        if (drop > 0) {
            if ((t & ((1L << drop) - 1)) != 0) {
                sticky = 1;
            }
            t >>>= drop;
            k -= drop;
        }
        double d = Math.scalb((double) t, exp2 - k);
        return Float32.roundToFloat(d, sticky);
    }

    /** Exact sum of doubles as a BigDecimal (for reference computations in tests and dot products). */
    public static BigDecimal exact(double... v) {
        BigDecimal s = BigDecimal.ZERO;
        for (double d : v) {
            s = s.add(new BigDecimal(d));
        }
        return s;
    }
}
