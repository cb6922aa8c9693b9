package io.quantarch.search.run;

import io.quantarch.search.algorithm.GenerationContext;
import io.quantarch.search.algorithm.Member;
import io.quantarch.search.algorithm.SearchAlgorithm;
import io.quantarch.search.archive.ArchiveEntry;
import io.quantarch.search.archive.Normalisation;
import io.quantarch.search.archive.ParetoArchive;
import io.quantarch.search.eval.Evaluation;
import io.quantarch.search.eval.Evaluator;
import io.quantarch.search.eval.LocalEvaluator;
import io.quantarch.search.metric.MetricValues;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.SearchSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * One search of a design space into a directory: the algorithm's generations, each evaluated in one batch, every
 * evaluation streamed to the run log, the non-dominated feasible designs kept in a {@link ParetoArchive}, a checkpoint
 * after every generation. Rerun on the same directory, it resumes from the checkpoint and ends with what an
 * uninterrupted run would have. Generation g draws its random numbers from a generator seeded by (seed, g) alone, and
 * evaluation results come back in order, so neither resuming nor the evaluator's thread count changes the result.
 */
public final class SearchRun implements GenerationContext {

    /** Progress after each generation, for a progress bar. */
    public record Progress(int generation, int generations, long evaluations, long budget, int frontSize, double hypervolume,
                           long elapsedNanos) { }

    /** Hears each completed generation. */
    public interface Listener {
        void progress(Progress p);
    }

    /** What a finished search found: the front (deterministic order) and how it was normalised. */
    public record Result(List<ArchiveEntry> front, double hypervolume, Normalisation normalisation, long evaluations, long budget) { }

    private final DesignSpace space;
    private final Evaluator evaluator;
    private final LocalEvaluator local;
    private final Path dir;
    private final RunLog log;
    private final Listener listener;
    private final SearchSettings settings;
    private final SearchAlgorithm algorithm;
    private final String runKey;

    private long evaluations;
    private long feasibleEvaluations;
    private int generation = -1;
    private int currentGeneration;
    private ParetoArchive archive = ParetoArchive.empty();
    private Normalisation normalisation;

    /**
     * @param evaluator where batches are evaluated (the local evaluator, or a distributed one)
     * @param local     the local evaluator (per-layer costs and the quality table, for exact solvers)
     * @param dir       holds the checkpoint
     */
    public SearchRun(DesignSpace space, Evaluator evaluator, LocalEvaluator local, Path dir, RunLog log, Listener listener) {
        this.space = space;
        this.evaluator = evaluator;
        this.local = local;
        this.dir = dir;
        this.log = log;
        this.listener = listener == null ? p -> { } : listener;
        this.settings = space.search();
        this.algorithm = settings.algorithm();
        this.runKey = runKey(space);
    }

    /** Identifies the space and its search settings (algorithm, seed, budget) in checkpoints and manifests. */
    public static String runKey(DesignSpace space) {
        return sha256(space.source() + "|" + space.search());
    }

    public long budget() {
        return algorithm.budget(space);
    }

    /** Runs (or resumes) the search. */
    public Result run() throws IOException {
        long start = System.nanoTime();
        Checkpoint cp = Checkpoint.read(dir);
        List<Member> population = List.of();
        if (cp != null) {
            if (!cp.runKey().equals(runKey) || cp.seed() != settings.seed() || !cp.algorithm().equals(algorithm.name())) {
                throw new IllegalStateException(dir + " holds a checkpoint of a different space, algorithm or seed; use a new --out directory");
            }
            restore(cp);
            population = cp.population();
            log.open(cp.logPositions());
            if (cp.searchDone()) {
                log.close();
                return result();
            }
        } else {
            log.open(null);
            normalisation = referenceNormalisation(space, evaluator);
        }
        try {
            int last = algorithm.generations(space);
            while (generation < last) {
                int g = generation + 1;
                currentGeneration = g;
                population = algorithm.step(g, population, new Random(mix(settings.seed(), g)), this);
                generation = g;
                double hv = hypervolume();
                log.generation(new GenerationSummary(g, evaluations, feasibleEvaluations, archive.size(), hv));
                checkpoint(population, g == last, log.flush());
                listener.progress(new Progress(g, last, evaluations, Math.max(budget(), evaluations), archive.size(), hv,
                        System.nanoTime() - start));
            }
        } finally {
            log.close();
        }
        return result();
    }

    @Override
    public DesignSpace space() {
        return space;
    }

    @Override
    public LocalEvaluator local() {
        return local;
    }

    /** Evaluates, streams rows, updates the archive; returns minimised objectives (penalised when infeasible). */
    @Override
    public double[][] evaluate(List<int[]> choices) {
        List<Evaluation> es = evaluator.evaluate(choices);
        double[][] f = new double[es.size()][];
        List<ArchiveEntry> fresh = new ArrayList<>();
        try {
            for (int i = 0; i < es.size(); i++) {
                Evaluation e = es.get(i);
                long index = evaluations++;
                log.evaluation(index, currentGeneration, e);
                f[i] = e.feasible() ? space.minimised(e.metrics()) : penalty(e);
                if (e.feasible()) {
                    feasibleEvaluations++;
                    fresh.add(new ArchiveEntry(index, currentGeneration, e.choice(), e.metrics()));
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        archive = archive.merge(fresh, a -> space.minimised(a.metrics()));
        if (normalisation == null && !fresh.isEmpty()) {
            // only when none of the reference designs is feasible: fixed at the first generation with a feasible design
            normalisation = Normalisation.of(fresh.stream().map(a -> space.minimised(a.metrics())).toArray(double[][]::new));
        }
        return f;
    }

    /** Designs in the reference sample every run of a space normalises its hypervolume by. */
    public static final int REFERENCE_DESIGNS = 32;
    static final long REFERENCE_SEED = 0x5EEDL;

    /**
     * The one normalisation of a space's hypervolumes: the per-objective minimum and maximum over 32 designs drawn
     * uniformly (seed 0x5EED, repaired as the search repairs) and evaluated before the search, whatever its algorithm or
     * seed, so every run of one space (NSGA-II, random, exhaustive, DP, any seed or thread count) reports its front on one
     * scale, against the reference point 1.1 in every normalised objective. Null when none of them is feasible (the run
     * then fixes it at its first feasible generation, and says so in run.json by its ideal and nadir).
     */
    public static Normalisation referenceNormalisation(DesignSpace space, Evaluator evaluator) {
        Random r = new Random(REFERENCE_SEED);
        int[] radices = space.radices();
        List<int[]> sample = new ArrayList<>();
        for (int i = 0; i < REFERENCE_DESIGNS; i++) {
            int[] c = new int[radices.length];
            for (int j = 0; j < c.length; j++) {
                c[j] = r.nextInt(radices[j]);
            }
            sample.add(space.repair(c));
        }
        List<double[]> f = new ArrayList<>();
        for (Evaluation e : evaluator.evaluate(sample)) {
            if (e.feasible()) {
                f.add(space.minimised(e.metrics()));
            }
        }
        return f.isEmpty() ? null : Normalisation.of(f.toArray(double[][]::new));
    }

    private double[] penalty(Evaluation e) {
        double[] p = new double[space.objectives().size()];
        Arrays.fill(p, 1e30 * (1 + e.violation()));
        return p;
    }

    /** Hypervolume of the archive under the run's normalisation; 0 before any feasible design. */
    public double hypervolume() {
        return normalisation == null ? 0 : archive.hypervolume(normalisation);
    }

    public long evaluations() {
        return evaluations;
    }

    private Result result() {
        return new Result(archive.sorted(), hypervolume(), normalisation, evaluations, Math.max(budget(), evaluations));
    }

    private void restore(Checkpoint cp) {
        evaluations = cp.evaluations();
        feasibleEvaluations = cp.feasibleEvaluations();
        generation = cp.generation();
        List<ArchiveEntry> entries = new ArrayList<>();
        for (Checkpoint.Entry e : cp.archive()) {
            double[] m = e.metrics().stream().mapToDouble(Double::parseDouble).toArray();
            entries.add(new ArchiveEntry(e.evaluation(), e.generation(), e.choice(), MetricValues.ofArray(m)));
        }
        archive = ParetoArchive.of(entries, a -> space.minimised(a.metrics()));
        normalisation = cp.ideal().length == 0 ? null : new Normalisation(cp.ideal(), cp.nadir());
    }

    private void checkpoint(List<Member> population, boolean done, long[] logPositions) throws IOException {
        List<Checkpoint.Entry> entries = new ArrayList<>();
        for (ArchiveEntry a : archive.entries()) {
            List<String> m = new ArrayList<>();
            for (double v : a.metrics().toArray()) {
                m.add(Double.toString(v));
            }
            entries.add(new Checkpoint.Entry(a.evaluation(), a.generation(), a.choice(), m));
        }
        double[] ideal = normalisation == null ? new double[0] : normalisation.ideal();
        double[] nadir = normalisation == null ? new double[0] : normalisation.nadir();
        new Checkpoint(Checkpoint.FORMAT, runKey, algorithm.name(), settings.seed(), generation, evaluations, feasibleEvaluations,
                logPositions, ideal, nadir, population, entries, done).write(dir);
    }

    /** A 64-bit mix of (seed, generation): the seed of generation g's random numbers (SplitMix64's finaliser). */
    static long mix(long seed, long generation) {
        long z = seed * 0x9E3779B97F4A7C15L + generation * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code dir} holds a checkpoint. */
    public static boolean hasCheckpoint(Path dir) {
        return Files.exists(Checkpoint.file(dir));
    }
}
