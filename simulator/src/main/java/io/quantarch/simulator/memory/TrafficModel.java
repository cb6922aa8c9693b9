package io.quantarch.simulator.memory;

import io.quantarch.simulator.OperandBits;
import io.quantarch.simulator.array.FoldPlan;

/**
 * quantarch's own (corrected) DRAM traffic and stall model for one GEMM on a double-buffered systolic array.
 *
 * <p>Folds run column-fold outer, row-fold inner (as in SCALE-Sim). Each operand block a fold needs is fetched
 * from DRAM unless it is still resident: an operand that fits its SRAM whole is fetched once (compulsory
 * traffic); otherwise it is fetched once per sweep of the fold loop over it. Capacity is counted in the
 * operand's own format (4-bit weights fit twice as many as 8-bit ones); a double-buffered SRAM keeps half for
 * the block being prefetched. Partial sums of WS/IS row folds accumulate in the ofmap SRAM (read-modify-write).
 * When one column fold's partial sums do not fit, the mapper either spills them to DRAM at accumulator width or
 * cuts the streamed dimension into tiles whose partial sums fit (each tile reloads the stationary operand and pays
 * the fold's fill and drain again; the stationary operand is refetched from DRAM per tile only if it does not
 * stay resident), whichever moves fewer DRAM bytes. Stalls: the first fold's operands
 * load before compute starts, after which transfers overlap compute; the array waits when the remaining
 * transfers take longer than the compute.
 */
public final class TrafficModel {

    /** DRAM element counts and bytes per operand, SRAM ofmap counts, and stall cycles. */
    public record Traffic(long dramIfmapReads, long dramFilterReads, long dramOfmapWrites, long dramOfmapReads,
                          double ifmapBytes, double filterBytes, double ofmapWriteBytes, double ofmapReadBytes,
                          long sramOfmapWrites, long sramOfmapReads, long stallCycles, long streamTiles, long computeCycles) { }

    private TrafficModel() {
    }

    /**
     * @param ifmapUnique distinct input elements (the input tensor for a convolution, M x K for a GEMM)
     */
    public static Traffic of(FoldPlan p, long ifmapUnique, OperandBits bits, MemorySpec mem) {
        double half = mem.doubleBuffered() ? 0.5 : 1.0;
        long capI = (long) (MemorySpec.capacity(mem.ifmapKb(), bits.ifmapBits()) * half);
        long capF = (long) (MemorySpec.capacity(mem.filterKb(), bits.filterBits()) * half);
        long capO = (long) (MemorySpec.capacity(mem.ofmapKb(), bits.psumBits()) * half);
        long m = p.m();
        long n = p.n();
        long k = p.k();
        int r = p.array().rows();
        int c = p.array().cols();
        long filterUnique = k * n;
        long ifmapPasses;
        long filterPasses;
        long psumBlock;                                // partial sums live per column fold (WS, IS)
        switch (p.array().dataflow()) {
            case OS -> {
                ifmapPasses = ifmapUnique <= capI ? 1 : p.colFolds();
                filterPasses = k * Math.min(c, n) <= capF ? 1 : p.rowFolds();
                psumBlock = 0;
            }
            case WS -> {
                ifmapPasses = ifmapUnique <= capI ? 1 : p.colFolds();
                filterPasses = 1;
                psumBlock = m * Math.min(c, n);
            }
            case IS -> {
                ifmapPasses = 1;
                filterPasses = filterUnique <= capF ? 1 : p.colFolds();
                psumBlock = Math.min(c, m) * n;
            }
            default -> throw new AssertionError();
        }
        long outputs = m * n;
        long rowFolds = p.rowFolds();
        long sramOfmapWrites = psumBlock == 0 ? outputs : outputs * rowFolds;
        long sramOfmapReads = psumBlock == 0 ? 0 : outputs * (rowFolds - 1);
        boolean overflow = psumBlock > 0 && rowFolds > 1 && psumBlock > capO;
        long tiles = 1;
        boolean spill = false;
        if (overflow) {
            // tile the streamed dimension (M for WS, N for IS) so that one tile's partial sums fit
            long streamed = p.array().dataflow() == io.quantarch.simulator.array.Dataflow.WS ? m : n;
            long perRow = psumBlock / streamed;
            long tileLen = Math.max(1, capO / perRow);
            long t = (streamed + tileLen - 1) / tileLen;
            double spillBytes = 2.0 * outputs * (rowFolds - 1) * bits.psumBits() / 8;
            double refetchBytes;
            if (p.array().dataflow() == io.quantarch.simulator.array.Dataflow.WS) {
                boolean resident = k * Math.min(c, n) <= capF;
                refetchBytes = resident ? 0 : (t - 1) * (double) filterUnique * bits.filterBits() / 8;
            } else {
                boolean resident = ifmapUnique <= capI;
                refetchBytes = resident ? 0 : (t - 1) * (double) ifmapUnique * bits.ifmapBits() / 8;
            }
            if (refetchBytes < spillBytes) {
                tiles = t;
                if (refetchBytes > 0) {
                    if (p.array().dataflow() == io.quantarch.simulator.array.Dataflow.WS) {
                        filterPasses = t;
                    } else {
                        ifmapPasses = t;
                    }
                }
            } else {
                spill = true;
            }
        }
        long computeCycles = p.computeCycles(tiles);
        long spilled = spill ? outputs * (rowFolds - 1) : 0;
        long dramI = ifmapUnique * ifmapPasses;
        long dramF = filterUnique * filterPasses;
        double ib = dramI * bits.ifmapBits() / 8;
        double fb = dramF * bits.filterBits() / 8;
        double ow = outputs * bits.ofmapBits() / 8 + spilled * bits.psumBits() / 8;
        double or = spilled * bits.psumBits() / 8;
        long stalls = 0;
        if (!mem.unlimitedBandwidth()) {
            double bw = mem.dramBytesPerCycle();
            long rk = (long) r * p.reductionLanes();              // reduction elements one fold's rows hold
            double fillElementsI;
            double fillElementsF;
            switch (p.array().dataflow()) {
                case OS -> {
                    fillElementsI = Math.min(r, m) * k;
                    fillElementsF = k * Math.min(c, n);
                }
                case WS -> {
                    fillElementsI = m * Math.min(rk, k);
                    fillElementsF = Math.min(rk, k) * Math.min(c, n);
                }
                default -> {
                    fillElementsI = Math.min(c, m) * Math.min(rk, k);
                    fillElementsF = Math.min(rk, k) * n;
                }
            }
            double fill = Math.min(ib, fillElementsI * bits.ifmapBits() / 8) + Math.min(fb, fillElementsF * bits.filterBits() / 8);
            double rest = ib + fb + ow + or - fill;
            double s = fill / bw + Math.max(0, rest / bw - computeCycles);
            stalls = (long) Math.ceil(s - 1e-9);
        }
        return new Traffic(dramI, dramF, outputs + spilled, spilled, ib, fb, ow, or, sramOfmapWrites, sramOfmapReads, stalls, tiles,
                computeCycles);
    }
}
