package io.quantarch.search.run;

import io.quantarch.search.eval.LocalEvaluator;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.SearchSettings;
import io.quantarch.search.algorithm.ParetoDp;
import io.quantarch.search.algorithm.SearchAlgorithm;
import io.quantarch.search.algorithm.SearchAlgorithms;
import io.quantarch.search.archive.ArchiveEntry;
import io.quantarch.search.archive.Normalisation;
import io.quantarch.search.space.SpaceYaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search is checked against the truth on a space small enough to enumerate: ResNet-18 on Bit Fusion, 7 weight
 * groups x 4 formats x 3 arrays x 2 SRAM sizes = 98,304 designs (examples/explore/resnet18-enumerable.yaml). The true
 * front comes from the exact DP (equal to exhaustive enumeration: {@link ExplorerTest#dpFrontEqualsExhaustiveFront}
 * on a smaller space, and `--algorithm exhaustive` vs `--algorithm dp` on this one gives identical pareto.csv rows).
 * NSGA-II with 64 x 76 = 4,864 evaluations (4.9% of the space) must reach 98% of the true front's hypervolume and
 * beat random search with the same budget, on each of seeds 1-5 (and on their mean). Hypervolumes use one normalisation:
 * the true front's per-objective range, reference point 1.1.
 */
class EnumerableSpaceTest {

    static final Path SPACE = Path.of("..", "examples", "explore", "resnet18-enumerable.yaml");

    @Test
    void nsga2ReachesTheExactFrontWithinFivePercentOfTheEvaluations(@TempDir Path tmp) throws Exception {
        DesignSpace s = SpaceYaml.read(SPACE);
        long size = s.size().longValueExact();
        assertTrue(size == 98_304, "space size " + size);
        try (LocalEvaluator ev = new LocalEvaluator(s, Runtime.getRuntime().availableProcessors())) {
            ev.prepare(null);
            List<ParetoDp.Point> truth = ParetoDp.solve(s, ev);
            double[][] tf = truth.stream().map(p -> s.minimised(p.metrics())).toArray(double[][]::new);
            int m = tf[0].length;
            double[] lo = new double[m];
            double[] hi = new double[m];
            for (int j = 0; j < m; j++) {
                final int jj = j;
                lo[j] = java.util.Arrays.stream(tf).mapToDouble(x -> x[jj]).min().orElseThrow();
                hi[j] = java.util.Arrays.stream(tf).mapToDouble(x -> x[jj]).max().orElseThrow();
            }
            double trueHv = new Normalisation(lo, hi).hypervolume(tf);
            double nsgaSum = 0;
            double randomSum = 0;
            StringBuilder report = new StringBuilder();
            for (long seed = 1; seed <= 5; seed++) {
                double hn = hv(s, SearchAlgorithms.byName("nsga2"), seed, ev, tmp.resolve("n" + seed), lo, hi);
                double hr = hv(s, SearchAlgorithms.byName("random"), seed, ev, tmp.resolve("r" + seed), lo, hi);
                nsgaSum += hn;
                randomSum += hr;
                report.append(String.format(java.util.Locale.ROOT, " seed %d: nsga2 %.4f random %.4f;", seed, hn / trueHv, hr / trueHv));
                // every seed, as the README states: 98% of the exact front, and above random with the same budget
                assertTrue(hn >= 0.98 * trueHv, "seed " + seed + ": NSGA-II reached " + hn / trueHv + " of the exact front's hypervolume");
                assertTrue(hn > hr, "seed " + seed + ": NSGA-II " + hn / trueHv + " vs random " + hr / trueHv);
                assertTrue(s.search().budget() <= 0.05 * size, "budget " + s.search().budget());
            }
            System.out.println("enumerable space: true front " + truth.size() + " points, HV " + trueHv + ";" + report
                    + " mean nsga2 " + nsgaSum / 5 / trueHv + " random " + randomSum / 5 / trueHv);
            assertTrue(nsgaSum > randomSum, "NSGA-II mean " + nsgaSum / 5 / trueHv + " vs random " + randomSum / 5 / trueHv);
        }
    }

    /**
     * One hypervolume definition: under the space's reference normalisation (SearchRun.referenceNormalisation), the
     * exhaustive enumeration and the exact DP report the same value, and it is the highest; NSGA-II's is below it.
     */
    @Test
    void exhaustiveEqualsDpAndIsTheHighestHypervolume(@TempDir Path tmp) throws Exception {
        DesignSpace s = SpaceYaml.read(SPACE);
        try (LocalEvaluator ev = new LocalEvaluator(s, Runtime.getRuntime().availableProcessors())) {
            ev.prepare(null);
            double[] hv = new double[3];
            String[] names = {"exhaustive", "dp", "nsga2"};
            for (int i = 0; i < names.length; i++) {
                DesignSpace sa = s.withSearch(s.search().withAlgorithm(SearchAlgorithms.byName(names[i])));
                hv[i] = new SearchRun(sa, ev, ev, tmp.resolve(names[i]), RunLog.NONE, p -> { }).run().hypervolume();
            }
            System.out.printf(java.util.Locale.ROOT, "hypervolume: exhaustive %.6f, dp %.6f, nsga2 %.6f%n", hv[0], hv[1], hv[2]);
            org.junit.jupiter.api.Assertions.assertEquals(hv[0], hv[1], 1e-12, "exhaustive = DP");
            assertTrue(hv[1] > hv[2], "the exact front is the highest: " + hv[1] + " vs NSGA-II " + hv[2]);
        }
    }

    static double hv(DesignSpace s, SearchAlgorithm a, long seed, LocalEvaluator ev, Path dir, double[] lo, double[] hi) throws Exception {
        SearchSettings set = s.search().withAlgorithm(a).withSeed(seed);
        DesignSpace sa = s.withSearch(set);
        List<ArchiveEntry> front = new SearchRun(sa, ev, ev, dir, RunLog.NONE, p -> { }).run().front();
        double[][] f = front.stream().map(e -> sa.minimised(e.metrics())).toArray(double[][]::new);
        return new Normalisation(lo, hi).hypervolume(f);
    }
}
