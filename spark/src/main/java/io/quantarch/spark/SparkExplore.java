package io.quantarch.spark;

import io.quantarch.reports.explore.Explore;
import io.quantarch.search.run.Exploration;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.SpaceYaml;
import io.quantarch.config.ConfigException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The application's main class for {@code spark-submit}: {@code --space SPACE.yaml --out DIR [--seed N]}, the master
 * and resources as spark-submit sets them. DIR and the space file must be on storage the driver sees (the driver
 * writes every result; executors only evaluate). Exit codes as the CLI's: 2 for bad input, 1 when Spark is unavailable.
 */
public final class SparkExplore {

    private SparkExplore() {
    }

    public static void main(String[] args) throws Exception {
        Path space = null;
        Path out = null;
        Long seed = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--space" -> { space = Path.of(need(a, v)); i++; }
                case "--out" -> { out = Path.of(need(a, v)); i++; }
                case "--seed" -> { seed = Long.parseLong(need(a, v)); i++; }
                default -> fail(2, "unknown argument '" + a + "' (expected --space SPACE.yaml --out DIR [--seed N])");   // open: a command-line word
            }
        }
        if (space == null || out == null) {
            fail(2, "--space SPACE.yaml and --out DIR are required");
        }
        DesignSpace s;
        try {
            s = SpaceYaml.read(space);
        } catch (ConfigException e) {
            fail(2, e.getMessage());
            return;
        }
        if (seed != null) {
            s = s.withSearch(s.search().withSeed(seed));
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            fail(2, "--out: expected a directory, found a file " + out);
        }
        try (SparkEngine engine = SparkEngine.connect(System.getProperty("spark.master", "local[*]"), List.of(),
                space.toAbsolutePath().getParent(), Duration.ofSeconds(120))) {
            System.err.println("quantarch explore on Spark " + engine.master() + ": " + s.name() + ", " + s.size() + " designs");
            Exploration.Result o = Explore.run(s, out, Runtime.getRuntime().availableProcessors(), null,
                    p -> System.err.printf(Locale.ROOT, "  gen %d/%d  evals %d  front %d  HV %.4f%n", p.generation(), p.generations(),
                            p.evaluations(), p.frontSize(), p.hypervolume()),
                    m -> System.err.println("  " + m), engine);
            System.out.printf(Locale.ROOT, "quantarch explore: %d evaluations, %d designs on the Pareto front, normalised hypervolume %.4f%n",
                    o.evaluations(), o.front().size(), o.hypervolume());
            System.out.println("Results: " + out.toAbsolutePath().normalize().resolve("pareto.csv"));
        } catch (SparkEngine.Unavailable e) {
            fail(1, e.getMessage());
        }
    }

    private static String need(String option, String value) {
        if (value == null) {
            fail(2, option + " needs a value");
        }
        return value;
    }

    private static void fail(int code, String message) {
        System.err.println("quantarch: " + message);
        System.exit(code);
    }
}
