package io.quantarch.workloads.onnx.exec;

/**
 * The ONNX element types narrower than float32, as tables of their codes' values: FLOAT16 and BFLOAT16, the float8
 * types (E4M3FN: no infinity, NaN S.1111.111; E5M2: IEEE-like; the FNUZ variants: bias one higher, no negative zero,
 * NaN at code 0x80), FLOAT4E2M1, INT4 and UINT4. Casting to one rounds to the nearest value, ties to the even code
 * (ONNX Cast spec), and with saturate (the default) clamps to the largest finite magnitude.
 */
final class SmallFloats {

    static final int FLOAT16 = 10;
    static final int BFLOAT16 = 16;
    static final int E4M3FN = 17;
    static final int E4M3FNUZ = 18;
    static final int E5M2 = 19;
    static final int E5M2FNUZ = 20;
    static final int UINT4 = 21;
    static final int INT4 = 22;
    static final int E2M1 = 23;

    private SmallFloats() {
    }

    static boolean handles(int type) {
        return type == FLOAT16 || type == BFLOAT16 || type >= E4M3FN && type <= E2M1;
    }

    static int bits(int type) {
        return type == FLOAT16 || type == BFLOAT16 ? 16 : type == UINT4 || type == INT4 || type == E2M1 ? 4 : 8;
    }

    /** The value of {@code code} in {@code type}. */
    static float decode(int type, int code) {
        return switch (type) {
            case FLOAT16 -> Float.float16ToFloat((short) code);
            case BFLOAT16 -> Float.intBitsToFloat(code << 16);
            case UINT4 -> code & 0xF;
            case INT4 -> (code & 0x8) != 0 ? (code & 0xF) - 16 : code & 0xF;
            default -> minifloat(type, code);                  // open: the float8 types and E2M1
        };
    }

    private static float minifloat(int type, int code) {
        int e = type == E2M1 ? 2 : type == E5M2 || type == E5M2FNUZ ? 5 : 4;
        int m = type == E2M1 ? 1 : type == E5M2 || type == E5M2FNUZ ? 2 : 3;
        boolean fnuz = type == E4M3FNUZ || type == E5M2FNUZ;
        int bias = (1 << (e - 1)) - 1 + (fnuz ? 1 : 0);
        int bits = 1 + e + m;
        int sign = (code >> (bits - 1)) & 1;
        int exp = (code >> m) & ((1 << e) - 1);
        int man = code & ((1 << m) - 1);
        if (fnuz && code == 1 << (bits - 1)) {
            return Float.NaN;
        }
        if (type == E4M3FN && exp == 15 && man == 7) {
            return Float.NaN;
        }
        if (type == E5M2 && exp == 31) {
            return man == 0 ? (sign == 1 ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY) : Float.NaN;
        }
        double v = exp == 0 ? man * Math.pow(2, 1 - bias - m) : (1 + man / (double) (1 << m)) * Math.pow(2, exp - bias);
        return (float) (sign == 1 ? -v : v);
    }

    /** The code nearest to {@code x} (ties to the even code), saturating to the largest finite value when asked. */
    static int encode(int type, float x, boolean saturate) {
        switch (type) {
            case FLOAT16 -> {
                return Float.floatToFloat16(x) & 0xFFFF;
            }
            case BFLOAT16 -> {
                int b = Float.floatToRawIntBits(x);
                return Float.isNaN(x) ? 0x7FC0 : ((b + 0x7FFF + ((b >> 16) & 1)) >>> 16) & 0xFFFF;
            }
            case UINT4 -> {
                return (int) Math.max(0, Math.min(15, Math.rint(x)));
            }
            case INT4 -> {
                return (int) Math.max(-8, Math.min(7, Math.rint(x))) & 0xF;
            }
            default -> {                                       // open: the float8 types and E2M1: nearest by table
                return nearest(type, x, saturate);
            }
        }
    }

    private static int nearest(int type, float x, boolean saturate) {
        int codes = 1 << bits(type);
        int nan = -1;
        int best = -1;
        double bestErr = Double.POSITIVE_INFINITY;
        float max = 0;
        int maxCode = 0;
        for (int c = 0; c < codes; c++) {
            float v = decode(type, c);
            if (Float.isNaN(v)) {
                nan = nan < 0 ? c : nan;
                continue;
            }
            if (Float.isFinite(v) && Math.abs(v) > max && (v > 0) == (x > 0 || Float.isNaN(x))) {
                max = Math.abs(v);
                maxCode = c;
            }
            double err = Math.abs((double) v - x);
            if (err < bestErr || err == bestErr && (c & 1) == 0 && (best & 1) == 1) {
                bestErr = err;                              // ties to the even code
                best = c;
            }
        }
        if (Float.isNaN(x)) {
            return nan >= 0 ? nan : 0;
        }
        if (Float.isInfinite(x) || Math.abs(x) > max) {
            return overflow(type, x, saturate, maxCode, nan);
        }
        if (decode(type, best) == 0f) {
            boolean negative = Float.floatToRawIntBits(x) < 0 && type != E4M3FNUZ && type != E5M2FNUZ;
            return negative ? 1 << (bits(type) - 1) : 0;     // the zero of x's sign (FNUZ types have no -0)
        }
        return best;
    }

    /** Beyond the largest finite value: that value when saturating, else infinity of x's sign, or NaN without one. */
    private static int overflow(int type, float x, boolean saturate, int maxCode, int nan) {
        if (saturate) {
            return maxCode;
        }
        for (int c = 0; c < 1 << bits(type); c++) {
            float v = decode(type, c);
            if (Float.isInfinite(v) && (v > 0) == (x > 0)) {
                return c;
            }
        }
        return nan;
    }
}
