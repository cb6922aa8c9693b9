package io.quantarch.search.run;

import io.jenetics.Alterer;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.Mutator;
import io.jenetics.Phenotype;
import io.jenetics.UniformCrossover;
import io.jenetics.engine.Codec;
import io.jenetics.ext.moea.Vec;
import io.jenetics.util.RandomRegistry;
import io.quantarch.search.eval.Evaluation;
import io.quantarch.search.eval.Evaluator;
import io.quantarch.search.moea.Fronts;
import io.quantarch.search.moea.Hypervolume;
import io.quantarch.search.moea.Individual;
import io.quantarch.search.moea.Nsga2;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.Metric;
import io.quantarch.search.space.Objective;
import io.quantarch.search.space.SearchSettings;
import io.quantarch.search.space.SearchSettings.Algorithm;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Runs a search over a design space into a directory: streams every evaluation to {@code evaluations.csv}, one
 * row per generation to {@code generations.csv} (evaluations so far, front size, hypervolume), checkpoints after
 * every generation, and keeps the non-dominated feasible designs. Rerun on the same directory, it resumes from the
 * checkpoint and ends with what an uninterrupted run would have. Generation g draws its random numbers from a
 * generator seeded by (seed, g) alone, and evaluation results come back in order, so neither resuming nor the
 * evaluator's thread count changes the result.
 */
public final class Explorer {

    /** Hypervolume reference point in normalised objective space (each objective scaled by the first feasible generation's range). */
    public static final double HV_REFERENCE = 1.1;
    static final int EXHAUSTIVE_CHUNK = 4096;

    /** Progress after each generation, for a progress bar. */
    public record Progress(int generation, int generations, long evaluations, long budget, int frontSize, double hypervolume,
                           long elapsedNanos) { }

    public interface Listener {
        void progress(Progress p);
    }

    private final DesignSpace space;
    private final Evaluator evaluator;
    private final Path dir;
    private final Listener listener;
    private final SearchSettings settings;
    private final List<Objective> objectives;
    private final int[] radices;
    private final List<String> metricColumns;
    private final Codec<int[], DoubleGene> codec;
    private final SupportConstraint constraint;
    /** Identifies space and settings in the checkpoint, so a resume never mixes two runs. */
    private final String runKey;

    // run state
    private long evaluations;
    private long feasibleEvaluations;
    private int generation;
    private List<Checkpoint.Entry> archive = new ArrayList<>();
    private double[][] archiveObjectives = new double[0][];
    private double[] ideal = new double[0];
    private double[] nadir = new double[0];
    private BufferedWriter evaluationsCsv;
    private double lastHv;

    public Explorer(DesignSpace space, Evaluator evaluator, Path dir, Listener listener) {
        this.space = space;
        this.evaluator = evaluator;
        this.dir = dir;
        this.listener = listener == null ? p -> { } : listener;
        this.settings = space.search();
        this.objectives = space.objectives();
        this.radices = space.radices();
        this.metricColumns = metricColumns(space);
        this.codec = ChoiceCodec.of(radices);
        this.constraint = new SupportConstraint(space);
        this.runKey = sha256(space.source() + "|" + settings);
    }

    /**
     * The quality metric of the space, then the cost metrics its hardware has; the other quality metric is left out
     * (never mixed), and so are ASIC metrics in an FPGA space and FPGA metrics in a systolic one.
     */
    public static List<String> metricColumns(DesignSpace space) {
        List<String> c = new ArrayList<>();
        boolean fpga = space.fpgaBase() != null;
        for (Metric m : Metric.values()) {
            if ((!m.isQuality() || m == space.quality().metric()) && !(fpga ? m.asicOnly() : m.fpgaOnly())) {
                c.add(m.column());
            }
        }
        return c;
    }

    /** Number of generations (exhaustive: chunks of {@value #EXHAUSTIVE_CHUNK}) after the initial one. */
    public int generations() {
        if (settings.algorithm() == Algorithm.EXHAUSTIVE) {
            BigInteger n = space.size();
            return n.add(BigInteger.valueOf(EXHAUSTIVE_CHUNK - 1)).divide(BigInteger.valueOf(EXHAUSTIVE_CHUNK)).intValueExact() - 1;
        }
        return settings.generations();
    }

    public long budget() {
        return settings.algorithm() == Algorithm.EXHAUSTIVE ? space.size().longValueExact() : settings.budget();
    }

    /** Runs (or resumes) the search; returns the non-dominated feasible designs found, in a deterministic order. */
    public List<Checkpoint.Entry> run() throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(dir);
        Checkpoint cp = Checkpoint.read(dir);
        List<Individual<DoubleGene>> population = null;
        Path evalFile = dir.resolve("evaluations.csv");
        Path genFile = dir.resolve("generations.csv");
        if (cp != null) {
            if (!cp.spaceSha256().equals(runKey) || cp.seed() != settings.seed() || !cp.algorithm().equals(settings.algorithm().label())) {
                throw new IllegalStateException(dir + " holds a checkpoint of a different space, algorithm or seed; use a new --out directory");
            }
            truncate(evalFile, cp.evaluationsCsvBytes());
            truncate(genFile, cp.generationsCsvBytes());
            evaluations = cp.evaluations();
            feasibleEvaluations = cp.feasibleEvaluations();
            generation = cp.generation();
            archive = new ArrayList<>(cp.archive());
            archiveObjectives = archive.stream().map(this::objectivesOf).toArray(double[][]::new);
            ideal = cp.ideal();
            nadir = cp.nadir();
            population = cp.population().stream()
                    .map(m -> new Individual<>(keys(m.keys()), m.objectives())).toList();
            if (cp.searchDone()) {
                return sortedArchive();
            }
        } else {
            generation = -1;
            header(evalFile, header());
            header(genFile, List.of("generation", "evaluations", "feasible_evaluations", "front_size", "hypervolume"));
        }
        evaluationsCsv = Files.newBufferedWriter(evalFile, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try {
            Nsga2<DoubleGene> nsga = nsga2();
            int last = generations();
            while (generation < last) {
                int g = generation + 1;
                Random random = new Random(mix(settings.seed(), g));
                currentGeneration = g;
                switch (settings.algorithm()) {
                    case NSGA2 -> population = g == 0 ? nsga.initial(random) : nsga.step(population, g, random);
                    case RANDOM -> randomGeneration(random);
                    case EXHAUSTIVE -> exhaustiveChunk(g);
                    case DP -> throw new IllegalStateException("dp is solved by ParetoDp, not generation by generation");
                }
                generation = g;
                evaluationsCsv.flush();
                lastHv = hypervolume();
                String row = String.join(",", Integer.toString(g), Long.toString(evaluations), Long.toString(feasibleEvaluations),
                        Integer.toString(archive.size()), fmt(lastHv)) + "\n";
                Files.writeString(genFile, row, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                checkpoint(population, g == last);
                listener.progress(new Progress(g, last, evaluations, budget(), archive.size(), lastHv, System.nanoTime() - start));
            }
            if (last < 0) {
                checkpoint(population, true);
            }
        } finally {
            evaluationsCsv.close();
        }
        return sortedArchive();
    }

    public double lastHypervolume() {
        return lastHv;
    }

    private int currentGeneration;

    private Nsga2<DoubleGene> nsga2() {
        double pm = settings.mutation() >= 0 ? settings.mutation() : 1.0 / Math.max(1, radices.length);
        Alterer<DoubleGene, Vec<double[]>> alterer = Alterer.<DoubleGene, Vec<double[]>>of(new UniformCrossover<DoubleGene, Vec<double[]>>(settings.crossover(), 0.5), new Mutator<DoubleGene, Vec<double[]>>(pm));
        return new Nsga2<>(codec.encoding(), settings.population(), alterer,
                g -> constraint.repair(Phenotype.of(g, 0), 0).genotype(), this::evaluateGenotypes);
    }

    private double[][] evaluateGenotypes(List<Genotype<DoubleGene>> gs) {
        List<int[]> choices = gs.stream().map(g -> ChoiceCodec.decode(g, radices)).toList();
        return record(choices);
    }

    private void randomGeneration(Random random) {
        List<int[]> choices = RandomRegistry.with(random, r -> {
            List<int[]> out = new ArrayList<>();
            for (int i = 0; i < settings.population(); i++) {
                Genotype<DoubleGene> g = constraint.repair(Phenotype.of(codec.encoding().newInstance(), 0), 0).genotype();
                out.add(ChoiceCodec.decode(g, radices));
            }
            return out;
        });
        record(choices);
    }

    private void exhaustiveChunk(int g) {
        long n = space.size().longValueExact();
        long from = (long) g * EXHAUSTIVE_CHUNK;
        long to = Math.min(n, from + EXHAUSTIVE_CHUNK);
        List<int[]> choices = new ArrayList<>();
        for (long i = from; i < to; i++) {
            choices.add(mixedRadix(i, radices));
        }
        record(choices);
    }

    /** The i-th design in mixed-radix order (last gene fastest). */
    public static int[] mixedRadix(long index, int[] radices) {
        int[] c = new int[radices.length];
        long x = index;
        for (int i = radices.length - 1; i >= 0; i--) {
            c[i] = (int) (x % radices[i]);
            x /= radices[i];
        }
        return c;
    }

    /** Evaluates, streams rows, updates the archive; returns minimised objectives (penalised when infeasible). */
    private double[][] record(List<int[]> choices) {
        List<Evaluation> es = evaluator.evaluate(choices);
        double[][] f = new double[es.size()][];
        List<Checkpoint.Entry> fresh = new ArrayList<>();
        try {
            for (int i = 0; i < es.size(); i++) {
                Evaluation e = es.get(i);
                long index = evaluations++;
                writeRow(index, e);
                f[i] = objectives(e);
                if (e.feasible()) {
                    feasibleEvaluations++;
                    fresh.add(new Checkpoint.Entry(index, currentGeneration, e.choice(), metricsText(e)));
                }
            }
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        merge(fresh);
        return f;
    }

    private double[] objectives(Evaluation e) {
        double[] f = new double[objectives.size()];
        for (int j = 0; j < f.length; j++) {
            f[j] = e.feasible() ? objectives.get(j).minimised(e.metric(objectives.get(j).metric())) : 1e30 * (1 + e.violation());
        }
        return f;
    }

    private double[] objectivesOf(Checkpoint.Entry e) {
        double[] f = new double[objectives.size()];
        for (int j = 0; j < f.length; j++) {
            Objective o = objectives.get(j);
            f[j] = o.minimised(Double.parseDouble(e.metrics().get(o.metric().ordinal())));
        }
        return f;
    }

    private static List<String> metricsText(Evaluation e) {
        List<String> m = new ArrayList<>();
        for (double v : e.metrics()) {
            m.add(Double.toString(v));
        }
        return m;
    }

    private void merge(List<Checkpoint.Entry> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        List<Checkpoint.Entry> all = new ArrayList<>(archive);
        all.addAll(fresh);
        double[][] f = Arrays.copyOf(archiveObjectives, all.size());
        for (int i = archive.size(); i < f.length; i++) {
            f[i] = objectivesOf(all.get(i));
        }
        int[] keep = Fronts.nonDominated(f);
        List<Checkpoint.Entry> next = new ArrayList<>(keep.length);
        double[][] nf = new double[keep.length][];
        for (int i = 0; i < keep.length; i++) {
            next.add(all.get(keep[i]));
            nf[i] = f[keep[i]];
        }
        archive = next;
        archiveObjectives = nf;
        if (ideal.length == 0) {
            ideal = new double[objectives.size()];
            nadir = new double[objectives.size()];
            Arrays.fill(ideal, Double.POSITIVE_INFINITY);
            Arrays.fill(nadir, Double.NEGATIVE_INFINITY);
            for (int i = all.size() - fresh.size(); i < all.size(); i++) {
                double[] o = f[i];
                for (int j = 0; j < o.length; j++) {
                    ideal[j] = Math.min(ideal[j], o[j]);
                    nadir[j] = Math.max(nadir[j], o[j]);
                }
            }
        }
    }

    /** Hypervolume of the archive with each objective scaled to (f - ideal) / (nadir - ideal), against (1.1, ..., 1.1). */
    public double hypervolume() {
        if (archive.isEmpty()) {
            return 0;
        }
        return normalisedHypervolume(archiveObjectives, ideal, nadir);
    }

    public static double normalisedHypervolume(double[][] f, double[] ideal, double[] nadir) {
        double[][] n = new double[f.length][];
        for (int i = 0; i < f.length; i++) {
            n[i] = new double[f[i].length];
            for (int j = 0; j < n[i].length; j++) {
                double span = nadir[j] - ideal[j];
                n[i][j] = (f[i][j] - ideal[j]) / (span > 0 ? span : 1);
            }
        }
        double[] ref = new double[ideal.length];
        Arrays.fill(ref, HV_REFERENCE);
        return Hypervolume.of(n, ref);
    }

    public double[] ideal() {
        return ideal.clone();
    }

    public double[] nadir() {
        return nadir.clone();
    }

    public long evaluations() {
        return evaluations;
    }

    /** The archive ordered by objectives, then by choice: the same set always prints the same way. */
    private List<Checkpoint.Entry> sortedArchive() {
        Integer[] order = new Integer[archive.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Arrays.compare(archiveObjectives[a], archiveObjectives[b]);
            return c != 0 ? c : Arrays.compare(archive.get(a).choice(), archive.get(b).choice());
        });
        List<Checkpoint.Entry> out = new ArrayList<>(order.length);
        for (int i : order) {
            out.add(archive.get(i));
        }
        return out;
    }

    private void checkpoint(List<Individual<DoubleGene>> population, boolean done) throws IOException {
        List<Checkpoint.Member> members = new ArrayList<>();
        if (population != null) {
            for (Individual<DoubleGene> i : population) {
                double[] k = new double[radices.length];
                for (int j = 0; j < k.length; j++) {
                    k[j] = i.genotype().chromosome().get(j).allele();
                }
                members.add(new Checkpoint.Member(k, i.objectives()));
            }
        }
        new Checkpoint(Checkpoint.FORMAT, runKey, settings.algorithm().label(), settings.seed(),
                generation, evaluations, feasibleEvaluations, Files.size(dir.resolve("evaluations.csv")),
                Files.size(dir.resolve("generations.csv")), ideal, nadir, members, archive, done).write(dir);
    }

    private static Genotype<DoubleGene> keys(double[] k) {
        DoubleGene[] g = new DoubleGene[k.length];
        for (int i = 0; i < k.length; i++) {
            g[i] = DoubleGene.of(k[i], 0, 1);
        }
        return Genotype.of(io.jenetics.DoubleChromosome.of(g));
    }

    private List<String> header() {
        List<String> h = new ArrayList<>(List.of("evaluation", "generation"));
        h.addAll(space.geneNames());
        metricColumns.forEach(c -> h.add(Exploration.column(Metric.byName(c))));
        h.add("feasible");
        h.add("infeasible_reason");
        return h;
    }

    private void writeRow(long index, Evaluation e) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append(index).append(',').append(currentGeneration);
        int[] c = e.choice();
        for (int i = 0; i < c.length; i++) {
            b.append(',').append(csv(space.label(i, c[i])));
        }
        for (String col : metricColumns) {
            b.append(',').append(fmt(e.metric(Metric.byName(col))));
        }
        b.append(',').append(e.feasible()).append(',').append(e.feasible() ? "" : csv(e.infeasible()));
        evaluationsCsv.write(b.append('\n').toString());
    }

    private static void header(Path f, List<String> cols) throws IOException {
        Files.writeString(f, String.join(",", cols.stream().map(Explorer::csv).toList()) + "\n", StandardCharsets.UTF_8);
    }

    static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static void truncate(Path f, long bytes) throws IOException {
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.setLength(bytes);
        }
    }

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

    static String pct(double x) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * x);
    }
}
