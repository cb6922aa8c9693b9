package io.quantarch.numerics.format;

/** Interned minifloat configurations: the encode and decode tables of a configuration are built once per JVM. */
final class MiniFloatCache {

    private MiniFloatCache() {
    }

    private record Key(String name, int e, int m, int bias, boolean subnormals, SpecialValues specials, boolean saturating) { }

    /** Instances are interned: the encode and decode tables of a configuration are built once per JVM. */
    private static final java.util.concurrent.ConcurrentHashMap<Key, MiniFloat> INTERNED = new java.util.concurrent.ConcurrentHashMap<>();

    static MiniFloat intern(String name, int e, int m, int bias, boolean subnormals, SpecialValues specials, boolean saturating) {
        Key k = new Key(name, e, m, bias, subnormals, specials, saturating);
        MiniFloat f = INTERNED.get(k);
        if (f == null) {
            f = new MiniFloat(name, e, m, bias, subnormals, specials, saturating);
            MiniFloat prev = INTERNED.putIfAbsent(k, f);
            if (prev != null) {
                f = prev;
            }
        }
        return f;
    }

    /** The named formats, built on first use (a holder class: no interning while the format classes initialise). */
    static final class Named {
        static final MiniFloat FP8_E4M3 = intern("fp8_e4m3", 4, 3, 7, true, SpecialValues.FN, true);
        static final MiniFloat FP8_E5M2 = intern("fp8_e5m2", 5, 2, 15, true, SpecialValues.IEEE, true);
        static final MiniFloat FP6_E3M2 = intern("fp6_e3m2", 3, 2, 3, true, SpecialValues.NONE, true);
        static final MiniFloat FP6_E2M3 = intern("fp6_e2m3", 2, 3, 1, true, SpecialValues.NONE, true);
        static final MiniFloat FP4_E2M1 = intern("fp4_e2m1", 2, 1, 1, true, SpecialValues.NONE, true);
        static final MiniFloat FP16 = intern("fp16", 5, 10, 15, true, SpecialValues.IEEE, true);
        static final MiniFloat BF16 = intern("bf16", 8, 7, 127, true, SpecialValues.IEEE, true);

        private Named() {
        }
    }

    static String defaultName(int e, int m, int bias, boolean subnormals, SpecialValues specials) {
        StringBuilder sb = new StringBuilder().append('e').append(e).append('m').append(m);
        if (bias != (1 << (e - 1)) - 1) {
            sb.append('b').append(bias);
        }
        switch (specials) {
            case FN -> sb.append("_fn");
            case IEEE -> sb.append("_ieee");
            case NONE -> { }
        }
        if (!subnormals) {
            sb.append("_nosub");
        }
        return sb.toString();
    }
}
