package io.quantarch.search.run;

import io.quantarch.search.algorithm.ParetoDp;
import io.quantarch.search.algorithm.SearchAlgorithms;
import io.quantarch.search.archive.Normalisation;
import io.quantarch.search.eval.LocalEvaluator;
import io.quantarch.search.space.DesignSpace;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search at scale (issue 23): on per-layer quantization spaces of 10^15 designs and more, where objectives add up over
 * layers so the exact Pareto DP gives the true front, the default algorithm (NSGA-II with uniform-precision seeds,
 * one-step mutation and an archive whose gaps get children) must reach 98% of the exact front's hypervolume with
 * 6,400 evaluations (64 x 100) on each of seeds 1-5, and beat random search with the same budget on every seed.
 * Hypervolume: the exact front's per-objective range, reference point 1.1.
 */
class LargeSpaceSearchTest {

    static final String W4 = SmallSpaces.W4;
    static final String W5 = "[int8_sym_channel, int6_sym_channel, int5_sym_channel, int4_sym_channel, int2_sym_channel]";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "zoo:mobilenet_v2|*|W4|[32x32]",
            "zoo:resnet18|*|W5|[16x16, 32x32, 64x64]",
            "zoo:vit_b16|*|W4|[32x32]",
            "zoo:llama2_7b|model.layers.1?.*|W4|[32x32]"})
    void nsga2ReachesTheExactFrontOnSpacesBeyond10To15(String workload, String glob, String formats, String arrays, @TempDir Path tmp)
            throws Exception {
        DesignSpace s = LargeSpaces.perLayer(workload, glob, formats.equals("W5") ? W5 : W4, arrays, 64, 99, 1);
        assertTrue(s.size().compareTo(BigInteger.TEN.pow(15)) >= 0, "space of " + s.size() + " designs");
        try (LocalEvaluator ev = new LocalEvaluator(s, Runtime.getRuntime().availableProcessors())) {
            ev.prepare(null);
            List<ParetoDp.Point> truth = ParetoDp.solve(s, ev);
            double[][] tf = truth.stream().map(p -> s.minimised(p.metrics())).toArray(double[][]::new);
            double[] lo = new double[tf[0].length];
            double[] hi = new double[tf[0].length];
            for (int j = 0; j < lo.length; j++) {
                final int jj = j;
                lo[j] = Arrays.stream(tf).mapToDouble(x -> x[jj]).min().orElseThrow();
                hi[j] = Arrays.stream(tf).mapToDouble(x -> x[jj]).max().orElseThrow();
            }
            double exact = new Normalisation(lo, hi).hypervolume(tf);
            StringBuilder report = new StringBuilder(workload + " (" + s.size() + " designs, exact front " + truth.size() + " points):");
            for (long seed = 1; seed <= 5; seed++) {
                double n = EnumerableSpaceTest.hv(s, SearchAlgorithms.byName("nsga2"), seed, ev, tmp.resolve("n" + seed), lo, hi) / exact;
                double r = EnumerableSpaceTest.hv(s, SearchAlgorithms.byName("random"), seed, ev, tmp.resolve("r" + seed), lo, hi) / exact;
                report.append(String.format(Locale.ROOT, " seed %d nsga2 %.4f random %.4f;", seed, n, r));
                assertTrue(n >= 0.98, "seed " + seed + ": NSGA-II reached " + n + " of the exact front's hypervolume; " + report);
                assertTrue(n > r, "seed " + seed + ": NSGA-II " + n + " vs random " + r);
            }
            System.out.println(report);
        }
    }
}
