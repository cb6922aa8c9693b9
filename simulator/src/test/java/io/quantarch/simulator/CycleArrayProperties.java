package io.quantarch.simulator;

import io.quantarch.simulator.array.ArraySpec;
import io.quantarch.simulator.array.Dataflow;
import io.quantarch.simulator.array.FoldPlan;
import io.quantarch.simulator.functional.CycleArray;
import io.quantarch.simulator.functional.IntAccumulator;
import io.quantarch.simulator.functional.IntGemm;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The cycle-stepped array against the analytic fold model and a direct computation on random small shapes:
 * arrays up to 16x16, every dataflow, partial folds, dimensions of 1.
 */
class CycleArrayProperties {

    @Property(tries = 400)
    void cycleSteppedEqualsAnalyticCyclesAndDirectOutputs(@ForAll @IntRange(min = 1, max = 16) int rows,
                                                         @ForAll @IntRange(min = 1, max = 16) int cols,
                                                         @ForAll Dataflow dataflow,
                                                         @ForAll @IntRange(min = 1, max = 40) int m,
                                                         @ForAll @IntRange(min = 1, max = 40) int n,
                                                         @ForAll @IntRange(min = 1, max = 40) int k,
                                                         @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] a = new int[m * k];
        int[] b = new int[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextInt(-128, 128);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextInt(-128, 128);
        }
        ArraySpec spec = new ArraySpec(rows, cols, dataflow);
        IntAccumulator acc = new IntAccumulator(32);
        CycleArray.Run run = CycleArray.run(spec, a, b, m, n, k, acc);
        assertEquals(FoldPlan.of(spec, m, n, k).computeCycles(), run.cycles(), "cycles " + spec + " M=" + m + " N=" + n + " K=" + k);
        assertArrayEquals(IntGemm.reference(a, b, m, n, k, acc), run.out());
    }

    @Property(tries = 60)
    void narrowAccumulatorsWrapAndReportOverflow(@ForAll Dataflow dataflow, @ForAll long seed,
                                                 @ForAll @IntRange(min = 10, max = 20) int bits) {
        SplittableRandom r = new SplittableRandom(seed);
        int m = 7;
        int n = 5;
        int k = 33;
        int[] a = new int[m * k];
        int[] b = new int[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextInt(60, 128);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextInt(60, 128);
        }
        IntAccumulator acc = new IntAccumulator(bits);
        CycleArray.Run run = CycleArray.run(new ArraySpec(4, 3, dataflow), a, b, m, n, k, acc);
        assertArrayEquals(IntGemm.reference(a, b, m, n, k, acc), run.out(), "modular results agree");
        assertEquals(IntGemm.anyOutOfRange(a, b, m, n, k, acc), run.overflow(), "all-positive sums overflow iff the total does");
    }
}
