package io.quantarch.workloads.layer;

/**
 * The size limit of one layer: at most 2^53 multiply-accumulates (exact in a double, and far enough below 2^63 that
 * the cycles, SRAM and DRAM counts derived from it cannot overflow a long). Larger layers are refused where they are
 * built, so no count wraps silently.
 */
public final class Sizes {

    public static final long MAX_MACS = 1L << 53;

    private Sizes() {
    }

    /** The product of {@code factors}, or an {@link IllegalArgumentException} naming the layer when it exceeds the limit. */
    public static long macs(String layer, long... factors) {
        long p = 1;
        for (long f : factors) {
            long next;
            try {
                next = Math.multiplyExact(p, f);
            } catch (ArithmeticException e) {
                next = Long.MAX_VALUE;
            }
            if (next > MAX_MACS) {
                throw new IllegalArgumentException(layer + ": more than 2^53 multiply-accumulates (" + String.join(" x ",
                        java.util.Arrays.stream(factors).mapToObj(Long::toString).toList()) + "); quantarch's counts are 64-bit");
            }
            p = next;
        }
        return p;
    }
}
