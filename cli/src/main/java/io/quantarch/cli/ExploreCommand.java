package io.quantarch.cli;

import io.quantarch.cli.run.RunLock;
import io.quantarch.config.io.AtomicOutput;
import io.quantarch.reports.RunReport;
import io.quantarch.search.run.Exploration;
import io.quantarch.search.run.SearchRun;
import io.quantarch.search.run.Checkpoint;
import io.quantarch.reports.explore.Explore;
import io.quantarch.search.algorithm.SearchAlgorithms;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.SearchSettings;
import io.quantarch.search.space.SpaceYaml;
import io.quantarch.search.eval.EvaluationEngine;
import io.quantarch.spark.SparkEngine;
import io.quantarch.config.ConfigException;
import io.quantarch.config.Names;
import io.quantarch.workloads.quality.Sensitivity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code quantarch explore}: search a design space to its Pareto front. */
@Command(name = "explore", sortOptions = false,
        description = {"Search architecture, per-layer quantization and cost together (NSGA-II, random, exhaustive, or exact DP).",
                "Writes DIR/pareto.csv, DIR/evaluations.csv (streamed), DIR/generations.csv, DIR/run.json, DIR/report.html; checkpoints after",
                "every generation in DIR/checkpoint, and rerunning the same command on DIR resumes the run."})
final class ExploreCommand implements Callable<Integer> {

    @Option(names = "--space", required = true, paramLabel = "SPACE.yaml", description = "The design space, objectives and constraints.")
    Path space;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Result directory (new, or a run to resume).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Overrides the space's search.seed.")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Evaluation threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--engine", paramLabel = "E", defaultValue = "threads",
            description = "threads (default: this machine) or spark (each generation one Spark job). Results do not depend on it.")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master with --engine spark: local[*] (default), local[N], spark://HOST:PORT, yarn, k8s://...")
    String master;

    @Option(names = "--algorithm", paramLabel = "A", description = "nsga2, random, exhaustive or dp (overrides search.algorithm).")
    String algorithm;

    @Option(names = "--population", paramLabel = "N", description = "Overrides search.population.")
    Integer population;

    @Option(names = "--generations", paramLabel = "N", description = "Overrides search.generations.")
    Integer generations;

    private final Main.Io io;

    ExploreCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        DesignSpace s = load();
        int n = Inputs.threads(threads);
        String e = engine.trim().toLowerCase(Locale.ROOT);
        if (!e.equals("threads") && !e.equals("spark")) {
            throw new ConfigException("--engine", null, "threads or spark", "'" + engine + "'");
        }
        if (e.equals("threads")) {
            if (master != null) {
                throw new ConfigException("--master", null, "--engine spark with a master URL", "--engine threads");
            }
            return run(s, out, n, io, EvaluationEngine.THREADS);
        }
        checkOut(out, s);                                         // before Spark starts: bad input is exit 2, not a cluster round trip
        SparkEngine spark;
        try {
            SparkEngine.probe(master, Duration.ofSeconds(10));
            spark = SparkEngine.connect(master, applicationJars(master), space.toAbsolutePath().getParent(), Duration.ofSeconds(60));
        } catch (SparkEngine.Unavailable u) {
            io.err().println("quantarch: " + u.getMessage());
            return 1;
        }
        try (spark) {
            io.err().println("quantarch explore: Spark " + spark.master() + ", " + spark.context().defaultParallelism() + " task slots");
            return run(s, out, n, io, spark);
        }
    }

    /** A cluster's executors need quantarch's classes: the application jar the spark module builds (none in local mode). */
    private static List<String> applicationJars(String master) throws ConfigException {
        if (master == null || master.trim().startsWith("local")) {
            return List.of();
        }
        String home = System.getenv("QUANTARCH_HOME");
        Path jar = Path.of(home == null ? "." : home, "spark", "target", "quantarch-spark-app.jar");
        if (!Files.isRegularFile(jar)) {
            throw new ConfigException("--master " + master, null, "the application jar " + jar + " (build it: mvn -pl spark -am package -DskipTests)", "none");
        }
        return List.of(jar.toAbsolutePath().toString());
    }

    DesignSpace load() throws ConfigException {
        DesignSpace s = SpaceYaml.read(space);
        SearchSettings set = s.search();
        if (algorithm != null) {
            String a = algorithm.trim().toLowerCase(Locale.ROOT);
            if (SearchAlgorithms.REGISTRY.find(a).isEmpty()) {
                throw new ConfigException("--algorithm", null, "one of " + SearchAlgorithms.names()
                        + Names.didYouMean(SearchAlgorithms.names(), a), "'" + algorithm + "'");
            }
            set = set.withAlgorithm(SearchAlgorithms.byName(a));
        }
        if (seed != null) {
            set = set.withSeed(seed);
        }
        if (population != null || generations != null) {
            int p = population == null ? set.population() : population;
            int g = generations == null ? set.generations() : generations;
            if (p < 4 || g < 0) {
                throw new ConfigException("--population/--generations", null, "population >= 4 and generations >= 0", p + " and " + g);
            }
            set = set.withBudget(p, g);
        }
        if (threads != null && threads < 1) {
            throw new ConfigException("--threads", null, "at least 1", threads.toString());
        }
        return s.withSearch(set);
    }

    static int run(DesignSpace s, Path out, int threads, Main.Io io) throws Exception {
        return run(s, out, threads, io, EvaluationEngine.THREADS);
    }

    /**
     * The run's directory: new or empty; or this run's own (its checkpoint, of the same space, algorithm, seed and budget,
     * to resume; or, killed before its first checkpoint, its key file, to start over); anything else is refused before
     * any work.
     */
    private static void checkOut(Path out, DesignSpace s) throws Exception {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ConfigException("--out", null, "a directory", "a file " + out);
        }
        if (!Files.isDirectory(out)) {
            return;
        }
        String key = SearchRun.runKey(s);
        Checkpoint cp = Files.exists(Checkpoint.file(out)) ? Checkpoint.read(out) : null;
        if (cp != null) {
            if (!cp.runKey().equals(key) || cp.seed() != s.search().seed() || !cp.algorithm().equals(s.search().algorithm().name())) {
                throw new ConfigException("--out", null, "the checkpoint of this space, algorithm, seed and budget to resume", out
                        + " holds the checkpoint of " + cp.algorithm() + " seed " + cp.seed() + (cp.runKey().equals(key) ? "" : " on another space "
                        + "or budget") + "; use a new --out directory");
            }
            return;
        }
        if (key.equals(RunLock.runKeyOf(out))) {
            clearStarted(out);                                               // killed before its first checkpoint: start over
            return;
        }
        try (var l = Files.list(out)) {
            if (l.anyMatch(f -> !f.getFileName().toString().equals(RunLock.LOCK))) {
                throw new ConfigException("--out", null, "a new or empty directory, or one holding this run's checkpoint", "non-empty " + out);
            }
        }
    }

    /** Deletes what a run killed before its first checkpoint left (its lock and key stay). */
    private static void clearStarted(Path out) throws java.io.IOException {
        try (var l = Files.list(out)) {
            for (Path f : l.toList()) {
                String n = f.getFileName().toString();
                if (!n.equals(RunLock.LOCK) && !n.equals(RunLock.KEY)) {
                    AtomicOutput.discard(f);
                }
            }
        }
    }

    static int run(DesignSpace s, Path out, int threads, Main.Io io, EvaluationEngine engine) throws Exception {
        SearchSettings set = s.search();
        String why = set.algorithm().unsuitable(s);
        if (why != null) {
            throw new ConfigException("--algorithm " + set.algorithm().name(), null, "a space " + set.algorithm().name() + " can search", why);
        }
        checkOut(out, s);
        try (RunLock lock = RunLock.acquire(out, SearchRun.runKey(s))) {
            return locked(s, out, threads, io, engine);
        }
    }

    private static int locked(DesignSpace s, Path out, int threads, Main.Io io, EvaluationEngine engine) throws Exception {
        SearchSettings set = s.search();
        boolean resuming = Files.exists(Checkpoint.file(out));
        io.err().println("quantarch explore: " + s.name() + " -- " + s.size() + " designs, " + s.geneCount() + " genes, "
                + set.algorithm().name() + (set.algorithm().declaration().keys().contains("population")
                ? " (population " + set.population() + ", " + set.generations() + " generations, seed " + set.seed() + ")" : "")
                + ", " + threads + " threads" + (resuming ? "; resuming from " + Checkpoint.file(out) : ""));
        Progress bar = new Progress(io);
        Exploration.Result o;
        try {
            o = Explore.run(s, out, threads, Sensitivity.defaultCacheDir(), bar, m -> io.err().println("  " + m), engine);
        } catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().contains("checkpoint of a different")) {
                throw new ConfigException("--out", null, "the checkpoint of this space, algorithm and seed", e.getMessage());
            }
            throw e;
        }
        bar.done();
        io.out().println(String.format(Locale.ROOT, "quantarch explore: %d evaluations, %d designs on the Pareto front, normalised hypervolume %.4f%s",
                o.evaluations(), o.front().size(), o.hypervolume(),
                Double.isNaN(o.kendallTau()) ? "" : String.format(Locale.ROOT, ", Kendall tau (tier 1 vs tier 2 quality) %.3f", o.kendallTau())));
        long t0 = System.nanoTime();
        io.err().println("  report: figures and report.html");
        Path report = RunReport.write(out, List.of(), null).html();
        io.err().println(String.format(Locale.ROOT, "  report written in %.1f s", (System.nanoTime() - t0) / 1e9));
        io.out().println("Results: " + out.toAbsolutePath().normalize().resolve("pareto.csv") + " (report: " + report.toAbsolutePath().normalize() + ")");
        return 0;
    }

    /** Generation, evaluations, front size, hypervolume and ETA on stderr; one line per update when not a terminal. */
    static final class Progress implements SearchRun.Listener {
        private final Main.Io io;
        private final boolean terminal = System.console() != null;
        private int lastPrinted = -1;

        Progress(Main.Io io) {
            this.io = io;
        }

        @Override
        public void progress(SearchRun.Progress p) {
            double done = p.budget() == 0 ? 1 : Math.min(1, (double) p.evaluations() / p.budget());
            double eta = done > 0 ? p.elapsedNanos() / 1e9 * (1 - done) / done : Double.NaN;
            int width = 24;
            int filled = (int) Math.round(done * width);
            String line = String.format(Locale.ROOT, "  [%s%s] gen %d/%d  evals %d  front %d  HV %.4f  ETA %s",
                    "#".repeat(filled), ".".repeat(width - filled), p.generation(), p.generations(), p.evaluations(), p.frontSize(),
                    p.hypervolume(), Double.isNaN(eta) ? "?" : String.format(Locale.ROOT, "%.0fs", eta));
            int decile = (int) (done * 10);
            if (terminal) {
                io.err().print("\r" + line);
                io.err().flush();
            } else if (decile != lastPrinted || p.generation() == p.generations()) {
                lastPrinted = decile;
                io.err().println(line);
            }
        }

        void done() {
            if (terminal) {
                io.err().println();
            }
        }
    }
}
