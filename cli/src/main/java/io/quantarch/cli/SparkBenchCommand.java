package io.quantarch.cli;

import io.quantarch.search.eval.EvaluationEngine;
import io.quantarch.search.run.Exploration;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.SpaceYaml;
import io.quantarch.spark.SparkEngine;
import io.quantarch.workloads.io.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    private final Main.Io io;

    SparkBenchCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        DesignSpace base = SpaceYaml.read(space);
        if (generations < 1 || populations.stream().anyMatch(p -> p < 4)) {
            throw new ConfigException("--populations/--generations", null, "populations >= 4 and generations >= 1", populations + " and " + generations);
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        SparkEngine spark;
        try {
            spark = SparkEngine.connect(master, List.of(), space.toAbsolutePath().getParent(), Duration.ofSeconds(60));
        } catch (SparkEngine.Unavailable u) {
            io.err().println("quantarch: " + u.getMessage());
            return 1;
        }
        Path tmp = Files.createTempDirectory("quantarch-spark-bench");
        try (spark) {
            // warm-up: JIT, the workload and Spark's first job, so neither engine pays them in the table
            run(base.withSearch(base.search().withBudget(8, 1)), tmp.resolve("warm-t"), n, EvaluationEngine.THREADS);
            run(base.withSearch(base.search().withBudget(8, 1)), tmp.resolve("warm-s"), n, spark);
            io.out().printf(Locale.ROOT, "%s, %d generations, thread engine %d threads vs Spark %s (%d task slots)%n", base.name(), generations, n,
                    spark.master(), spark.context().defaultParallelism());
            io.out().println("population,evaluations_gen1_on,threads_designs_per_s,spark_designs_per_s,spark_over_threads,spark_overhead_ms_per_generation");
            int i = 0;
            for (int p : populations) {
                // a different seed per size and engine pair keeps the executors' design caches from serving the next size
                DesignSpace s = base.withSearch(base.search().withBudget(p, generations).withSeed(1000 + p));
                double[] t = run(s, tmp.resolve("t" + i), n, EvaluationEngine.THREADS);
                double[] k = run(s, tmp.resolve("s" + i), n, spark);
                i++;
                double perGen = (k[0] - t[0]) / generations * 1e3;
                io.out().printf(Locale.ROOT, "%d,%d,%.1f,%.1f,%.3f,%.1f%n", p, (long) t[1], t[1] / t[0], k[1] / k[0], t[0] / k[0], perGen);
            }
        } finally {
            try (Stream<Path> w = Files.walk(tmp)) {
                w.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        return 0;
    }

    /**
     * {seconds, evaluations} of generations 1..G of one run, from the progress reports: the tier-1 table, generation
     * 0's start-up and the final files are left out, so the figure is the engines' evaluation throughput.
     */
    private static double[] run(DesignSpace s, Path out, int threads, EvaluationEngine engine) throws IOException {
        long[] first = {-1, 0};
        long[] last = {0, 0};
        Exploration.run(s, out, threads, null, p -> {
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
