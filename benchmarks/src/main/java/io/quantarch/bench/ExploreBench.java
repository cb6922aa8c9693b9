package io.quantarch.bench;

import io.quantarch.search.eval.LocalEvaluator;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.SpaceYaml;
import io.quantarch.config.YamlNode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Search throughput in designs evaluated per second (one op = one design): ResNet-18 designs (7 weight-format
 * genes, array and SRAM size; tier-1 synthetic quality + analytic simulation + cost model) drawn at random, with the
 * design cache cleared before each batch and the layer cache warm, as in a search past its first generations. The
 * baseline ({@code singleThread}) and {@code allThreads} run in the same JVM; the ratio is the parallel speed-up.
 * Run: {@code scripts/bench.sh ExploreBench singleThread}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExploreBench {

    static final int BATCH = 1024;

    static final String SPACE = """
            version: 1
            workload: zoo:resnet18
            quality: {synthetic: {seed: 1, rows: 16}}
            architecture:
              base: {version: 1, pe: {type: bit-fusion}}
              genes: {array: [16x16, 32x32, 64x64], sram_kb: [64, 256]}
            quantization:
              default: {weights: int8_sym_channel, inputs: int8_sym_tensor, outputs: int8_sym_tensor}
              genes:
                - {layers: "conv1", weights: [int8_sym_channel, int6_sym_channel, int4_sym_channel, int2_sym_channel]}
            objectives: {synthetic_output_nsr: min, energy_pj: min, area_mm2: min}
            """;

    LocalEvaluator single;
    LocalEvaluator all;
    List<int[]> batch;

    @Setup
    public void setUp() throws Exception {
        String w = "[int8_sym_channel, int6_sym_channel, int4_sym_channel, int2_sym_channel]";
        StringBuilder genes = new StringBuilder();
        for (String g : List.of("conv1", "layer1.*", "layer2.*", "layer3.*", "layer4.0.*", "layer4.1.*", "fc")) {
            genes.append("    - {layers: \"").append(g).append("\", weights: ").append(w).append("}\n");
        }
        String yaml = SPACE.substring(0, SPACE.indexOf("    - {layers")) + genes + SPACE.substring(SPACE.indexOf("objectives"));
        DesignSpace s = SpaceYaml.parse(YamlNode.parse("bench", yaml), yaml, null, "bench");
        single = new LocalEvaluator(s, 1);
        all = new LocalEvaluator(s, Runtime.getRuntime().availableProcessors());
        single.prepare(null);
        all.prepare(null);
        SplittableRandom r = new SplittableRandom(1);
        int[] radices = s.radices();
        batch = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            int[] c = new int[radices.length];
            for (int j = 0; j < c.length; j++) {
                c[j] = r.nextInt(radices[j]);
            }
            batch.add(c);
        }
    }

    @Setup(Level.Invocation)
    public void forget() {
        single.forgetDesigns();
        all.forgetDesigns();
    }

    @TearDown
    public void tearDown() {
        single.close();
        all.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object singleThread() {
        return single.evaluate(batch);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object allThreads() {
        return all.evaluate(batch);
    }
}
