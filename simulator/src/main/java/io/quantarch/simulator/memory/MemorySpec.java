package io.quantarch.simulator.memory;

/**
 * On-chip buffers and the DRAM interface of a systolic accelerator.
 *
 * @param ifmapKb         input-activation SRAM capacity, kB (1024 bytes)
 * @param filterKb        weight SRAM capacity, kB
 * @param ofmapKb         output / partial-sum SRAM capacity, kB
 * @param dramBytesPerCycle DRAM bandwidth in bytes per array cycle; {@code Double.POSITIVE_INFINITY} for an
 *                        unconstrained interface (SCALE-Sim's CALC mode, which estimates the bandwidth needed)
 * @param doubleBuffered  whether each buffer is split in halves so the next tile loads while one computes
 * @param technology      DRAM technology, SRAM model and banks (pricing only: timing does not depend on it)
 */
public record MemorySpec(double ifmapKb, double filterKb, double ofmapKb, double dramBytesPerCycle, boolean doubleBuffered,
                         MemoryTechnology technology) {

    /** With the default memory technology (LPDDR4 DRAM, CACTI SRAM, banks by rule). */
    public MemorySpec(double ifmapKb, double filterKb, double ofmapKb, double dramBytesPerCycle, boolean doubleBuffered) {
        this(ifmapKb, filterKb, ofmapKb, dramBytesPerCycle, doubleBuffered, MemoryTechnology.DEFAULT);
    }

    public MemorySpec withTechnology(MemoryTechnology t) {
        return new MemorySpec(ifmapKb, filterKb, ofmapKb, dramBytesPerCycle, doubleBuffered, t);
    }

    public MemorySpec {
        java.util.Objects.requireNonNull(technology);
        if (!(ifmapKb > 0 && filterKb > 0 && ofmapKb > 0)) {
            throw new IllegalArgumentException("SRAM sizes must be positive kB");
        }
        if (!(dramBytesPerCycle > 0)) {
            throw new IllegalArgumentException("DRAM bandwidth must be positive bytes/cycle, got " + dramBytesPerCycle);
        }
    }

    public boolean unlimitedBandwidth() {
        return Double.isInfinite(dramBytesPerCycle);
    }

    /** Elements of {@code bits} each that fit in {@code kb} kilobytes. */
    public static long capacity(double kb, double bits) {
        return (long) Math.floor(kb * 1024 * 8 / bits);
    }
}
