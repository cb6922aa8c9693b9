package io.quantarch.simulator.attention;

/**
 * The attention accelerator's datapath widths: multipliers shared by Q.K^T and A.V, softmax lanes (one exponential
 * per lane per cycle), DRAM bytes per cycle, the top-k engine, and the clock. A decode step of one layer takes
 * {@code max(fetch, compute) + top-k} cycles (the fetch of the kept K/V rows overlaps the arithmetic; the next layer
 * cannot start fetching before the top-k engine has decided which tokens survive).
 */
public record AttentionHardware(int multipliers, int softmaxLanes, double dramBytesPerCycle, TopKEngine topK, double clockGhz) {

    /**
     * The study's accelerator (assumed, not SpAtten's exact datapath): 512 multipliers, 64 softmax lanes, HBM-class DRAM at
     * 512 B/cycle (512 GB/s at 1 GHz), a 16-comparator top-k engine with 2 pipeline stages. Balanced so that dense fp32
     * decoding is bound by K/V reads, as SpAtten observes for generation.
     */
    /**
     * Bits of the scale that travels with every quantized K or V row of one token and head: FP16, as stored beside the
     * codes (at head size 8, an INT8 row moves 8 x 8 + 16 = 80 bits, 10 per element).
     */
    public static final int SCALE_BITS = 16;

    public static final AttentionHardware SPATTEN = new AttentionHardware(512, 64, 512, new TopKEngine(16, 2), 1.0);

    public AttentionHardware {
        if (multipliers < 1 || softmaxLanes < 1 || !(dramBytesPerCycle > 0) || !(clockGhz > 0)) {
            throw new IllegalArgumentException("attention hardware widths and clock must be positive");
        }
    }

    long stepCycles(long bits, long macs, long exps, long topKCycles) {
        long fetch = (long) Math.ceil(bits / 8.0 / dramBytesPerCycle);
        long compute = (macs + multipliers - 1) / multipliers + (exps + softmaxLanes - 1) / softmaxLanes;
        return Math.max(fetch, compute) + topKCycles;
    }

    /** Prefill of a window: every layer reads its K/V rows once and computes every query; layers run one after another. */
    public long prefillCycles(AttentionCounts c) {
        return stepCycles(c.prefillKvBits(), c.prefillMacs(), c.exps(), c.topKCycles());
    }
}
