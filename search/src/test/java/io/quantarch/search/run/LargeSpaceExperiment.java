package io.quantarch.search.run;

import io.quantarch.search.algorithm.ParetoDp;
import io.quantarch.search.algorithm.SearchAlgorithms;
import io.quantarch.search.archive.Normalisation;
import io.quantarch.search.eval.LocalEvaluator;
import io.quantarch.search.space.DesignSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/** Measurement only (run with -Dexperiment=true): share of the exact front's hypervolume per algorithm. */
@EnabledIfSystemProperty(named = "experiment", matches = "true")
class LargeSpaceExperiment {

    @Test
    void measure(@TempDir Path tmp) throws Exception {
        String w = System.getProperty("ws", "zoo:mobilenet_v2");
        String glob = System.getProperty("glob", "*");
        DesignSpace s = LargeSpaces.perLayer(w, glob, SmallSpaces.W4, "[32x32]", 64, 99, 1);
        System.out.println("space " + s.size() + " designs, genes " + s.geneCount());
        try (LocalEvaluator ev = new LocalEvaluator(s, 2)) {
            ev.prepare(null);
            long t0 = System.nanoTime();
            if (Boolean.getBoolean("nodp")) {
                long t2 = System.nanoTime();
                EnumerableSpaceTest.hv(s, SearchAlgorithms.byName("random"), 1, ev, tmp.resolve("p"), new double[] {0, 0}, new double[] {1, 1});
                System.out.println("random run " + (System.nanoTime() - t2) / 1e9 + " s");
                return;
            }
            List<ParetoDp.Point> truth = ParetoDp.solve(s, ev);
            System.out.println("dp " + truth.size() + " points in " + (System.nanoTime() - t0) / 1e9 + " s");
            double[][] tf = truth.stream().map(p -> s.minimised(p.metrics())).toArray(double[][]::new);
            double[] lo = new double[tf[0].length];
            double[] hi = new double[tf[0].length];
            for (int j = 0; j < lo.length; j++) {
                final int jj = j;
                lo[j] = java.util.Arrays.stream(tf).mapToDouble(x -> x[jj]).min().orElseThrow();
                hi[j] = java.util.Arrays.stream(tf).mapToDouble(x -> x[jj]).max().orElseThrow();
            }
            double trueHv = new Normalisation(lo, hi).hypervolume(tf);
            for (String alg : System.getProperty("algs", "nsga2,random").split(",")) {
                for (long seed = 1; seed <= Integer.getInteger("seeds", 2); seed++) {
                    long t1 = System.nanoTime();
                    double h = EnumerableSpaceTest.hv(s, SearchAlgorithms.byName(alg), seed, ev, tmp.resolve(alg + seed), lo, hi);
                    System.out.printf("%s seed %d: %.4f of exact (%.1f s)%n", alg, seed, h / trueHv, (System.nanoTime() - t1) / 1e9);
                }
            }
        }
    }
}
