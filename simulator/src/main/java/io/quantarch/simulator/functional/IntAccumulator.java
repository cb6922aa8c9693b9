package io.quantarch.simulator.functional;

/**
 * A signed two's complement accumulator of {@code bits} bits: values wrap as the register does, and any
 * partial sum outside the range is reported. Wrapping is modular, so the final value does not depend on
 * summation order, while the overflow flag can (it is reported in the order the hardware adds).
 */
public record IntAccumulator(int bits) {

    public IntAccumulator {
        if (bits < 2 || bits > 63) {
            throw new IllegalArgumentException("accumulator width must be 2..63 bits, got " + bits);
        }
    }

    public long max() {
        return (1L << (bits - 1)) - 1;
    }

    public long min() {
        return -(1L << (bits - 1));
    }

    public boolean outOfRange(long v) {
        return v > max() || v < min();
    }

    /** v reduced to the register's range (two's complement wrap). */
    public long wrap(long v) {
        int shift = 64 - bits;
        return (v << shift) >> shift;
    }
}
