package io.quantarch.search.run;

import io.quantarch.search.eval.Evaluation;
import io.quantarch.search.eval.Evaluator;
import io.quantarch.search.metric.Metric;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.QuantGene;
import io.quantarch.workloads.policy.TensorQuant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The knee of a front and the baseline the report compares it to (see {@link RunManifest.Baseline}). */
final class Baselines {

    private Baselines() {
    }

    /**
     * The front point closest to the ideal corner once each minimised objective is scaled to its range over the front
     * (the first on ties, in front order): the same rule the report applies to pareto.csv.
     */
    static int knee(DesignSpace space, List<FrontPoint> front) {
        double[][] f = front.stream().map(p -> space.minimised(p.metrics())).toArray(double[][]::new);
        int m = f[0].length;
        double[] lo = new double[m];
        double[] hi = new double[m];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (double[] p : f) {
            for (int j = 0; j < m; j++) {
                lo[j] = Math.min(lo[j], p[j]);
                hi[j] = Math.max(hi[j], p[j]);
            }
        }
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < f.length; i++) {
            double d = 0;
            for (int j = 0; j < m; j++) {
                double v = hi[j] > lo[j] ? (f[i][j] - lo[j]) / (hi[j] - lo[j]) : 0;
                d += v * v;
            }
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    static RunManifest.Baseline of(DesignSpace space, Evaluator evaluator, List<FrontPoint> front) {
        FrontPoint knee = front.get(knee(space, front));
        int[] c = knee.choice();
        int nArch = space.archGenes().size();
        List<String> chosen = new ArrayList<>();
        for (int j = 0; j < space.quantGenes().size(); j++) {
            QuantGene g = space.quantGenes().get(j);
            c[nArch + j] = reference(g, defaultFor(space, g));
            chosen.add(g.name() + " = " + g.labels().get(c[nArch + j]));
        }
        String description = space.quantGenes().isEmpty() ? "design " + knee.evaluation() + " itself (the space has no quantization genes)"
                : "design " + knee.evaluation() + "'s hardware with every quantization gene at the default format or its highest-precision "
                + "option: " + String.join(", ", chosen);
        Evaluation e = evaluator.evaluate(List.of(space.repair(c))).get(0);
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (e.feasible()) {
            for (Metric m : space.metricColumns()) {
                double v = e.metrics().get(m);
                if (!Double.isNaN(v)) {
                    metrics.put(m.column(), v);
                }
            }
        }
        return new RunManifest.Baseline(knee.evaluation(), description, metrics, e.feasible() ? null : e.infeasible());
    }

    private static TensorQuant defaultFor(DesignSpace space, QuantGene g) {
        return switch (g.role()) {
            case WEIGHTS -> space.defaults().weights();
            case INPUTS -> space.defaults().inputs();
            case KV_CACHE -> space.defaults().kvCache();
        };
    }

    /** The option equal to the default format, else the one with the most bits per element (the first on ties). */
    private static int reference(QuantGene g, TensorQuant def) {
        int best = 0;
        for (int o = 0; o < g.options().size(); o++) {
            if (g.options().get(o).label().equals(def.label())) {
                return o;
            }
            if (g.options().get(o).bitsPerElement() > g.options().get(best).bitsPerElement()) {
                best = o;
            }
        }
        return best;
    }
}
