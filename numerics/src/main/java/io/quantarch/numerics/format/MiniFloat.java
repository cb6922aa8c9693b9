package io.quantarch.numerics.format;

import io.quantarch.numerics.quant.QuantOptions;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.numerics.quant.Rounding;
import io.quantarch.numerics.quant.Segments;

import java.util.Objects;

/**
 * A sign-exponent-mantissa minifloat ExMy with any bias, subnormals on or off and a choice of
 * special values; unscaled (codes are the values themselves). The named OCP formats are
 * instances of this one type: {@link #fp8E4m3()} and friends.
 *
 * <p>Encoding is exact integer manipulation of the float32 bits with round to nearest, ties to
 * even (OCP OFP8 v1.0 §5.2.1 and Table 3 for saturation); decoding is a table lookup for formats
 * of up to 16 bits. Value of a code (OFP8 §5.1): normal {@code (-1)^S 2^(E-bias) (1 + M/2^m)},
 * subnormal {@code (-1)^S 2^(1-bias) (M/2^m)}.
 *
 * <p>Choices the specs leave open, as fixed in {@code reference/formats/README.md} §7: NaN codes
 * produced by the encoder are canonical (all-ones mantissa for FN, quiet top bit for IEEE) with
 * the input's sign; with subnormals off, values below the smallest normal flush to a signed zero
 * before rounding and subnormal codes decode to zero.
 *
 * <p>Immutable and thread-safe; equality is by configuration (the decode table is derived).
 */
public final class MiniFloat implements NumberFormat, ScalarCodec {

    /** The OCP minifloats by name and generic {@code eXmY[bB][_fn|_ieee][_nosub]}, unscaled. */
    public static final FormatFamily FAMILY = FormatNames.MINIFLOAT;

    private static final int MAX_TABLE_BITS = 16;

    private final int exponentBits;
    private final int mantissaBits;
    private final int bias;
    private final boolean subnormals;
    private final SpecialValues specials;
    private final boolean saturating;
    private final String name;

    // derived
    private final int bits;
    private final int signBit;
    private final int maxBiasedExponent;   // largest biased exponent holding finite values
    private final int maxMantissaAtTop;    // largest mantissa field at maxBiasedExponent
    private final int maxFiniteCode;       // positive code of the largest finite value
    private final int nanCode;             // positive canonical NaN code, NO_CODE if none
    private final int infCode;             // positive Inf code, NO_CODE if none
    private final float maxFinite;
    private final float minNormal;
    private final float minSubnormal;
    private final float[] decodeTable;     // null when bits > MAX_TABLE_BITS
    private final int minNormalBits;       // float32 bits of the smallest normal; fast path at or above it
    private final int rebias;              // (127 - bias) << mantissaBits: float32 exponent field -> ours
    private final boolean fastPath;        // the smallest normal is a float32 normal
    private final short[] encodeTable;     // formats of <= 8 bits: code by rounding class, -1 = use the slow path
    private final int stickyMask;          // float32 mantissa bits below the guard bit
    private final ExactCoding rules;     // the exact encoder (slow path, and what the tables are built from)

    MiniFloat(String name, int exponentBits, int mantissaBits, int bias, boolean subnormals,
                      SpecialValues specials, boolean saturating) {
        this.name = name != null ? name : MiniFloatCache.defaultName(exponentBits, mantissaBits, bias, subnormals, Objects.requireNonNull(specials));
        this.rules = ExactCoding.of(this.name, exponentBits, mantissaBits, bias, subnormals, specials, saturating);
        this.exponentBits = exponentBits;
        this.mantissaBits = mantissaBits;
        this.bias = bias;
        this.subnormals = subnormals;
        this.specials = specials;
        this.saturating = saturating;
        this.bits = 1 + exponentBits + mantissaBits;
        this.signBit = rules.signBit();
        this.maxBiasedExponent = rules.maxBiasedExponent();
        this.maxMantissaAtTop = rules.maxMantissaAtTop();
        this.nanCode = rules.nanCode();
        this.infCode = rules.infCode();
        this.maxFiniteCode = rules.maxFiniteCode();
        this.maxFinite = rules.maxFinite();
        this.minNormal = Math.scalb(1f, 1 - bias);
        this.minSubnormal = subnormals && mantissaBits > 0 ? Math.scalb(1f, 1 - bias - mantissaBits) : 0f;
        this.minNormalBits = Float.floatToRawIntBits(minNormal);
        this.rebias = (127 - bias) << mantissaBits;
        this.fastPath = 1 - bias >= -126;
        this.stickyMask = (1 << (22 - mantissaBits)) - 1;
        this.encodeTable = bits <= 8 ? encodeTable(rules, mantissaBits) : null;
        this.decodeTable = bits <= MAX_TABLE_BITS ? buildDecodeTable() : null;
    }

    /**
     * Every float32 magnitude is in one rounding class: its exponent, its top M mantissa bits, the guard bit, and
     * whether any lower bit is set (sticky). The encoded code is the same for every member of a class, in the normal
     * and subnormal ranges alike, so one exact slow-path encode per class gives a branch-free encoder.
     * Index = (a >>> (22 - M)) << 1 | sticky.
     */
    private static short[] encodeTable(ExactCoding rules, int mantissaBits) {
        short[] table = new short[1 << (8 + mantissaBits + 2)];
        for (int idx = 0; idx < table.length; idx++) {
            int a = ((idx >>> 1) << (22 - mantissaBits)) | (idx & 1);
            int code;
            try {
                code = rules.encodeBits(a, 0L, false);
            } catch (NotRepresentableException e) {
                code = -1;
            }
            table[idx] = (short) (code == NO_CODE ? -1 : code);
        }
        return table;
    }

    private float[] buildDecodeTable() {
        float[] table = new float[1 << bits];
        for (int c = 0; c < table.length; c++) {
            table[c] = rules.decode(c);
        }
        return table;
    }

    /** A generic ExMy with the default bias 2^(E-1)-1, subnormals on and every code finite. */
    public static MiniFloat of(int exponentBits, int mantissaBits) {
        return MiniFloatCache.intern(null, exponentBits, mantissaBits, (1 << (exponentBits - 1)) - 1, true, SpecialValues.NONE, true);
    }

    /** A generic ExMy with every option explicit; saturating. */
    public static MiniFloat of(int exponentBits, int mantissaBits, int bias, boolean subnormals, SpecialValues specials) {
        return MiniFloatCache.intern(null, exponentBits, mantissaBits, bias, subnormals, specials, true);
    }

    /** OCP FP8 E4M3 ("FN"): bias 7, no Inf, NaN = S.1111.111, max 448 (OFP8 v1.0 Table 1-2). */
    public static MiniFloat fp8E4m3() {
        return MiniFloatCache.Named.FP8_E4M3;
    }

    /** OCP FP8 E5M2: IEEE-like, bias 15, Inf and NaN, max 57344 (OFP8 v1.0 Table 1-2). */
    public static MiniFloat fp8E5m2() {
        return MiniFloatCache.Named.FP8_E5M2;
    }

    /** OCP FP6 E3M2 (MX v1.0 element): bias 3, all codes finite, max 28. */
    public static MiniFloat fp6E3m2() {
        return MiniFloatCache.Named.FP6_E3M2;
    }

    /** OCP FP6 E2M3 (MX v1.0 element): bias 1, all codes finite, max 7.5. */
    public static MiniFloat fp6E2m3() {
        return MiniFloatCache.Named.FP6_E2M3;
    }

    /** OCP FP4 E2M1 (MX v1.0 element): bias 1, all codes finite, max 6. */
    public static MiniFloat fp4E2m1() {
        return MiniFloatCache.Named.FP4_E2M1;
    }

    /** IEEE 754 binary16 (E5M10). */
    public static MiniFloat fp16() {
        return MiniFloatCache.Named.FP16;
    }

    /** bfloat16 (E8M7, bias 127, IEEE specials). */
    public static MiniFloat bf16() {
        return MiniFloatCache.Named.BF16;
    }

    // ---- withers -------------------------------------------------------------------------

    public MiniFloat withBias(int newBias) {
        return MiniFloatCache.intern(null, exponentBits, mantissaBits, newBias, subnormals, specials, saturating);
    }

    public MiniFloat withSubnormals(boolean on) {
        return MiniFloatCache.intern(null, exponentBits, mantissaBits, bias, on, specials, saturating);
    }

    public MiniFloat withSpecials(SpecialValues s) {
        return MiniFloatCache.intern(null, exponentBits, mantissaBits, bias, subnormals, s, saturating);
    }

    /** Same format, saturating (overflow to +/-max finite) or not (overflow to Inf, else NaN, else an error). */
    public MiniFloat withSaturation(boolean on) {
        return on == saturating ? this : MiniFloatCache.intern(name, exponentBits, mantissaBits, bias, subnormals, specials, on);
    }

    /** Same format under another registry name. */
    public MiniFloat named(String newName) {
        return MiniFloatCache.intern(newName, exponentBits, mantissaBits, bias, subnormals, specials, saturating);
    }

    // ---- attributes ---------------------------------------------------------------------

    @Override public String name() { return name; }
    @Override public int bits() { return bits; }
    @Override public double bitsPerElement() { return bits; }
    @Override public FormatFamily family() { return FAMILY; }
    @Override public io.quantarch.numerics.quant.Granularity granularity() { return io.quantarch.numerics.quant.Granularity.UNSCALED; }
    @Override public java.util.Optional<BlockLayout> blockLayout() { return java.util.Optional.empty(); }
    @Override public int levelBits() { return 0; }
    @Override public java.util.Optional<MiniFloat> minifloatElement() { return java.util.Optional.of(this); }

    @Override
    public NumberFormat withoutSaturation() {
        if (!hasInf() && !hasNaN()) {
            throw new IllegalArgumentException(name + " has neither Inf nor NaN, so it has no non-saturating mode");
        }
        return withSaturation(false);
    }
    @Override public ScalarCodec element() { return this; }
    @Override public float maxFinite() { return maxFinite; }
    @Override public float minNormal() { return minNormal; }
    @Override public float minSubnormal() { return minSubnormal; }

    public int exponentBits() { return exponentBits; }
    public int mantissaBits() { return mantissaBits; }
    public int bias() { return bias; }
    public boolean subnormals() { return subnormals; }
    public SpecialValues specials() { return specials; }
    public boolean saturating() { return saturating; }
    /** Unbiased exponent of the largest finite value (OCP MX v1.0: emax of the element format). */
    public int emax() { return maxBiasedExponent - bias; }
    /** Unbiased exponent of the smallest normal value. */
    public int emin() { return 1 - bias; }
    public int maxFiniteCode() { return maxFiniteCode; }
    public boolean hasInf() { return infCode != NO_CODE; }
    public boolean hasNaN() { return nanCode != NO_CODE; }
    /** Positive canonical NaN code, or {@link #NO_CODE}. */
    public int nanCode() { return nanCode; }
    /** Positive infinity code, or {@link #NO_CODE}. */
    public int infCode() { return infCode; }

    @Override
    public String description() {
        return "minifloat E" + exponentBits + "M" + mantissaBits + ", bias " + bias
                + (subnormals ? ", subnormals" : ", no subnormals (flush to zero)")
                + ", " + switch (specials) {
                    case NONE -> "all codes finite";
                    case FN -> "no Inf, NaN = all ones (OCP FN)";
                    case IEEE -> "IEEE Inf/NaN";
                }
                + ", max " + maxFinite + (saturating ? ", saturating" : ", non-saturating");
    }

    // ---- decode ---------------------------------------------------------------------------

    @Override
    public float decode(int code) {
        if (decodeTable != null) {
            return decodeTable[code];
        }
        return rules.decode(code);
    }

    /** The 2^n-entry decode table (a copy), for hot loops that index it directly. */
    public float[] decodeTable() {
        if (decodeTable == null) {
            throw new UnsupportedOperationException(name + " has " + bits + " bits: no decode table");
        }
        return decodeTable.clone();
    }

    public boolean isNaN(int code) {
        return nanCode != NO_CODE && Float.isNaN(decode(code));
    }

    // ---- encode ---------------------------------------------------------------------------

    @Override
    public int encode(float x) {
        int fbits = Float.floatToRawIntBits(x);
        int a = fbits & 0x7FFFFFFF;
        if (encodeTable != null) {
            int code = encodeTable[((a >>> (22 - mantissaBits)) << 1) | ((a & stickyMask) + stickyMask >>> (22 - mantissaBits))];
            if (code >= 0) {
                return code | ((fbits >>> 31) << (bits - 1));
            }
            return encodeBits(fbits, 0L, false);
        }
        if (fastPath && a >= minNormalBits && a < 0x7F800000) {
            // Result in the normal range: round to nearest even by adding the rounding bias to the float32
            // bit pattern (a carry out of the mantissa moves into the exponent field, as it should), then
            // move from float32's exponent bias to ours. Same result as encodeBits, far fewer branches.
            int shift = 23 - mantissaBits;
            int rounded = (a + ((1 << (shift - 1)) - 1) + ((a >>> shift) & 1)) >>> shift;
            int code = rounded - rebias;
            if (code <= maxFiniteCode) {
                return (fbits < 0 ? signBit : 0) | code;
            }
        } else if (fastPath && a >= 0x00800000 && a < minNormalBits) {
            // A float32 normal below our smallest normal: flush, or round to a subnormal code. The same
            // bias trick on the significand; a carry out gives code 1 << M, which is the smallest normal.
            if (!subnormals) {
                return fbits < 0 ? signBit : 0;
            }
            int shift = 23 - mantissaBits + (minNormalBits >>> 23) - (a >>> 23);
            if (shift > 31) {
                return fbits < 0 ? signBit : 0;
            }
            int m24 = (a & 0x7FFFFF) | 0x800000;
            int q = (m24 + ((1 << (shift - 1)) - 1) + ((m24 >>> shift) & 1)) >>> shift;
            return (fbits < 0 ? signBit : 0) | q;
        }
        return encodeBits(fbits, 0L, false);
    }

    /** Encodes with stochastic rounding: {@code random} supplies 64 uniformly random bits. */
    public int encodeStochastic(float x, long random) {
        return encodeBits(Float.floatToRawIntBits(x), random, true);
    }

    /** Encodes with the rounding of {@code rounding}; {@code index} keys the stochastic draw. */
    public int encode(float x, Rounding rounding, long index) {
        return switch (rounding) {
            case Rounding.NearestEven ne -> encode(x);
            case Rounding.Stochastic st -> encodeStochastic(x, st.randomBits(index));
        };
    }

    /** Decoded nearest value: {@code decode(encode(x))}. */
    public float round(float x) {
        int code = encode(x);
        return code == NO_CODE ? Float.NaN : decode(code);
    }

    private int encodeBits(int fbits, long random, boolean stochastic) {
        return rules.encodeBits(fbits, random, stochastic);
    }

    /** Rounds a double to this format exactly (no intermediate float rounding). */
    public int encode(double x) {
        return encodeExact(x, 0.0);
    }

    /**
     * Rounds the exact value {@code s + err} to this format with a single rounding, where {@code err} is
     * the exact error term of the operation that produced {@code s} (TwoSum/TwoProduct), so
     * {@code |err| <= ulp(s)/2}. Accumulator models use this to avoid double rounding.
     */
    public int encodeExact(double s, double err) {
        return rules.encodeExact(s, err);
    }

    // ---- tensors ------------------------------------------------------------------------------

    @Override
    public QuantizedTensor quantize(float[] x, Segments segments, QuantOptions options) {
        segments.requireLength(x.length);
        int[] codes = new int[x.length];
        float[] values = new float[x.length];
        Rounding rounding = options.rounding();
        for (int i = 0; i < x.length; i++) {
            int c = encode(x[i], rounding, i);
            codes[i] = c;
            values[i] = c == NO_CODE ? Float.NaN : decode(c);
        }
        return QuantizedTensor.unscaled(codes, values);
    }

    @Override
    public float[] fakeQuantize(float[] x, Segments segments, QuantOptions options) {
        float[] out = new float[x.length];
        Rounding rounding = options.rounding();
        boolean rne = rounding instanceof Rounding.NearestEven;
        for (int i = 0; i < x.length; i++) {
            int c = rne ? encode(x[i]) : encode(x[i], rounding, i);
            out[i] = c == NO_CODE ? Float.NaN : decode(c);
        }
        return out;
    }

    // ---- value semantics ----------------------------------------------------------------------

    @Override
    public boolean equals(Object o) {
        return o instanceof MiniFloat f && f.exponentBits == exponentBits && f.mantissaBits == mantissaBits
                && f.bias == bias && f.subnormals == subnormals && f.specials == specials
                && f.saturating == saturating && f.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(exponentBits, mantissaBits, bias, subnormals, specials, saturating, name);
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public io.quantarch.numerics.quant.FixedScaleQuantizer fixedScale(float[] tensor, int from, int to, QuantOptions options) {
        return this::round;
    }
}
