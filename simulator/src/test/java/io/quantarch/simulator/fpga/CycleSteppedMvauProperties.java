package io.quantarch.simulator.fpga;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The folded cycle formula against a clock-by-clock matrix-vector unit, and a two-unit pipeline's interval against the slowest unit. */
class CycleSteppedMvauProperties {

    /** Divisor of n chosen by k. */
    private static int divisor(int n, int k) {
        List<Integer> d = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            if (n % i == 0) {
                d.add(i);
            }
        }
        return d.get(Math.floorMod(k, d.size()));
    }

    private static long[] random(Random r, int n, int bound) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(2 * bound + 1) - bound;
        }
        return a;
    }

    /** Direct [mh][mw] x [mw] product, the reference the stepped unit's outputs must equal. */
    private static long[] gemv(long[] w, long[] x, int mw, int mh) {
        long[] y = new long[mh];
        for (int o = 0; o < mh; o++) {
            for (int i = 0; i < mw; i++) {
                y[o] += w[o * mw + i] * x[i];
            }
        }
        return y;
    }

    @Property(tries = 300)
    void steppedCyclesEqualTheFoldedFormulaAndOutputsEqualTheProduct(@ForAll @IntRange(min = 1, max = 48) int mw,
                                                                     @ForAll @IntRange(min = 1, max = 32) int mh,
                                                                     @ForAll int peChoice, @ForAll int simdChoice,
                                                                     @ForAll @IntRange(min = 1, max = 5) int vectors,
                                                                     @ForAll long seed) {
        Folding f = new Folding(divisor(mh, peChoice), divisor(mw, simdChoice));
        Random r = new Random(seed);
        long[] w = random(r, mw * mh, 7);
        long[][] frames = new long[vectors][];
        for (int v = 0; v < vectors; v++) {
            frames[v] = random(r, mw, 15);
        }
        CycleSteppedMvau unit = new CycleSteppedMvau(mw, mh, f, w, x -> x);
        // source as wide as the unit reads, FIFO deep enough: the unit never stalls after the first word arrives
        StreamingPipeline.Run run = StreamingPipeline.run(List.of(unit), frames, 4 * mw + f.simd(), f.simd(), 10_000_000);
        assertEquals(f.cyclesPerVector(mw, mh) * vectors, unit.busyCycles(), "busy cycles = (MH/PE)(MW/SIMD) x vectors");
        assertEquals(vectors, unit.vectorsDone());
        // the only stall is the first clock, before the source's first word is visible
        assertEquals(1, unit.stallCycles());
        assertEquals(f.cyclesPerVector(mw, mh) * vectors + 1, run.cycles());
        for (int v = 0; v < vectors; v++) {
            long[] got = java.util.Arrays.copyOfRange(run.outputs(), v * mh, (v + 1) * mh);
            assertArrayEquals(gemv(w, frames[v], mw, mh), got, "vector " + v);
        }
    }

    @Property(tries = 100)
    void pipelineIntervalIsTheSlowestUnitsFoldedCycles(@ForAll @IntRange(min = 2, max = 24) int mw, @ForAll @IntRange(min = 2, max = 24) int hidden,
                                                       @ForAll @IntRange(min = 1, max = 12) int mh, @ForAll int a, @ForAll int b,
                                                       @ForAll int c, @ForAll int d, @ForAll long seed) {
        Folding f1 = new Folding(divisor(hidden, a), divisor(mw, b));
        Folding f2 = new Folding(divisor(mh, c), divisor(hidden, d));
        Random r = new Random(seed);
        long[] w1 = random(r, mw * hidden, 3);
        long[] w2 = random(r, hidden * mh, 3);
        int frames = 6;
        long[][] x = new long[frames][];
        for (int v = 0; v < frames; v++) {
            x[v] = random(r, mw, 7);
        }
        CycleSteppedMvau u1 = new CycleSteppedMvau(mw, hidden, f1, w1, acc -> Math.max(0, Math.min(15, acc >> 2)));   // ReLU + 4-bit requantization
        CycleSteppedMvau u2 = new CycleSteppedMvau(hidden, mh, f2, w2, acc -> acc);
        StreamingPipeline.Run run = StreamingPipeline.run(List.of(u1, u2), x, 2 * (mw + hidden), Math.max(f1.simd(), 1), 10_000_000);
        long slowest = Math.max(f1.cyclesPerVector(mw, hidden), f2.cyclesPerVector(hidden, mh));
        assertEquals(slowest, run.steadyStateInterval(), "initiation interval = slowest unit");
        assertTrue(run.frameDone()[0] <= f1.cyclesPerVector(mw, hidden) + f2.cyclesPerVector(hidden, mh) + 3,
                "first-frame latency within the sum of the units' cycles (plus the registered FIFO hops)");
        for (int v = 0; v < frames; v++) {
            long[] h = gemv(w1, x[v], mw, hidden);
            for (int i = 0; i < hidden; i++) {
                h[i] = Math.max(0, Math.min(15, h[i] >> 2));
            }
            long[] got = java.util.Arrays.copyOfRange(run.outputs(), v * mh, (v + 1) * mh);
            assertArrayEquals(gemv(w2, h, hidden, mh), got);
        }
    }
}
