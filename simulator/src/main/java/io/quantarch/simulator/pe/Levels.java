package io.quantarch.simulator.pe;

import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.simulator.functional.IntAccumulator;

/** Integer levels of quantized vectors and accumulation helpers shared by the integer PEs. */
final class Levels {

    private Levels() {
    }

    /** code - zero point of element i (the signed level the multiplier sees). */
    static int level(QuantizedTensor q, int i) {
        int c = q.codes()[i];
        if (q.zeroPoints() == null) {
            return c;
        }
        return c - q.zeroPoints()[q.groupOf(i)];
    }

    static float scale(QuantizedTensor q, int i) {
        return q.scales()[q.groupOf(i)];
    }

    /** Adds with overflow detection; returns the new (unwrapped) sum. */
    static long add(IntAccumulator acc, long sum, long term, boolean[] overflow) {
        long s = sum + term;
        if (acc.outOfRange(s)) {
            overflow[0] = true;
        }
        return s;
    }

    /** Bits of the signed levels an integer-coded format produces, or -1 when its codes are not integer levels. */
    static int levelBits(NumberFormat f) {
        int b = f == null ? 0 : f.levelBits();
        return b == 0 ? -1 : b;
    }
}
