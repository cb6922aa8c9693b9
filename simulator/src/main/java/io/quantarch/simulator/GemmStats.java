package io.quantarch.simulator;

import io.quantarch.cost.actions.ActionCounts;

/**
 * What the array and memory did for one or more GEMMs: cycles, element counts per operand at each memory
 * level, the bytes they move in their formats, and every action in {@link ActionCounts}.
 */
public record GemmStats(long macs, long computeCycles, long stallCycles, double mappingEfficiency, long folds,
                        long sramIfmapReads, long sramFilterReads, long sramOfmapWrites, long sramOfmapReads,
                        long dramIfmapReads, long dramFilterReads, long dramOfmapWrites, long dramOfmapReads,
                        double dramIfmapBytes, double dramFilterBytes, double dramOfmapWriteBytes, double dramOfmapReadBytes,
                        ActionCounts actions) {

    public static final GemmStats ZERO = new GemmStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ActionCounts.EMPTY);

    public long totalCycles() {
        return computeCycles + stallCycles;
    }

    public double dramBytes() {
        return dramIfmapBytes + dramFilterBytes + dramOfmapWriteBytes + dramOfmapReadBytes;
    }

    /** {@code n} identical independent GEMMs run one after another. */
    public GemmStats times(long n) {
        return new GemmStats(macs * n, computeCycles * n, stallCycles * n, mappingEfficiency, folds * n,
                sramIfmapReads * n, sramFilterReads * n, sramOfmapWrites * n, sramOfmapReads * n,
                dramIfmapReads * n, dramFilterReads * n, dramOfmapWrites * n, dramOfmapReads * n,
                dramIfmapBytes * n, dramFilterBytes * n, dramOfmapWriteBytes * n, dramOfmapReadBytes * n, actions.times(n));
    }

    /** Two GEMMs run one after another; mapping efficiency is averaged over folds, as SCALE-Sim averages per fold. */
    public GemmStats plus(GemmStats o) {
        long f = folds + o.folds;
        double eff = f == 0 ? 0 : (mappingEfficiency * folds + o.mappingEfficiency * o.folds) / f;
        return new GemmStats(macs + o.macs, computeCycles + o.computeCycles, stallCycles + o.stallCycles, eff, f,
                sramIfmapReads + o.sramIfmapReads, sramFilterReads + o.sramFilterReads, sramOfmapWrites + o.sramOfmapWrites,
                sramOfmapReads + o.sramOfmapReads, dramIfmapReads + o.dramIfmapReads, dramFilterReads + o.dramFilterReads,
                dramOfmapWrites + o.dramOfmapWrites, dramOfmapReads + o.dramOfmapReads, dramIfmapBytes + o.dramIfmapBytes,
                dramFilterBytes + o.dramFilterBytes, dramOfmapWriteBytes + o.dramOfmapWriteBytes, dramOfmapReadBytes + o.dramOfmapReadBytes,
                actions.plus(o.actions));
    }
}
