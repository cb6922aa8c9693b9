package io.quantarch.simulator.memory;

import io.quantarch.simulator.array.FoldPlan;

/**
 * SCALE-Sim v2's memory system for one GEMM (double_buffered_scratchpad_mem.py), reproduced for its DRAM read
 * counts and stall cycles: one read buffer per operand walks the operand's demand stream; CALC mode
 * ({@link ScaleSimCalcBuffer}) never stalls, USER mode ({@link ScaleSimUserBuffer}) stalls row by row, the array
 * stalling for the longer of the operands' stalls in a cycle. Words are one byte, as in SCALE-Sim.
 */
public final class ScaleSimMemory {

    /** DRAM reads per operand (elements) and stall cycles. */
    public record Result(long dramIfmapReads, long dramFilterReads, long stallCycles) { }

    private ScaleSimMemory() {
    }

    public static Result run(FoldPlan plan, OperandLayout layout, MemorySpec mem) {
        DemandStream demands = new DemandStream(plan, layout);
        long ifmapElems = (long) (mem.ifmapKb() * 1024);
        long filterElems = (long) (mem.filterKb() * 1024);
        if (mem.unlimitedBandwidth()) {
            CalcReplay r = CalcReplay.of(plan, layout, mem);
            return new Result(r.dramIfmapReads(), r.dramFilterReads(), 0);
        }
        int bw = (int) Math.max(1, Math.floor(mem.dramBytesPerCycle()));
        Rows ifmap = Rows.collect(plan, demands::ifmap);
        Rows filter = Rows.collect(plan, demands::filter);
        ScaleSimUserBuffer ib = new ScaleSimUserBuffer(ifmapElems, bw, demands.ifmapFetchOrder(), layout.ifmapSpace());
        ScaleSimUserBuffer fb = new ScaleSimUserBuffer(filterElems, bw, demands.filterFetchOrder(), layout.filterSpace());
        long stalls = 0;
        long rows = plan.folds() * plan.cyclesPerFold();
        for (long i = 0; i < rows; i++) {
            long cycle = i + stalls;
            // every row is served, empty ones too: the first one starts the buffers' prefetch clock
            long s1 = ib.serve(cycle, ifmap.addresses, ifmap.start(i), ifmap.end(i));
            long s2 = fb.serve(cycle, filter.addresses, filter.start(i), filter.end(i));
            stalls += Math.max(s1, s2);
        }
        return new Result(ib.dramReads(), fb.dramReads(), stalls);
    }

    /** Demanded addresses grouped by demand row (CSR). */
    private static final class Rows {
        final long[] addresses;
        final int[] rowStart;

        private Rows(long[] addresses, int[] rowStart) {
            this.addresses = addresses;
            this.rowStart = rowStart;
        }

        static Rows collect(FoldPlan plan, java.util.function.Consumer<DemandStream.Sink> producer) {
            int rows = Math.toIntExact(plan.folds() * plan.cyclesPerFold());
            int[] count = new int[rows + 1];
            producer.accept((row, a) -> count[(int) row + 1]++);
            for (int i = 0; i < rows; i++) {
                count[i + 1] += count[i];
            }
            long[] addr = new long[count[rows]];
            int[] fill = java.util.Arrays.copyOf(count, rows);
            producer.accept((row, a) -> addr[fill[(int) row]++] = a);
            return new Rows(addr, count);
        }

        int start(long row) {
            return rowStart[(int) row];
        }

        int end(long row) {
            return rowStart[(int) row + 1];
        }
    }
}
