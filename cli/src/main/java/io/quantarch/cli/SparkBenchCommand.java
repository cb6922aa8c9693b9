package io.quantarch.cli;

import io.quantarch.search.eval.EvaluationEngine;
import io.quantarch.reports.explore.Explore;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.SpaceYaml;
import io.quantarch.spark.LoopbackCluster;
import io.quantarch.spark.SparkEngine;
import io.quantarch.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code quantarch spark-bench}: designs evaluated per second by the thread engine and by Spark on the same exploration,
 * at several population sizes, and Spark's overhead per generation. Ratios to the thread engine measured in the same run.
 */
@Command(name = "spark-bench", sortOptions = false,
        description = {"Times the same exploration with --engine threads and --engine spark at several population sizes: designs",
                "per second, the ratio spark/threads, and Spark's added time per generation (job scheduling, task start, result",
                "collection). Results directories are temporary."})
final class SparkBenchCommand implements Callable<Integer> {

    @Option(names = "--space", defaultValue = "examples/explore/resnet18-enumerable.yaml", paramLabel = "SPACE.yaml",
            description = "The space to explore (default: examples/explore/resnet18-enumerable.yaml).")
    Path space;

    @Option(names = "--master", defaultValue = "local[2]", paramLabel = "URL", description = "Spark master (default local[2]).")
    String master;

    @Option(names = "--populations", defaultValue = "16,64,256", split = ",", paramLabel = "N", description = "Population sizes (default 16,64,256).")
    List<Integer> populations;

    @Option(names = "--generations", defaultValue = "5", paramLabel = "N", description = "Generations per run (default 5).")
    int generations;

    @Option(names = "--threads", paramLabel = "N", description = "Threads of the thread engine (default: all cores).")
    Integer threads;

    @Option(names = "--loopback-workers", defaultValue = "0", paramLabel = "N",
            description = {"Also start a standalone cluster on 127.0.0.1 (a master and N one-core workers as separate processes,",
                    "from the Spark jars on quantarch's class path) and time the same runs on it (default 0: no cluster)."})
    int loopbackWorkers;

    private final Main.Io io;

    SparkBenchCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        DesignSpace base = SpaceYaml.read(space);
        if (generations < 1 || populations.stream().anyMatch(p -> p < 4) || loopbackWorkers < 0) {
            throw new ConfigException("--populations/--generations/--loopback-workers", null,
                    "populations >= 4, generations >= 1 and loopback workers >= 0", populations + ", " + generations + " and " + loopbackWorkers);
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        Path baseDir = space.toAbsolutePath().getParent();
        Path tmp = Files.createTempDirectory("quantarch-spark-bench");
        int sizes = populations.size();
        double[][] threadRuns = new double[sizes][];
        List<String> names = new ArrayList<>();
        List<double[][]> sparkRuns = new ArrayList<>();
        String what;
        try {
            // warm-up: JIT and the workload, so no engine pays them in the table
            run(base.withSearch(base.search().withBudget(8, 1)), tmp.resolve("warm"), n, EvaluationEngine.THREADS);
            for (int i = 0; i < sizes; i++) {
                threadRuns[i] = run(sized(base, populations.get(i)), tmp.resolve("t" + i), n, EvaluationEngine.THREADS);
            }
            // one SparkContext per JVM: local mode first, then the cluster
            try (SparkEngine local = SparkEngine.connect(master, List.of(), baseDir, Duration.ofSeconds(60))) {
                what = String.format(Locale.ROOT, "Spark %s (%d task slots)", local.master(), local.context().defaultParallelism());
                names.add("spark_local");
                sparkRuns.add(runAll(base, local, tmp.resolve("local"), n));
            }
            if (loopbackWorkers > 0) {
                io.err().printf("quantarch: starting a standalone cluster on 127.0.0.1 (master and %d workers)...%n", loopbackWorkers);
                try (LoopbackCluster cluster = new LoopbackCluster(tmp.resolve("cluster"), loopbackWorkers, LoopbackCluster.clusterJavaHome());
                     SparkEngine remote = SparkEngine.connect(cluster.master(), List.of(cluster.appJar().toString()), baseDir, Duration.ofSeconds(120))) {
                    long deadline = System.currentTimeMillis() + 120_000;
                    while (remote.executors() < loopbackWorkers && System.currentTimeMillis() < deadline) {
                        Thread.sleep(100);
                    }
                    what += String.format(Locale.ROOT, " vs loopback cluster %s (%d one-core executors)", cluster.master(), remote.executors());
                    names.add("cluster");
                    sparkRuns.add(runAll(base, remote, tmp.resolve("cluster-runs"), n));
                }
            }
        } catch (SparkEngine.Unavailable u) {
            io.err().println("quantarch: " + u.getMessage());
            return 1;
        } catch (IllegalStateException e) {                                 // the loopback master did not come up
            io.err().println("quantarch: could not start the loopback cluster: " + e.getMessage());
            return 1;
        } finally {
            try (Stream<Path> w = Files.walk(tmp)) {
                w.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        print(base, n, what, names, threadRuns, sparkRuns);
        return 0;
    }

    /** One row per population: designs/s of the thread engine and of each Spark engine, their ratio and overhead per generation. */
    private void print(DesignSpace base, int n, String what, List<String> names, double[][] threadRuns, List<double[][]> sparkRuns) {
        io.out().printf(Locale.ROOT, "%s, %d generations, thread engine %d threads vs %s%n", base.name(), generations, n, what);
        StringBuilder header = new StringBuilder("population,evaluations_gen1_on,threads_designs_per_s");
        for (String e : names) {
            header.append(',').append(e).append("_designs_per_s,").append(e).append("_over_threads,").append(e).append("_overhead_ms_per_generation");
        }
        io.out().println(header);
        for (int i = 0; i < threadRuns.length; i++) {
            double[] t = threadRuns[i];
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%d,%d,%.1f", populations.get(i), (long) t[1], t[1] / t[0]));
            for (double[][] runs : sparkRuns) {
                double[] k = runs[i];
                row.append(String.format(Locale.ROOT, ",%.1f,%.3f,%.1f", k[1] / k[0], t[0] / k[0], (k[0] - t[0]) / generations * 1e3));
            }
            io.out().println(row);
        }
    }

    /** A different seed per size keeps the executors' design caches from serving the next size. */
    private DesignSpace sized(DesignSpace base, int population) {
        return base.withSearch(base.search().withBudget(population, generations).withSeed(1000 + population));
    }

    private double[][] runAll(DesignSpace base, EvaluationEngine engine, Path dir, int n) throws IOException {
        run(base.withSearch(base.search().withBudget(8, 1)), dir.resolve("warm"), n, engine);      // the engine's first job
        double[][] r = new double[populations.size()][];
        for (int i = 0; i < r.length; i++) {
            r[i] = run(sized(base, populations.get(i)), dir.resolve("p" + i), n, engine);
        }
        return r;
    }

    /**
     * {seconds, evaluations} of generations 1..G of one run, from the progress reports: the tier-1 table, generation
     * 0's start-up and the final files are left out, so the figure is the engines' evaluation throughput.
     */
    private static double[] run(DesignSpace s, Path out, int threads, EvaluationEngine engine) throws IOException {
        long[] first = {-1, 0};
        long[] last = {0, 0};
        Explore.run(s, out, threads, null, p -> {
            if (p.generation() == 0) {
                first[0] = p.elapsedNanos();
                first[1] = p.evaluations();
            }
            last[0] = p.elapsedNanos();
            last[1] = p.evaluations();
        }, m -> { }, engine);
        return new double[] {(last[0] - first[0]) / 1e9, last[1] - first[1]};
    }
}
