package io.quantarch.simulator.nest;

import io.quantarch.simulator.Architecture;
import io.quantarch.simulator.Fidelity;
import io.quantarch.simulator.GemmStats;
import io.quantarch.simulator.Simulator;
import io.quantarch.simulator.array.ArraySpec;
import io.quantarch.simulator.array.Dataflow;
import io.quantarch.simulator.memory.MemorySpec;
import io.quantarch.workloads.layer.Gemm;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * quantarch's weight-stationary systolic array written as a loop-nest hierarchy: DRAM; the input, weight and output
 * SRAMs (one data space each); an R x C mesh of PEs with a weight, an input and an accumulator register. The fold loop
 * is a mapping: column folds (N) outside row folds (K) at the SRAMs, K on the rows and N on the columns of the mesh, M
 * streamed at the PE. On GEMMs that fold evenly and fit the buffers, the nest model's SRAM and DRAM counts equal the
 * analytic model's. (M >= 2: with a single streamed row the nest keeps the one partial sum in the PE's register across
 * row folds, since nothing inside the fold loop moves it, where the array drains it down the column every fold.)
 */
class NestSystolicTest {

    static NestArchitecture.Storage level(String name, long depth, long instances) {
        return new NestArchitecture.Storage(name, depth < 0 ? "DRAM" : "SRAM", "", depth, 64, 8, Map.of(), instances, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1, 45, Map.of());
    }

    @Property(tries = 60)
    void weightStationaryFoldsAreALoopNest(@ForAll @IntRange(min = 1, max = 8) int rows, @ForAll @IntRange(min = 1, max = 8) int cols,
                                           @ForAll @IntRange(min = 2, max = 40) int m, @ForAll @IntRange(min = 1, max = 4) int rowFolds,
                                           @ForAll @IntRange(min = 1, max = 4) int colFolds) {
        long k = (long) rows * rowFolds;
        long n = (long) cols * colFolds;
        long pes = (long) rows * cols;
        NestArchitecture a = new NestArchitecture(List.of(level("DRAM", -1, 1), level("ifmap_sram", 1 << 20, 1), level("filter_sram", 1 << 20, 1),
                level("ofmap_sram", 1 << 20, 1), level("weight_reg", 1, pes), level("input_reg", 1, pes), level("acc_reg", 1, pes)),
                new NestArchitecture.Arithmetic("mac", "intmac", pes, 45, Map.of()), List.of(new NestArchitecture.Fanout("PE", rows, cols, 4)));
        NestProblem p = LayerProblems.of(new Gemm("g", m, n, k, false));
        int dm = 4;                                                          // a GEMM is a 1x1 convolution: N rows, M columns, C reduction
        int dn = 1;
        int dk = 0;
        List<NestMapping.Loop> none = List.of();
        NestMapping map = new NestMapping(List.of(
                new NestMapping.Level(none, none, none, Set.of("Weights", "Inputs", "Outputs")),
                new NestMapping.Level(none, none, none, Set.of("Inputs")),
                new NestMapping.Level(none, none, none, Set.of("Weights")),
                new NestMapping.Level(List.of(new NestMapping.Loop(dn, colFolds), new NestMapping.Loop(dk, rowFolds)),
                        List.of(new NestMapping.Loop(dk, rows)), List.of(new NestMapping.Loop(dn, cols)), Set.of("Outputs")),
                new NestMapping.Level(List.of(new NestMapping.Loop(dm, m)), none, none, Set.of("Weights")),
                new NestMapping.Level(none, none, none, Set.of("Inputs")),
                new NestMapping.Level(none, none, none, Set.of("Outputs"))));
        NestCounts c = NestModel.analyze(p, a, map);
        Architecture sys = Architecture.DEFAULT.withArray(new ArraySpec(rows, cols, Dataflow.WS))
                .withMemory(new MemorySpec(4096, 4096, 4096, Double.POSITIVE_INFINITY, true));
        GemmStats g = Simulator.layer(sys, new Gemm("g", m, n, k, false), Simulator.defaultInt8Policy(), Fidelity.ANALYTIC).gemm();
        assertEquals(g.sramFilterReads(), row(c, "filter_sram", "Weights").reads(), "weight SRAM reads: K x N, once");
        assertEquals(g.sramIfmapReads(), row(c, "ifmap_sram", "Inputs").reads(), "input SRAM reads: M x K per column fold");
        assertEquals(g.sramOfmapWrites(), row(c, "ofmap_sram", "Outputs").updates(), "output SRAM writes: M x N per row fold");
        assertEquals(g.sramOfmapReads(), row(c, "ofmap_sram", "Outputs").reads(), "partial-sum reads: M x N per row fold after the first");
        assertEquals(g.dramFilterReads(), row(c, "DRAM", "Weights").reads());
        assertEquals(g.dramIfmapReads(), row(c, "DRAM", "Inputs").reads());
        assertEquals(g.dramOfmapWrites(), row(c, "DRAM", "Outputs").updates());
    }

    static NestCounts.Row row(NestCounts c, String level, String ds) {
        return c.levels().stream().filter(r -> r.levelName().equals(level) && r.dataSpace().equals(ds)).findFirst().orElseThrow();
    }
}
