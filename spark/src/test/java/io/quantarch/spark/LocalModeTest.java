package io.quantarch.spark;

import io.quantarch.search.eval.EvaluationEngine;
import io.quantarch.reports.explore.Explore;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.SpaceYaml;
import io.quantarch.config.YamlNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An exploration of the MNIST CNN evaluated by Spark in local mode equals the thread evaluator's, byte for byte. */
class LocalModeTest {

    static final String SPACE = """
            version: 1
            name: mnist-spark
            workload: zoo:mnist_cnn
            quality: {synthetic: {seed: 3, rows: 8}}
            architecture:
              base: {version: 1}
              genes:
                pe: [int-mac, bit-fusion]
                array: [8x8, 16x16, 32x32]
                sram_kb: [16, 64]
            quantization:
              default: {weights: int8_sym_channel, inputs: int8_sym_tensor}
              genes:
                - {layers: "*", per_layer: true, weights: [int8_sym_channel, int4_sym_channel, int2_sym_channel]}
                - {layers: "*", inputs: [int8_sym_tensor, int4_sym_tensor]}
            objectives: {synthetic_output_nsr: min, energy_pj: min, latency_s: min}
            search: {algorithm: nsga2, population: 16, generations: 6, seed: 7}
            """;

    static DesignSpace space() throws Exception {
        return SpaceYaml.parse(YamlNode.parse("mnist-spark.yaml", SPACE), SPACE, null, "mnist-spark");
    }

    static void assertSameBytes(Path a, Path b) throws Exception {
        for (String f : List.of("pareto.csv", "evaluations.csv", "generations.csv")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }

    @Test
    void localModeEqualsThreadsByteForByte(@TempDir Path tmp) throws Exception {
        DesignSpace s = space();
        Path threads = tmp.resolve("threads");
        Explore.run(s, threads, 2, null, p -> { }, m -> { }, EvaluationEngine.THREADS);
        Path spark = tmp.resolve("spark");
        try (SparkEngine engine = SparkEngine.connect("local[2]", List.of(), null, Duration.ofSeconds(60))) {
            Explore.run(s, spark, 2, null, p -> { }, m -> { }, engine);
            // one job per generation with new designs, and one for the reference designs that fix the hypervolume's normalisation
            assertTrue(engine.jobs() >= 1 && engine.jobs() <= 8, "one job per generation with new designs: " + engine.jobs());
        }
        assertSameBytes(threads, spark);
    }
}
