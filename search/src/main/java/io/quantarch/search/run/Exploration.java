package io.quantarch.search.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quantarch.search.eval.Evaluation;
import io.quantarch.search.eval.EvaluationEngine;
import io.quantarch.search.eval.Evaluator;
import io.quantarch.search.eval.LocalEvaluator;
import io.quantarch.search.eval.QualityTable;
import io.quantarch.search.space.Design;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.Metric;
import io.quantarch.search.space.Objective;
import io.quantarch.search.space.QualitySpec;
import io.quantarch.search.space.SearchSettings.Algorithm;
import io.quantarch.workloads.quality.QualityEvaluator;
import io.quantarch.workloads.quality.RealModel;
import io.quantarch.workloads.quality.RealModels;

import io.quantarch.search.eval.AttentionUnitCost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A whole exploration: measure the tier-1 quality table, search (or solve exactly), re-measure every front point
 * by running the real model with its whole policy (tier 2) and correlate the two tiers, then write
 * {@code pareto.csv} and {@code run.json}. {@code evaluations.csv}, {@code generations.csv} and the checkpoint are
 * the {@link Explorer}'s.
 */
public final class Exploration {

    /** A front point with its tier-2 quality (NaN for synthetic quality). */
    public record FrontPoint(long evaluation, int generation, int[] choice, double[] metrics, double tier2Value, double tier2Loss) { }

    public record Outcome(List<FrontPoint> front, double hypervolume, double kendallTau, long evaluations, long budget,
                          int cachedLayerSimulations) { }

    private Exploration() {
    }

    public static Outcome run(DesignSpace space, Path dir, int threads, Path cacheDir, Explorer.Listener progress,
                              Consumer<String> log) throws IOException {
        return run(space, dir, threads, cacheDir, progress, log, EvaluationEngine.THREADS);
    }

    /** As {@link #run(DesignSpace, Path, int, Path, Explorer.Listener, Consumer)}, the generations evaluated on {@code engine}. */
    public static Outcome run(DesignSpace space, Path dir, int threads, Path cacheDir, Explorer.Listener progress,
                              Consumer<String> log, EvaluationEngine engine) throws IOException {
        long t0 = System.nanoTime();
        try (LocalEvaluator evaluator = new LocalEvaluator(space, threads)) {
            int entries = space.quantGenes().stream().mapToInt(g -> g.options().size()).sum();
            log.accept("tier-1 quality: " + entries + " gene options ("
                    + (space.quality() instanceof QualitySpec.Real r ? r.model() + ", " + r.evalSamples() + " samples each, cached on disk"
                    : "synthetic output NSR") + ")");
            QualityTable qualityTable = evaluator.prepare(cacheDir);
            long t1 = System.nanoTime();
            List<FrontPoint> front = new ArrayList<>();
            double hv;
            long evaluations;
            long budget;
            Files.createDirectories(dir);
            if (space.search().algorithm() == Algorithm.DP) {
                List<ParetoDp.Point> pts = ParetoDp.solve(space, evaluator);
                List<Evaluation> es = evaluator.evaluate(pts.stream().map(ParetoDp.Point::choice).toList());
                for (int i = 0; i < es.size(); i++) {
                    front.add(new FrontPoint(i, 0, es.get(i).choice(), es.get(i).metrics(), Double.NaN, Double.NaN));
                }
                front.sort((a, b) -> java.util.Arrays.compare(ParetoDp.minimised(space, a.metrics()), ParetoDp.minimised(space, b.metrics())));
                double[][] f = front.stream().map(p -> ParetoDp.minimised(space, p.metrics())).toArray(double[][]::new);
                double[] lo = new double[space.objectives().size()];
                double[] hi = new double[lo.length];
                for (int j = 0; j < lo.length; j++) {
                    final int jj = j;
                    lo[j] = java.util.Arrays.stream(f).mapToDouble(x -> x[jj]).min().orElse(0);
                    hi[j] = java.util.Arrays.stream(f).mapToDouble(x -> x[jj]).max().orElse(1);
                }
                hv = f.length == 0 ? 0 : Explorer.normalisedHypervolume(f, lo, hi);
                evaluations = es.size();
                budget = evaluations;
            } else {
                Evaluator batches = engine.open(space, evaluator);
                Explorer ex = new Explorer(space, batches, dir, progress);
                List<Checkpoint.Entry> explored;
                try {
                    explored = ex.run();
                } finally {
                    if (batches != evaluator) {
                        batches.close();
                    }
                }
                for (Checkpoint.Entry e : explored) {
                    double[] m = e.metrics().stream().mapToDouble(Double::parseDouble).toArray();
                    front.add(new FrontPoint(e.evaluation(), e.generation(), e.choice(), m, Double.NaN, Double.NaN));
                }
                hv = ex.hypervolume();
                evaluations = ex.evaluations();
                budget = ex.budget();
            }
            long t2 = System.nanoTime();
            double tau = Double.NaN;
            if (space.quality() instanceof QualitySpec.Real r && !front.isEmpty()) {
                List<Integer> picked = tier2Points(front, r.tier2MaxPoints());
                log.accept("tier-2 quality: running " + r.model() + " with " + (picked.size() == front.size() ? "each of " + front.size()
                        : picked.size() + " of " + front.size() + " (evenly spread by tier-1 quality)") + " front policies on "
                        + r.tier2EvalSamples() + " samples");
                RealModel model = RealModels.byName(r.model());
                List<Callable<double[]>> tasks = new ArrayList<>();
                for (int idx : picked) {
                    FrontPoint p = front.get(idx);
                    Design d = space.decode(p.choice());
                    tasks.add(() -> {
                        var q = QualityEvaluator.evaluate(model, d.policy(), r.tier2EvalSamples(), r.calibrationSamples());
                        // the attention unit's loss is measured on its own (float32 weights) and adds, as in tier 1
                        double attention = d.attention() == null ? 0 : AttentionUnitCost.of(d.attention()).qualityLoss();
                        return new double[] {q.value(), q.loss() + attention};
                    });
                }
                List<double[]> t2v = evaluator.map(tasks);
                List<FrontPoint> withTier2 = new ArrayList<>(front);
                double[] a = new double[picked.size()];
                double[] b = new double[picked.size()];
                for (int k = 0; k < picked.size(); k++) {
                    FrontPoint p = front.get(picked.get(k));
                    withTier2.set(picked.get(k), new FrontPoint(p.evaluation(), p.generation(), p.choice(), p.metrics(), t2v.get(k)[0], t2v.get(k)[1]));
                    a[k] = p.metrics()[Metric.QUALITY_LOSS.ordinal()];
                    b[k] = t2v.get(k)[1];
                }
                front = withTier2;
                tau = KendallTau.tauB(a, b);
            }
            long t3 = System.nanoTime();
            writePareto(space, dir, front);
            FrontBreakdown.write(space, dir, front, qualityTable);
            Plots.write(space, dir, front);
            writeRunJson(space, dir, front, hv, tau, evaluations, budget, threads, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
            return new Outcome(front, hv, tau, evaluations, budget, evaluator.cachedLayers());
        }
    }

    /** Indices of the front points tier 2 re-runs: all, or {@code max} spread evenly over the front sorted by tier-1 quality. */
    static List<Integer> tier2Points(List<FrontPoint> front, int max) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < front.size(); i++) {
            all.add(i);
        }
        if (max <= 0 || front.size() <= max) {
            return all;
        }
        all.sort((x, y) -> {
            int c = Double.compare(front.get(x).metrics()[Metric.QUALITY_LOSS.ordinal()], front.get(y).metrics()[Metric.QUALITY_LOSS.ordinal()]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        for (int k = 0; k < max; k++) {
            out.add(all.get((int) Math.round((double) k * (all.size() - 1) / (max - 1))));
        }
        return new ArrayList<>(out);
    }

    /** Column names: tier-1 real quality is {@code quality_loss_tier1}; synthetic quality keeps its own name. */
    public static String column(Metric m) {
        return m == Metric.QUALITY_LOSS ? "quality_loss_tier1" : m.column();
    }

    static void writePareto(DesignSpace space, Path dir, List<FrontPoint> front) throws IOException {
        boolean real = space.quality() instanceof QualitySpec.Real;
        String metricName = real ? RealModels.byName(((QualitySpec.Real) space.quality()).model()).metric() : null;
        List<String> h = new ArrayList<>(List.of("evaluation", "generation"));
        h.addAll(space.geneNames());
        for (String c : Explorer.metricColumns(space)) {
            h.add(column(Metric.byName(c)));
        }
        if (real) {
            h.add("quality_loss_tier2");
            h.add(metricName + "_tier2");
        }
        StringBuilder b = new StringBuilder(String.join(",", h.stream().map(Explorer::csv).toList())).append('\n');
        for (FrontPoint p : front) {
            b.append(p.evaluation()).append(',').append(p.generation());
            for (int i = 0; i < p.choice().length; i++) {
                b.append(',').append(Explorer.csv(space.label(i, p.choice()[i])));
            }
            for (String c : Explorer.metricColumns(space)) {
                b.append(',').append(Explorer.fmt(p.metrics()[Metric.byName(c).ordinal()]));
            }
            if (real) {
                b.append(',').append(Explorer.fmt(p.tier2Loss())).append(',').append(Explorer.fmt(p.tier2Value()));
            }
            b.append('\n');
        }
        atomicWrite(dir.resolve("pareto.csv"), b.toString());
    }

    static void writeRunJson(DesignSpace space, Path dir, List<FrontPoint> front, double hv, double tau, long evaluations, long budget,
                             int threads, double qualitySeconds, double searchSeconds, double tier2Seconds) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = json.createObjectNode();
        String v = Exploration.class.getPackage().getImplementationVersion();
        o.put("quantarch_version", v == null ? "dev" : v);
        o.put("space", space.name());
        o.put("workload", space.workloadSpec());
        o.put("algorithm", space.search().algorithm().label());
        o.put("seed", space.search().seed());
        o.put("population", space.search().population());
        o.put("generations", space.search().generations());
        o.put("designs_in_space", space.size().toString());
        o.put("evaluations", evaluations);
        o.put("budget", budget);
        ArrayNode obj = o.putArray("objectives");
        for (Objective ob : space.objectives()) {
            obj.add(ob.label());
        }
        ArrayNode con = o.putArray("constraints");
        space.constraints().forEach(c -> con.add(c.label()));
        o.put("quality", space.quality().toString());
        o.put("front_size", front.size());
        o.put("hypervolume_normalised", hv);
        o.put("hypervolume_reference", "each objective scaled to (f - min) / (max - min) over the first feasible generation; reference point "
                + Explorer.HV_REFERENCE + " in every objective");
        if (!Double.isNaN(tau)) {
            o.put("kendall_tau_tier1_vs_tier2", tau);
        }
        o.put("threads", threads);
        ObjectNode t = o.putObject("seconds");
        t.put("quality_table", qualitySeconds);
        t.put("search", searchSeconds);
        t.put("tier2", tier2Seconds);
        o.put("java", System.getProperty("java.version"));
        o.put("space_file", space.source());
        atomicWrite(dir.resolve("run.json"), json.writeValueAsString(o) + "\n");
    }

    static void atomicWrite(Path f, String text) throws IOException {
        Path tmp = Files.createTempFile(f.getParent(), "." + f.getFileName(), ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
