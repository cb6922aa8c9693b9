package io.quantarch.simulator;

import io.quantarch.simulator.array.ArraySpec;
import io.quantarch.simulator.array.Dataflow;
import io.quantarch.simulator.array.FoldPlan;
import io.quantarch.simulator.memory.MemorySpec;
import io.quantarch.simulator.memory.TrafficModel;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.layer.Workload;
import io.quantarch.workloads.zoo.Zoo;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Timing with pipelined folds ({@code compat: none}): a layer's cycles are at least its compute bound and its DRAM bound,
 * and at most their sum plus one fill/drain; a decode step is DRAM-bound, not fold-overhead-bound.
 */
class PipelinedTimingTest {

    /**
     * compute bound = the array's pipelined bound (each fold-tile's max(T, R)); DRAM bound = bytes / bandwidth; fill/drain =
     * the first stationary load and one wavefront skew.
     */
    @Property(tries = 400)
    void cyclesLieBetweenTheBoundsAndTheirSum(@ForAll Dataflow d, @ForAll @IntRange(min = 1, max = 64) int rows,
                                              @ForAll @IntRange(min = 1, max = 64) int cols, @ForAll @IntRange(min = 1, max = 2000) int m,
                                              @ForAll @IntRange(min = 1, max = 2000) int n, @ForAll @IntRange(min = 1, max = 2000) int k,
                                              @ForAll @IntRange(min = 1, max = 512) int kb, @ForAll @IntRange(min = 1, max = 256) int bytesPerCycle) {
        MemorySpec mem = new MemorySpec(kb, kb, kb / 4.0, bytesPerCycle, true);
        FoldPlan p = FoldPlan.of(new ArraySpec(rows, cols, d), m, n, k);
        OperandBits bits = new OperandBits(8, 8, 8, 32);
        long ifmapUnique = (long) m * k;
        TrafficModel.Traffic t = TrafficModel.of(p, ifmapUnique, bits, mem);
        long bound = p.pipelinedBound(t.streamTiles());
        long cycles = t.computeCycles() + t.stallCycles();
        double dram = (t.ifmapBytes() + t.filterBytes() + t.ofmapWriteBytes() + t.ofmapReadBytes()) / bytesPerCycle;
        assertTrue(t.computeCycles() >= bound && t.computeCycles() <= bound + p.fillDrain(), t.computeCycles() + " vs bound " + bound);
        assertTrue(cycles >= bound && cycles >= Math.floor(dram), cycles + " below a bound: " + bound + ", " + dram);
        assertTrue(cycles <= bound + dram + p.fillDrain() + 1, cycles + " above " + bound + " + " + dram + " + " + p.fillDrain());
        // never slower than the same folds run one after another, never faster than every PE busy every cycle
        assertTrue(t.computeCycles() <= p.computeCycles(t.streamTiles()));
        assertTrue(t.computeCycles() >= (p.macs() + (long) rows * cols - 1) / ((long) rows * cols));
    }

    /**
     * LLaMA-2-7B, one decoder block at decode (M = 1): on the default 32x32 weight-stationary INT8 array at 32 B/cycle the
     * block takes within 10% of max(compute bound, DRAM bound). With folds run one after another it took 20.4 M cycles,
     * three times its 6.9 M-cycle DRAM bound (the 1,024-MAC fold cost 95 cycles: 2R + C + T - 2).
     */
    @Test
    void aDecodeBlockIsBoundByDramNotByFoldOverhead() {
        Workload w = Zoo.byName("llama2_7b,phase=decode");
        Architecture a = Architecture.DEFAULT;
        long cycles = 0;
        long compute = 0;
        double bytes = 0;
        for (Layer l : w.layers()) {
            if (!l.name().startsWith("model.layers.0.")) {
                continue;
            }
            LayerResult r = Simulator.layer(a, l, Simulator.defaultInt8Policy(), Fidelity.ANALYTIC);
            cycles += r.totalCycles();
            compute += r.gemm().computeCycles() + r.vectorCycles();
            bytes += r.gemm().dramBytes();
        }
        double dramBound = bytes / a.memory().dramBytesPerCycle();
        double bound = Math.max(compute, dramBound);
        System.out.printf("LLaMA-2-7B decode block: %d cycles, compute %d, DRAM bound %.0f%n", cycles, compute, dramBound);
        assertTrue(cycles >= dramBound);
        assertTrue(cycles <= 1.10 * bound, cycles + " vs " + bound);
        assertEquals(6.9e6, cycles, 0.1e6);
    }
}
