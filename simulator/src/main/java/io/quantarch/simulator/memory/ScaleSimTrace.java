package io.quantarch.simulator.memory;

import io.quantarch.simulator.array.Dataflow;
import io.quantarch.simulator.array.FoldPlan;

/**
 * The cycle spans SCALE-Sim v2 reports per operand in DETAILED_ACCESS_REPORT.csv, for one GEMM: SRAM reads from the
 * first to the last demand row (its read trace stamps a row one cycle late: row + 1), SRAM ofmap writes from the first
 * to the last output row (no offset), and, in CALC mode, the DRAM read spans of its bandwidth-estimating buffers
 * ({@link ScaleSimCalcBuffer#dramSpan}). DRAM ofmap writes and USER-mode DRAM spans are quantarch's estimate (the
 * output drain at the array width from the first output row; the reads' first prefetch before cycle 0 to the last
 * demand): {@code dramReadsExact} says whether the DRAM read spans are SCALE-Sim's (CALC mode).
 *
 * @param sram {start, stop} of ifmap reads, filter reads and ofmap writes
 * @param dram the same for DRAM
 * @param computeUtil SCALE-Sim's "Compute Util" ({@link FoldPlan#scaleSimComputeUtil}), a fraction
 */
public record ScaleSimTrace(long[][] sram, long[][] dram, boolean dramReadsExact, double computeUtil) {

    /**
     * @param stalls the run's stall cycles (USER mode): the traces stamp rows with the cycle after the stalls so far, so
     *               every stop cycle comes that much later
     */
    public static ScaleSimTrace of(FoldPlan p, OperandLayout layout, MemorySpec mem, long stalls) {
        boolean calc = mem.unlimitedBandwidth();
        long[] ifmap;
        long[] filter;
        CalcReplay replay = null;
        if (calc) {
            replay = CalcReplay.of(p, layout, mem);                       // the simulation's own pass, when it just ran
            ifmap = replay.ifmapRows();
            filter = replay.filterRows();
        } else {
            DemandStream demands = new DemandStream(p, layout);
            long[] i = {Long.MAX_VALUE, -1};
            long[] f = {Long.MAX_VALUE, -1};
            demands.ifmap((row, a) -> CalcReplay.span(i, row));
            demands.filter((row, a) -> CalcReplay.span(f, row));
            ifmap = i;
            filter = f;
        }
        long[] ofmap = ofmapRows(p);
        long[][] sram = {{ifmap[0] + 1, ifmap[1] + 1 + stalls}, {filter[0] + 1, filter[1] + 1 + stalls}, {ofmap[0], ofmap[1] + stalls}};
        long lastRow = p.folds() * p.cyclesPerFold() - 1 + stalls;
        long drain = ofmap[0] + (long) Math.ceil(mem.ofmapKb() * 1024 / 2 / p.array().cols());
        long[][] dram = calc ? new long[][] {replay.ifmapDramSpan(), replay.filterDramSpan(), {drain, lastRow + drain - ofmap[0]}}
                : new long[][] {{-(long) Math.ceil(mem.ifmapKb() * 512 / Math.max(1, mem.dramBytesPerCycle())), lastRow},
                        {-(long) Math.ceil(mem.filterKb() * 512 / Math.max(1, mem.dramBytesPerCycle())), lastRow},
                        {drain, lastRow + drain - ofmap[0]}};
        return new ScaleSimTrace(sram, dram, calc, p.scaleSimComputeUtil());
    }

    /**
     * First and last output rows: a fold's outputs leave after its streaming (OS: T - 1 rows, skewed along rows and
     * columns; WS and IS: 2R - 1 rows of stationary load and fill, skewed along columns); the last fold is the last
     * row fold of the last column fold.
     */
    static long[] ofmapRows(FoldPlan p) {
        long r = p.array().rows();
        long base = (p.folds() - 1) * p.cyclesPerFold();
        long colsUsed = p.colsUsed(p.colFolds() - 1);
        // OS outputs leave the last fold over all R rows, used or not (its demand matrix has R output rows per fold)
        return p.array().dataflow() == Dataflow.OS ? new long[] {p.t() - 1, base + p.t() - 1 + r - 1 + colsUsed - 1}
                : new long[] {2 * r - 1, base + 2 * r - 1 + p.t() - 1 + colsUsed - 1};
    }
}
