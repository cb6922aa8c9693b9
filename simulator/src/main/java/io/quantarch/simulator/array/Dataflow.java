package io.quantarch.simulator.array;

import java.util.Locale;

/**
 * What stays in the PEs while the rest streams (Chen et al., Eyeriss taxonomy; SCALE-Sim's Sr/Sc/T):
 * for a GEMM {@code out[M][N] = in[M][K] x filter[K][N]}
 * <pre>
 *            rows (Sr)  cols (Sc)  time (T)
 *   OS       M          N          K        outputs accumulate in place
 *   WS       K          N          M        weights loaded, inputs stream, partial sums flow down
 *   IS       K          M          N        inputs loaded, weights stream
 * </pre>
 */
public enum Dataflow {
    OS, WS, IS;

    public long sr(long m, long n, long k) {
        return switch (this) {
            case OS -> m;
            case WS, IS -> k;
        };
    }

    public long sc(long m, long n, long k) {
        return switch (this) {
            case OS, WS -> n;
            case IS -> m;
        };
    }

    public long t(long m, long n, long k) {
        return switch (this) {
            case OS -> k;
            case WS -> m;
            case IS -> n;
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Dataflow parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
