package io.quantarch.bench;

import io.quantarch.config.YamlNode;
import io.quantarch.cost.estimate.CostModel;
import io.quantarch.cost.estimate.CostModels;
import io.quantarch.cost.actions.Inventory;
import io.quantarch.pricing.Pricing;
import io.quantarch.search.eval.LocalEvaluator;
import io.quantarch.search.space.Design;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.SpaceYaml;
import io.quantarch.simulator.Fidelity;
import io.quantarch.simulator.LayerResult;
import io.quantarch.simulator.Simulator;
import io.quantarch.workloads.layer.Layer;
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
 * Evaluation at scale: MobileNetV2 with a weight format per layer (54 genes of 4 options, 4^54 designs), one op of
 * {@code designsSingleThread} = one design evaluated on one thread (tier-1 synthetic quality, every layer's cycles and
 * energy, area; design cache cleared per batch, layer table warm, as in a search past its first generations), and one
 * op of the baseline {@code layerModel} = one bare analytic layer simulation and pricing, measured in the same run.
 * designs/s divided by layers/s is the share of a layer evaluation one design costs; a design of L layers evaluated
 * from scratch would cost L. Run: {@code scripts/bench.sh ScaleBench layerModel}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScaleBench {

    static final int BATCH = 1024;

    static final String SPACE = """
            version: 1
            workload: zoo:mobilenet_v2
            quality: {synthetic: {seed: 5, rows: 8}}
            architecture:
              base: {version: 1, pe: {type: bit-fusion}, memory: {dram_bytes_per_cycle: 32}}
              genes: {array: [32x32]}
            quantization:
              default: {weights: int8_sym_channel, inputs: int8_sym_tensor}
              genes:
                - {layers: "*", per_layer: true, weights: [int8_sym_channel, int6_sym_channel, int4_sym_channel, int2_sym_channel]}
            objectives: {synthetic_output_nsr: min, energy_pj: min}
            """;

    LocalEvaluator single;
    List<int[]> batch;
    Design design;
    List<Layer> layers;
    CostModel costModel;
    Inventory inventory;

    @Setup
    public void setUp() throws Exception {
        DesignSpace s = SpaceYaml.parse(YamlNode.parse("bench", SPACE), SPACE, null, "bench");
        single = new LocalEvaluator(s, 1);
        single.prepare(null);
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
        single.evaluate(batch);                          // the layer table filled: every layer in every format
        design = s.decode(batch.get(0));
        layers = s.workload().layers();
        costModel = CostModels.of(design.architecture().costModel());
        inventory = design.architecture().inventory();
    }

    @Setup(Level.Invocation)
    public void forget() {
        single.forgetDesigns();
    }

    @TearDown
    public void tearDown() {
        single.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object designsSingleThread() {
        return single.evaluate(batch);
    }

    /** The baseline: every layer of one design simulated (analytic) and priced from scratch; one op = one layer. */
    @Benchmark
    @OperationsPerInvocation(151)
    public double layerModel() {
        double s = 0;
        for (int i = 0; i < 151; i++) {
            Layer l = layers.get(i % layers.size());
            LayerResult res = Simulator.layer(design.architecture(), l, design.policy(), Fidelity.ANALYTIC);
            s += Pricing.layer(res, costModel, inventory, design.architecture().clockGhz()).totalPj();
        }
        return s;
    }
}
