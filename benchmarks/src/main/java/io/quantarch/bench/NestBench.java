package io.quantarch.bench;

import io.quantarch.pricing.nest.ModelPrices;
import io.quantarch.pricing.nest.NestPricing;
import io.quantarch.simulator.nest.LayerProblems;
import io.quantarch.simulator.nest.NestArchitecture;
import io.quantarch.simulator.nest.NestMapping;
import io.quantarch.simulator.nest.NestModel;
import io.quantarch.simulator.nest.NestProblem;
import io.quantarch.workloads.layer.Conv2d;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Loop-nest mapping evaluations per second (count and price one mapping) on the Timeloop tutorial's 3-level conv1d
 * (t03: DRAM, a 256 kB buffer, a register file, K=32 R=3 P=16) and on the simple weight-stationary design's 224x224
 * stride-2 convolution with the mapper's mapping (7 levels, a 16x16 mesh), against the bare loop-bound computation of
 * the same mapping (the product of its temporal factors) as the in-run baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NestBench {

    NestProblem conv1d;
    NestArchitecture threeLevel;
    NestMapping threeLevelMap;
    NestPricing.Table threeLevelPrices;
    NestProblem conv;
    NestArchitecture ws;
    NestMapping wsMap;
    NestPricing.Table wsPrices;

    static NestArchitecture.Storage level(String name, String cls, long depth, int width, int datawidth, long instances, String tech) {
        return new NestArchitecture.Storage(name, cls, "", depth, width, datawidth, Map.of(), instances, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1, Double.parseDouble(tech), Map.of("technology", tech + "nm"));
    }

    static NestMapping.Loop loop(NestProblem p, String dim, long f) {
        return new NestMapping.Loop(p.dim(dim), f);
    }

    @Setup
    public void setUp() {
        List<String> d = List.of("K", "R", "P");
        conv1d = new NestProblem("Conv1D_OC", d, new long[] {32, 3, 16}, List.of(
                new NestProblem.DataSpace("Weights", List.of(List.of(new NestProblem.Term(0, 1)), List.of(new NestProblem.Term(1, 1))), false),
                new NestProblem.DataSpace("Inputs", List.of(List.of(new NestProblem.Term(1, 1), new NestProblem.Term(2, 1))), false),
                new NestProblem.DataSpace("Outputs", List.of(List.of(new NestProblem.Term(0, 1)), List.of(new NestProblem.Term(2, 1))), true)));
        threeLevel = new NestArchitecture(List.of(level("MainMemory", "DRAM", -1, 256, 8, 1, "40"), level("GlobalBuffer", "SRAM", 32768, 64, 8, 1,
                "40"), level("RegisterFile", "regfile", 64, 8, 8, 1, "40")), new NestArchitecture.Arithmetic("MACC", "intmac", 1, 40,
                Map.of("width", "8")), List.of());
        List<NestMapping.Loop> none = List.of();
        threeLevelMap = new NestMapping(List.of(new NestMapping.Level(none, none, none, Set.of("Weights", "Inputs", "Outputs")),
                new NestMapping.Level(List.of(loop(conv1d, "K", 16), loop(conv1d, "P", 16)), none, none, Set.of("Weights", "Inputs")),
                new NestMapping.Level(List.of(loop(conv1d, "K", 2), loop(conv1d, "R", 3)), none, none, Set.of("Outputs"))));
        threeLevelPrices = NestPricing.table(threeLevel, new ModelPrices("horowitz45"));
        conv = LayerProblems.of(Conv2d.of("conv", 1, 3, 32, 224, 3, 2, 1, 1, false));
        ws = new NestArchitecture(List.of(level("DRAM", "DRAM", -1, 64, 16, 1, "45"), level("shared_glb", "smartbuffer_SRAM", 16384, 64, 16, 1, "45"),
                level("pe_spad", "smartbuffer_SRAM", 192, 16, 16, 256, "45"), level("weight_reg", "storage", 1, 16, 16, 256, "45"),
                level("input_activation_reg", "storage", 1, 16, 16, 256, "45"), level("output_activation_reg", "storage", 1, 16, 16, 256, "45")),
                new NestArchitecture.Arithmetic("mac", "intmac", 256, 45, Map.of("multiplier_width", "8", "adder_width", "16")),
                List.of(new NestArchitecture.Fanout("PE", 16, 16, 2)));
        Set<String> all = Set.of("Weights", "Inputs", "Outputs");
        wsMap = new NestMapping(List.of(new NestMapping.Level(List.of(loop(conv, "Q", 14)), none, none, all),
                new NestMapping.Level(List.of(loop(conv, "S", 3), loop(conv, "P", 2), loop(conv, "M", 8)), none,
                        List.of(loop(conv, "M", 4), loop(conv, "C", 3)), all),
                new NestMapping.Level(List.of(loop(conv, "R", 3), loop(conv, "Q", 2), loop(conv, "P", 2)), none, none, Set.of("Weights")),
                new NestMapping.Level(List.of(loop(conv, "P", 28), loop(conv, "Q", 4)), none, none, Set.of("Weights")),
                new NestMapping.Level(none, none, none, Set.of("Inputs")), new NestMapping.Level(none, none, none, Set.of("Outputs"))));
        wsPrices = NestPricing.table(ws, new ModelPrices("horowitz45"));
    }

    @Benchmark
    public long loopBoundOnly() {
        long c = 1;
        for (NestMapping.Level l : threeLevelMap.levels()) {
            for (NestMapping.Loop lp : l.temporal()) {
                c *= lp.factor();
            }
        }
        return c;
    }

    @Benchmark
    public double threeLevelConv1d() {
        return NestPricing.price(NestModel.analyze(conv1d, threeLevel, threeLevelMap), threeLevel, threeLevelPrices).energyPj();
    }

    @Benchmark
    public double weightStationaryConv() {
        return NestPricing.price(NestModel.analyze(conv, ws, wsMap), ws, wsPrices).energyPj();
    }
}
