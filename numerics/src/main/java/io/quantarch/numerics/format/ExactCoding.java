package io.quantarch.numerics.format;

/**
 * The exact, integer-only decoder and encoder of a minifloat configuration (OFP8 §5.1 values): float32 or double bits to a code, with round to nearest
 * even or stochastic rounding, flushing when subnormals are off and the overflow policy of the format (OCP OFP8 v1.0
 * §5.2.1 and Table 3). {@link MiniFloat} builds its rounding-class table from it and falls back to it off the fast path.
 */
record ExactCoding(String name, int exponentBits, int mantissaBits, int bias, boolean subnormals, SpecialValues specials, boolean saturating,
                   int signBit, int nanCode, int infCode, int maxBiasedExponent, int maxMantissaAtTop, int maxFiniteCode, float maxFinite) {

    /** The coding of an ExMy configuration; {@link IllegalArgumentException} when it has no normal binade or leaves float32. */
    static ExactCoding of(String name, int exponentBits, int mantissaBits, int bias, boolean subnormals, SpecialValues specials,
                          boolean saturating) {
        if (exponentBits < 1 || exponentBits > 8) {
            throw new IllegalArgumentException("exponent bits must be 1..8, got " + exponentBits);
        }
        if (mantissaBits < 0 || mantissaBits > 10) {
            throw new IllegalArgumentException("mantissa bits must be 0..10, got " + mantissaBits);
        }
        int allOnesExp = (1 << exponentBits) - 1;
        int allOnesMant = (1 << mantissaBits) - 1;
        int nan = ScalarCodec.NO_CODE;
        // {largest finite biased exponent, largest mantissa field there, NaN code, Inf code} per special-value policy
        int[] top = switch (specials) {
            case NONE -> new int[] {allOnesExp, allOnesMant, nan, nan};
            case FN -> mantissaBits == 0                                // the whole top binade is the NaN code
                    ? new int[] {allOnesExp - 1, 0, (allOnesExp << mantissaBits) | allOnesMant, nan}
                    : new int[] {allOnesExp, allOnesMant - 1, (allOnesExp << mantissaBits) | allOnesMant, nan};
            case IEEE -> new int[] {allOnesExp - 1, allOnesMant,
                    mantissaBits == 0 ? nan : (allOnesExp << mantissaBits) | (1 << (mantissaBits - 1)), allOnesExp << mantissaBits};
        };
        if (top[0] < 1) {
            throw new IllegalArgumentException("e" + exponentBits + "m" + mantissaBits + " with " + specials + " special values has no normal binade");
        }
        int lowestBitExponent = 1 - bias - (subnormals ? mantissaBits : 0);
        int topExponent = top[0] - bias;
        if (lowestBitExponent < -149 || topExponent > 127) {
            throw new IllegalArgumentException("e" + exponentBits + "m" + mantissaBits + " bias " + bias
                    + " has values outside float32 (exponents " + lowestBitExponent + ".." + topExponent + ")");
        }
        float maxFinite = Math.scalb((float) ((1 << mantissaBits) | top[1]), topExponent - mantissaBits);
        return new ExactCoding(name, exponentBits, mantissaBits, bias, subnormals, specials, saturating, 1 << (exponentBits + mantissaBits),
                top[2], top[3], top[0], top[1], (top[0] << mantissaBits) | top[1], maxFinite);
    }

    int encodeBits(int fbits, long random, boolean stochastic) {
        int sign = (fbits >>> 31) == 0 ? 0 : signBit;
        int a = fbits & 0x7FFFFFFF;
        if (a > 0x7F800000) {
            return nanCode == ScalarCodec.NO_CODE ? ScalarCodec.NO_CODE : sign | nanCode;
        }
        if (a == 0x7F800000) {
            return overflow(sign, Float.intBitsToFloat(fbits));
        }
        if (a == 0) {
            return sign;
        }
        long m24;
        int e;
        if ((a >>> 23) == 0) {                         // float32 subnormal: normalise
            int lz = Integer.numberOfLeadingZeros(a) - 8;
            m24 = (long) a << lz;
            e = -126 - lz;
        } else {
            m24 = (a & 0x7FFFFF) | 0x800000;
            e = (a >>> 23) - 127;
        }
        return encodeMagnitude(sign, m24, e, 23, random, stochastic, 0, Float.intBitsToFloat(fbits));
    }

    /**
     * Rounds {@code |x| = m * 2^(e - p)}, {@code m in [2^p, 2^(p+1))}, to this format.
     * {@code tieBreak} (+1, 0, -1) says whether the exact value lies above, on or below
     * {@code m * 2^(e-p)} in magnitude by less than one unit of {@code m}; it decides exact ties only.
     */
    private int encodeMagnitude(int sign, long m, int e, int p, long random, boolean stochastic, int tieBreak, double x) {
        int emin = 1 - bias;
        if (e < emin && !subnormals) {
            return sign;                               // flush before rounding (reference README §7, choice 4)
        }
        int shift = e >= emin ? p - mantissaBits : p - mantissaBits + (emin - e);
        // Ties go to the even code. For M >= 1 the code's last bit is q's; for M = 0 it is the exponent's.
        int truncatedOdd = (mantissaBits == 0 && e >= emin) ? (e + bias) & 1 : -1;
        long q = roundShift(m, shift, random, stochastic, tieBreak, truncatedOdd);
        int biasedExp;
        int mant;
        if (e >= emin) {
            biasedExp = e + bias;
            if (q == (1L << (mantissaBits + 1))) {     // carried into the next binade
                biasedExp++;
                q >>= 1;
            }
            mant = (int) q - (1 << mantissaBits);
        } else if (q == (1L << mantissaBits)) {        // subnormal rounded up to the smallest normal
            biasedExp = 1;
            mant = 0;
        } else {
            biasedExp = 0;
            mant = (int) q;
        }
        if (biasedExp > maxBiasedExponent || (biasedExp == maxBiasedExponent && mant > maxMantissaAtTop)) {
            return overflow(sign, x);
        }
        return sign | (biasedExp << mantissaBits) | mant;
    }

    /**
     * m >> shift rounded to nearest, ties to even (or stochastically); shift >= 1. {@code truncatedOdd}
     * overrides the parity of the truncated candidate (-1: use q's own parity).
     */
    private static long roundShift(long m, int shift, long random, boolean stochastic, int tieBreak, int truncatedOdd) {
        if (shift > 62) {
            shift = 62;                                // m < 2^53: anything beyond rounds the same
        }
        long q = m >>> shift;
        long rem = m & ((1L << shift) - 1);
        if (stochastic) {
            long draw = random >>> (64 - shift);       // uniform in [0, 2^shift)
            return draw < rem ? q + 1 : q;
        }
        long half = 1L << (shift - 1);
        boolean odd = truncatedOdd < 0 ? (q & 1) != 0 : truncatedOdd == 1;
        if (rem > half || (rem == half && (tieBreak > 0 || (tieBreak == 0 && odd)))) {
            q++;
        }
        return q;
    }

    private int overflow(int sign, double x) {
        if (saturating) {
            return sign | maxFiniteCode;               // OFP8 Table 3, SAT column
        }
        if (infCode != ScalarCodec.NO_CODE) {
            return sign | infCode;
        }
        if (nanCode != ScalarCodec.NO_CODE) {
            return sign | nanCode;
        }
        throw new NotRepresentableException(name + " has neither Inf nor NaN: " + x
                + " overflows its maximum " + maxFinite + " in non-saturating mode");
    }

    /**
     * Rounds the exact value {@code s + err} to this format with a single rounding, where {@code err} is
     * the exact error term of the operation that produced {@code s} (TwoSum/TwoProduct), so
     * {@code |err| <= ulp(s)/2}. Accumulator models use this to avoid double rounding.
     */
    int encodeExact(double s, double err) {
        long bitsD = Double.doubleToRawLongBits(s);
        int sign = bitsD < 0 ? signBit : 0;
        long a = bitsD & 0x7FFFFFFFFFFFFFFFL;
        if (a > 0x7FF0000000000000L) {
            return nanCode == ScalarCodec.NO_CODE ? ScalarCodec.NO_CODE : sign | nanCode;
        }
        if (a == 0x7FF0000000000000L) {
            return overflow(sign, s);
        }
        if (a == 0) {
            if (err == 0) {
                return sign;
            }
            return encodeExact(err, 0.0);
        }
        long m;
        int e;
        if ((a >>> 52) == 0) {
            int lz = Long.numberOfLeadingZeros(a) - 11;
            m = a << lz;
            e = -1022 - lz;
        } else {
            m = (a & 0xFFFFFFFFFFFFFL) | 0x10000000000000L;
            e = (int) (a >>> 52) - 1023;
        }
        int tieBreak = err == 0 ? 0 : ((err > 0) == (s > 0) ? 1 : -1);
        return encodeMagnitude(sign, m, e, 52, 0L, false, tieBreak, s);
    }


    /** The value of a code: normal {@code (-1)^S 2^(E-bias) (1 + M/2^m)}, subnormal {@code (-1)^S 2^(1-bias) (M/2^m)}. */
    float decode(int code) {
        if (code < 0 || code >= (1 << (1 + exponentBits + mantissaBits))) {
            throw new IllegalArgumentException(name + ": code " + code + " out of range 0.." + ((1 << (1 + exponentBits + mantissaBits)) - 1));
        }
        boolean negative = (code & signBit) != 0;
        int biasedExp = (code >>> mantissaBits) & ((1 << exponentBits) - 1);
        int mant = code & ((1 << mantissaBits) - 1);
        int allOnes = (1 << exponentBits) - 1;
        float magnitude;
        if (specials == SpecialValues.IEEE && biasedExp == allOnes) {
            magnitude = mant == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else if (specials == SpecialValues.FN && biasedExp == allOnes && mant == (1 << mantissaBits) - 1) {
            magnitude = Float.NaN;
        } else if (biasedExp == 0) {
            // subnormal (or denormals-are-zero when subnormals are off)
            magnitude = subnormals && mant != 0 ? Math.scalb((float) mant, 1 - bias - mantissaBits) : 0f;
        } else {
            magnitude = Math.scalb((float) ((1 << mantissaBits) | mant), biasedExp - bias - mantissaBits);
        }
        if (Float.isNaN(magnitude)) {
            return Float.intBitsToFloat(negative ? 0xFFC00000 : 0x7FC00000);
        }
        return negative ? -magnitude : magnitude;
    }
}
