package io.quantarch.search.run;

import io.quantarch.search.archive.ArchiveEntry;
import io.quantarch.search.archive.Normalisation;
import io.quantarch.search.eval.AttentionUnitCost;
import io.quantarch.search.eval.EvaluationEngine;
import io.quantarch.search.eval.Evaluator;
import io.quantarch.search.eval.LocalEvaluator;
import io.quantarch.search.eval.QualityTable;
import io.quantarch.search.metric.Metrics;
import io.quantarch.search.space.Design;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.Limit;
import io.quantarch.search.space.Objective;
import io.quantarch.search.space.QualitySpec;
import io.quantarch.workloads.quality.QualityEvaluator;
import io.quantarch.workloads.quality.RealModel;
import io.quantarch.workloads.quality.RealModels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A whole exploration: measure the tier-1 quality table, search (or solve exactly), re-measure front points by running
 * the real model with their whole policy (tier 2) and correlate the two tiers. Returns records; the run log and the
 * caller's writers (the reports module) turn them into files.
 */
public final class Exploration {

    /** What an exploration found and what it took. */
    public record Result(DesignSpace space, List<FrontPoint> front, double hypervolume, Normalisation normalisation, double kendallTau,
                         long evaluations, long budget, int cachedLayerSimulations, QualityTable quality, RunManifest manifest) { }

    private Exploration() {
    }

    /**
     * Runs (or resumes) an exploration of {@code space} into {@code dir} (which holds the checkpoint), streaming to
     * {@code runLog} and evaluating each generation on {@code engine}.
     */
    public static Result run(DesignSpace space, Path dir, int threads, Path cacheDir, SearchRun.Listener progress, Consumer<String> log,
                             EvaluationEngine engine, RunLog runLog) throws IOException {
        long t0 = System.nanoTime();
        try (LocalEvaluator evaluator = new LocalEvaluator(space, threads)) {
            int entries = space.quantGenes().stream().mapToInt(g -> g.options().size()).sum();
            log.accept("tier-1 quality: " + entries + " gene options ("
                    + (space.quality() instanceof QualitySpec.Real r ? r.model() + ", " + r.evalSamples() + " samples each, cached on disk"
                    : "synthetic output NSR") + ")");
            QualityTable qualityTable = evaluator.prepare(cacheDir);
            long t1 = System.nanoTime();
            log.accept(String.format(java.util.Locale.ROOT, "tier-1 quality table measured in %.1f s; searching", (t1 - t0) / 1e9));
            Files.createDirectories(dir);
            Evaluator batches = engine.open(space, evaluator);
            SearchRun.Result found;
            try {
                found = new SearchRun(space, batches, evaluator, dir, runLog, progress).run();
            } finally {
                if (batches != evaluator) {
                    batches.close();
                }
            }
            List<FrontPoint> front = new ArrayList<>();
            for (ArchiveEntry e : found.front()) {
                front.add(new FrontPoint(e.evaluation(), e.generation(), e.choice(), e.metrics(), Double.NaN, Double.NaN));
            }
            long t2 = System.nanoTime();
            double tau = Double.NaN;
            if (space.quality() instanceof QualitySpec.Real r && !front.isEmpty()) {
                front = tier2(space, evaluator, front, new Tier2(RealModels.byName(r.model()), r.tier2EvalSamples(), r.calibrationSamples(),
                        r.tier2MaxPoints()), log);
                tau = kendallTau(front);
            } else if (space.quality() instanceof QualitySpec.Onnx o && !front.isEmpty()) {
                RealModel m = onnx(o);
                front = tier2(space, evaluator, front, new Tier2(m, m.maxEvalSamples(), m.defaultCalibrationSamples(), o.tier2MaxPoints()), log);
                tau = kendallTau(front);
            }
            long t3 = System.nanoTime();
            RunManifest.Baseline baseline = front.isEmpty() ? null : Baselines.of(space, evaluator, front);
            RunManifest m = manifest(space, found, front.size(), tau, threads, new RunManifest.Seconds((t1 - t0) / 1e9, (t2 - t1) / 1e9,
                    (t3 - t2) / 1e9), baseline);
            return new Result(space, front, found.hypervolume(), found.normalisation(), tau, found.evaluations(), found.budget(),
                    evaluator.cachedLayers(), qualityTable, m);
        }
    }

    /** What tier 2 runs: a real model (built-in or imported), its evaluation and calibration sizes, and how many front points. */
    private record Tier2(RealModel model, int evalSamples, int calibrationSamples, int maxPoints) { }

    private static RealModel onnx(QualitySpec.Onnx o) {
        try {
            return o.load();
        } catch (io.quantarch.config.ConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);     // read once already when the space was parsed
        }
    }

    /** Re-runs the real model with each picked front design's whole policy; the attention unit's loss adds, as in tier 1. */
    private static List<FrontPoint> tier2(DesignSpace space, LocalEvaluator evaluator, List<FrontPoint> front, Tier2 r,
                                          Consumer<String> log) {
        List<Integer> picked = tier2Points(front, r.maxPoints());
        RealModel model = r.model();
        log.accept("tier-2 quality: running " + model.name() + " with " + (picked.size() == front.size() ? "each of " + front.size()
                : picked.size() + " of " + front.size() + " (evenly spread by tier-1 quality)") + " front policies on "
                + r.evalSamples() + " samples");
        List<Callable<double[]>> tasks = new ArrayList<>();
        for (int idx : picked) {
            Design d = space.decode(front.get(idx).choice());
            tasks.add(() -> {
                var q = QualityEvaluator.evaluate(model, d.policy(), r.evalSamples(), r.calibrationSamples());
                double attention = d.attention() == null ? 0 : AttentionUnitCost.of(d.attention()).qualityLoss();
                return new double[] {q.value(), q.loss() + attention};
            });
        }
        List<double[]> t2 = evaluator.map(tasks);
        List<FrontPoint> out = new ArrayList<>(front);
        for (int k = 0; k < picked.size(); k++) {
            out.set(picked.get(k), front.get(picked.get(k)).withTier2(t2.get(k)[0], t2.get(k)[1]));
        }
        return out;
    }

    /** Kendall's tau-b between tier-1 and tier-2 quality over the points tier 2 re-ran. */
    private static double kendallTau(List<FrontPoint> front) {
        List<FrontPoint> rerun = front.stream().filter(p -> !Double.isNaN(p.tier2Loss())).toList();
        double[] a = rerun.stream().mapToDouble(p -> p.metrics().get(Metrics.QUALITY_LOSS)).toArray();
        double[] b = rerun.stream().mapToDouble(FrontPoint::tier2Loss).toArray();
        return KendallTau.tauB(a, b);
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
            int c = Double.compare(front.get(x).metrics().get(Metrics.QUALITY_LOSS), front.get(y).metrics().get(Metrics.QUALITY_LOSS));
            return c != 0 ? c : Integer.compare(x, y);
        });
        TreeSet<Integer> out = new TreeSet<>();
        for (int k = 0; k < max; k++) {
            out.add(all.get((int) Math.round((double) k * (all.size() - 1) / (max - 1))));
        }
        return new ArrayList<>(out);
    }

    private static RunManifest manifest(DesignSpace space, SearchRun.Result found, int frontSize, double tau, int threads,
                                        RunManifest.Seconds seconds, RunManifest.Baseline baseline) {
        String v = Exploration.class.getPackage().getImplementationVersion();
        Normalisation n = found.normalisation();
        return new RunManifest(v == null ? "dev" : v, SearchRun.runKey(space), space.name(), space.workloadSpec(),
                space.search().algorithm().name(), space.search().seed(), space.search().population(), space.search().generations(),
                space.size().toString(), found.evaluations(), found.budget(), space.objectives().stream().map(Objective::label).toList(),
                space.constraints().stream().map(Limit::label).toList(), space.quality().describe(), frontSize, found.hypervolume(),
                "each minimised objective scaled to (f - ideal) / (nadir - ideal), ideal and nadir over " + SearchRun.REFERENCE_DESIGNS
                        + " reference designs drawn uniformly with seed 0x5EED (every run of this space shares them); reference point "
                        + Normalisation.REFERENCE + " in every objective",
                n == null ? null : n.ideal(), n == null ? null : n.nadir(), Double.isNaN(tau) ? null : tau, threads, seconds,
                System.getProperty("java.version"), space.source(), baseline);
    }
}
