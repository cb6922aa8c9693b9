package io.quantarch.simulator.attention;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The top-k engine against sorting, and its analytic cycles against the clock-by-clock model. */
class TopKEngineProperties {

    /** The k best by (score descending, position ascending), as a sort finds them. */
    static int[] bySorting(float[] score, int[] candidates, int k) {
        Integer[] c = Arrays.stream(candidates).boxed().toArray(Integer[]::new);
        Arrays.sort(c, Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparingInt(i -> i));
        return Arrays.stream(c).limit(Math.max(0, k)).mapToInt(Integer::intValue).sorted().toArray();
    }

    @Property(tries = 500)
    void selectsWhatSortingSelectsAndTheCycleModelAgrees(@ForAll @IntRange(min = 1, max = 300) int n, @ForAll @IntRange(min = 0, max = 320) int k,
                                                         @ForAll @IntRange(min = 1, max = 40) int distinct, @ForAll @IntRange(min = 1, max = 32) int comparators,
                                                         @ForAll @IntRange(min = 0, max = 4) int depth, @ForAll long seed) {
        Random r = new Random(seed);
        int size = n + 10;
        float[] score = new float[size];
        for (int i = 0; i < size; i++) {
            score[i] = r.nextInt(distinct);                     // few distinct values: many ties
        }
        int[] candidates = IntStream.range(0, size).filter(i -> r.nextInt(10) != 0).limit(n).toArray();
        TopKEngine e = new TopKEngine(comparators, depth);
        TopKEngine.Selection a = e.select(score, candidates, k);
        assertArrayEquals(bySorting(score, candidates, Math.min(k, candidates.length)), a.kept());
        TopKEngine.Selection b = TopKCycleModel.run(e, score, candidates, k);
        assertArrayEquals(a.kept(), b.kept());
        assertEquals(a.cycles(), b.cycles(), "analytic cycles = stepped cycles");
        assertEquals(a.passes(), b.passes());
        assertEquals(a.comparisons(), b.comparisons());
    }

    @Test
    void allEqualScoresKeepTheEarliestPositions() {
        float[] score = new float[64];
        Arrays.fill(score, 0.25f);
        int[] candidates = IntStream.range(0, 64).toArray();
        TopKEngine e = new TopKEngine(8, 2);
        TopKEngine.Selection s = e.select(score, candidates, 10);
        assertArrayEquals(IntStream.range(0, 10).toArray(), s.kept());
        assertEquals(s.cycles(), TopKCycleModel.run(e, score, candidates, 10).cycles());
        // k = 32 of 64 equal scores: passes over 64, 32, 15, 7, 3 and 1 candidates (middle pivots), each
        // ceil(m / 8) + 2 cycles = 10 + 6 + 4 + 3 + 3 + 3
        TopKEngine.Selection half = e.select(score, candidates, 32);
        assertEquals(6, half.passes());
        assertEquals(29, half.cycles());
    }
}
