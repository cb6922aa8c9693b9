package io.quantarch.simulator;

import io.quantarch.simulator.array.ArraySpec;
import io.quantarch.simulator.array.Dataflow;
import io.quantarch.simulator.memory.MemorySpec;
import io.quantarch.workloads.layer.Gemm;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a column fold's partial sums overflow the output buffer: tile the stream or spill, whichever moves fewer DRAM bytes. */
class PsumTilingTest {

    static GemmStats run(int rows, int cols, Dataflow d, double ifmapKb, double filterKb, double ofmapKb, long m, long n, long k) {
        Architecture a = Architecture.DEFAULT.withArray(new ArraySpec(rows, cols, d))
                .withMemory(new MemorySpec(ifmapKb, filterKb, ofmapKb, Double.POSITIVE_INFINITY, true));
        return Simulator.layer(a, new Gemm("g", m, n, k, false), Simulator.defaultInt8Policy(), Fidelity.ANALYTIC).gemm();
    }

    @Test
    void residentWeightsTileTheStreamInsteadOfSpillingPartialSums() {
        // WS, 32x32, M=1024: one column fold's partial sums are 1024 x 32 x 4 B = 128 kB > half of a 16 kB ofmap SRAM
        GemmStats s = run(32, 32, Dataflow.WS, 256, 64, 16, 1024, 64, 256);
        long folds = (256 / 32) * (64 / 32);
        long tiles = 1024 / ((16 * 1024 / 4 / 2) / 32);                          // 64-row tiles -> 16
        // pipelined folds: 16 folds x 16 tiles of 64 streamed rows (>= R) follow each other, then one load and one skew
        assertEquals(32 + folds * tiles * 64 + 32 + 32 - 2, s.computeCycles());
        assertEquals(256L * 64, s.dramFilterReads(), "the column fold's weights stay resident: fetched once");
        assertEquals(1024L * 64, s.dramOfmapWrites(), "no partial sum leaves the chip");
        assertEquals(0, s.dramOfmapReads());
        assertEquals(256L * 64 * tiles, s.sramFilterReads(), "weights reload into the array per tile");
    }

    @Test
    void whenWeightsWouldBeRefetchedPerTileSpillingIsCheaperAndChosen() {
        // 1 kB filter SRAM: weights cannot stay resident; a 0.25 kB ofmap SRAM holds 32 partial sums -> 64 one-row tiles
        long m = 64;
        long n = 32;
        long k = 1024;
        GemmStats s = run(32, 32, Dataflow.WS, 256, 1, 0.25, m, n, k);
        long rowFolds = k / 32;
        double spill = 2.0 * m * n * (rowFolds - 1) * 4;
        double refetch = (m - 1.0) * k * n;
        assertTrue(spill < refetch);
        assertEquals(m * n * rowFolds, s.dramOfmapWrites(), "final outputs plus spilled partial sums");
        assertEquals(m * n * (rowFolds - 1), s.dramOfmapReads());
        assertEquals(32 + rowFolds * m + 32 + 32 - 2, s.computeCycles(), "untiled, pipelined folds");
    }

    /** DRAM never moves less than each operand once, and exactly that when everything fits. */
    @Property(tries = 300)
    void dramTrafficIsAtLeastCompulsoryAndExactlySoWithLargeBuffers(@ForAll Dataflow d, @ForAll @IntRange(min = 1, max = 32) int rows,
                                                                    @ForAll @IntRange(min = 1, max = 32) int cols,
                                                                    @ForAll @IntRange(min = 1, max = 300) int m,
                                                                    @ForAll @IntRange(min = 1, max = 300) int n,
                                                                    @ForAll @IntRange(min = 1, max = 300) int k,
                                                                    @ForAll @IntRange(min = 1, max = 64) int kb) {
        // the policy's storage widths (INT8, weights with their amortised per-channel scales)
        OperandBits b = Simulator.bits(Simulator.defaultInt8Policy().forLayer("g"), null, Architecture.DEFAULT);
        double compulsory = ((double) m * k * b.ifmapBits() + (double) k * n * b.filterBits() + (double) m * n * b.ofmapBits()) / 8;
        GemmStats small = run(rows, cols, d, kb / 8.0, kb / 8.0, kb / 8.0, m, n, k);
        assertTrue(small.dramBytes() >= compulsory - 1e-9, small.dramBytes() + " < " + compulsory);
        GemmStats large = run(rows, cols, d, 4096, 4096, 4096, m, n, k);
        assertEquals(compulsory, large.dramBytes(), 1e-9);
    }
}
