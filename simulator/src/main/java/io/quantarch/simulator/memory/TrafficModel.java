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
 * one more stationary load; the stationary operand is refetched from DRAM per tile only if it does not
 * stay resident), whichever moves fewer DRAM bytes. Compute cycles pipeline the folds ({@link FoldPlan#pipelinedCycles}).
 * Stalls: the first fold's operands
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
        // passes over each operand and the partial-sum block of one column fold (WS, IS; none for OS)
        long[] passes = switch (p.array().dataflow()) {
            case OS -> new long[] {ifmapUnique <= capI ? 1 : p.colFolds(), k * Math.min(c, n) <= capF ? 1 : p.rowFolds(), 0};
            case WS -> new long[] {ifmapUnique <= capI ? 1 : p.colFolds(), 1, m * Math.min(c, n)};
            case IS -> new long[] {1, filterUnique <= capF ? 1 : p.colFolds(), Math.min(c, m) * n};
        };
        long ifmapPasses = passes[0];
        long filterPasses = passes[1];
        long psumBlock = passes[2];
        long outputs = m * n;
        long rowFolds = p.rowFolds();
        long sramOfmapWrites = psumBlock == 0 ? outputs : outputs * rowFolds;
        long sramOfmapReads = psumBlock == 0 ? 0 : outputs * (rowFolds - 1);
        // tile the streamed dimension when one column fold's partial sums overflow, unless spilling them moves fewer bytes
        long tiles = psumBlock > 0 && rowFolds > 1 && psumBlock > capO
                ? streamTiles(p, ifmapUnique, bits, psumBlock, capI, capF, capO) : 1;
        boolean spill = tiles == 0;
        tiles = Math.max(1, tiles);
        if (tiles > 1 && !resident(p, ifmapUnique, capI, capF)) {
            if (p.array().dataflow() == io.quantarch.simulator.array.Dataflow.WS) {
                filterPasses = tiles;
            } else {
                ifmapPasses = tiles;
            }
        }
        long computeCycles = p.pipelinedCycles(tiles);
        long spilled = spill ? outputs * (rowFolds - 1) : 0;
        long dramI = ifmapUnique * ifmapPasses;
        long dramF = filterUnique * filterPasses;
        double ib = dramI * bits.ifmapBits() / 8;
        double fb = dramF * bits.filterBits() / 8;
        double ow = outputs * bits.ofmapBits() / 8 + spilled * bits.psumBits() / 8;
        double or = spilled * bits.psumBits() / 8;
        long stalls = stalls(p, bits, mem, ib, fb, ow + or, computeCycles);
        return new Traffic(dramI, dramF, outputs + spilled, spilled, ib, fb, ow, or, sramOfmapWrites, sramOfmapReads, stalls, tiles,
                computeCycles);
    }

    /** Whether the operand a tiled stream reloads (WS: weights, IS: inputs) stays resident in its SRAM. */
    private static boolean resident(FoldPlan p, long ifmapUnique, long capI, long capF) {
        return p.array().dataflow() == io.quantarch.simulator.array.Dataflow.WS ? p.k() * Math.min(p.array().cols(), p.n()) <= capF
                : ifmapUnique <= capI;
    }

    /**
     * Stream tiles so that one tile's partial sums fit the output buffer (M for WS, N for IS), or 0 when spilling the
     * partial sums to DRAM at accumulator width moves fewer bytes than refetching the reloaded operand per tile.
     */
    private static long streamTiles(FoldPlan p, long ifmapUnique, OperandBits bits, long psumBlock, long capI, long capF, long capO) {
        boolean ws = p.array().dataflow() == io.quantarch.simulator.array.Dataflow.WS;
        long streamed = ws ? p.m() : p.n();
        long perRow = psumBlock / streamed;
        long tileLen = Math.max(1, capO / perRow);
        long t = (streamed + tileLen - 1) / tileLen;
        double spillBytes = 2.0 * p.m() * p.n() * (p.rowFolds() - 1) * bits.psumBits() / 8;
        double refetchBytes = resident(p, ifmapUnique, capI, capF) ? 0
                : ws ? (t - 1) * (double) p.k() * p.n() * bits.filterBits() / 8 : (t - 1) * (double) ifmapUnique * bits.ifmapBits() / 8;
        return refetchBytes < spillBytes ? t : 0;
    }

    /**
     * Bandwidth stalls: the first fold's operands load before compute starts; the rest of the traffic overlaps compute and
     * stalls the array only when it takes longer.
     */
    private static long stalls(FoldPlan p, OperandBits bits, MemorySpec mem, double ib, double fb, double out, long computeCycles) {
        if (mem.unlimitedBandwidth()) {
            return 0;
        }
        long m = p.m();
        long n = p.n();
        long k = p.k();
        int r = p.array().rows();
        int c = p.array().cols();
        double bw = mem.dramBytesPerCycle();
        long rk = (long) r * p.reductionLanes();              // reduction elements one fold's rows hold
        // elements of each operand the first fold needs before it can start
        double[] firstFold = switch (p.array().dataflow()) {
            case OS -> new double[] {Math.min(r, m) * k, k * Math.min(c, n)};
            case WS -> new double[] {m * Math.min(rk, k), Math.min(rk, k) * Math.min(c, n)};
            case IS -> new double[] {Math.min(c, m) * Math.min(rk, k), Math.min(rk, k) * n};
        };
        double fill = Math.min(ib, firstFold[0] * bits.ifmapBits() / 8) + Math.min(fb, firstFold[1] * bits.filterBits() / 8);
        double rest = ib + fb + out - fill;
        double s = fill / bw + Math.max(0, rest / bw - computeCycles);
        return (long) Math.ceil(s - 1e-9);
    }
}
