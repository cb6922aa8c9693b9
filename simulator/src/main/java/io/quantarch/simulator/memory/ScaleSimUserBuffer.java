package io.quantarch.simulator.memory;

import java.util.Arrays;

/**
 * SCALE-Sim v2's read buffer with a user-given DRAM bandwidth ("USER" mode; read_buffer.py, as described in
 * reference/scalesim README "Memory model"): the operand's fetch order is cut into sets of
 * {@code ceil(elements / 100)}; 50 sets (half the SRAM) are active. A demanded address outside the active sets
 * triggers a prefetch: the window moves on by one buffer-half (wrapping around the operand, so a second pass
 * refetches) and a request of {@code ceil(half / bw)} lines of {@code bw} words is issued the cycle after the
 * previous one ended, one line per cycle with a latency of one; if it ends after the current cycle, the array
 * stalls for the difference. DRAM reads count whole requests (lines x bw). The first half is fetched before
 * cycle 0 at no cost.
 */
public final class ScaleSimUserBuffer {

    private static final int LATENCY = 1;

    private final int bw;
    private final int numSets;
    private final int activeSets;
    private final int prefetchSets;
    private final long prefetchLines;
    // sets containing each address, CSR: setsOf[start[a] .. start[a+1])
    private final int[] setStart;
    private final int[] setsOf;
    private int activeStart;
    private int activeEnd;
    private long lastPrefetchCycle;
    private long dramReads;
    private boolean started;

    /**
     * @param sramElements buffer capacity in elements
     * @param bandwidth    DRAM words per cycle
     * @param fetchOrder   the operand's fetch order, -1 for empty slots
     * @param addressSpace one more than the largest address
     */
    public ScaleSimUserBuffer(long sramElements, int bandwidth, long[] fetchOrder, long addressSpace) {
        this.bw = bandwidth;
        long activeSize = (sramElements + 1) / 2;                 // ceil(elements * 0.5)
        long prefetchSize = sramElements - activeSize;
        int perSet = (int) Math.max(1, (sramElements + 99) / 100);
        int valid = 0;
        for (long a : fetchOrder) {
            if (a >= 0) {
                valid++;
            }
        }
        this.numSets = valid / perSet + 1;                         // the last set may be empty, as in SCALE-Sim
        this.activeSets = (int) Math.min((activeSize + perSet - 1) / perSet, numSets);
        this.prefetchSets = (int) Math.min((prefetchSize + perSet - 1) / perSet, numSets - activeSets);
        this.prefetchLines = (prefetchSize + bw - 1) / bw;
        int space = Math.toIntExact(addressSpace);
        int[] count = new int[space + 1];
        for (long a : fetchOrder) {
            if (a >= 0) {
                count[(int) a + 1]++;
            }
        }
        for (int i = 0; i < space; i++) {
            count[i + 1] += count[i];
        }
        this.setStart = count.clone();
        this.setsOf = new int[valid];
        int[] fill = Arrays.copyOf(count, space);
        int k = 0;
        for (long a : fetchOrder) {
            if (a >= 0) {
                int set = k++ / perSet;
                int ai = (int) a;
                int at = fill[ai];
                if (at == setStart[ai] || setsOf[at - 1] != set) {   // sets are visited in order: skip repeats
                    setsOf[at] = set;
                    fill[ai]++;
                }
            }
        }
        // compact away the skipped slots is unnecessary: lookups use [start, fill) ranges
        this.fillEnd = fill;
        long fetchRows = (fetchOrder.length + bw - 1) / bw;
        long initialLines = Math.min((activeSize + bw - 1) / bw, fetchRows);
        this.dramReads = initialLines * bw;
        this.activeStart = 0;
        this.activeEnd = activeSets;
    }

    private final int[] fillEnd;

    /**
     * Serves the demands of one cycle; returns the stall cycles they cause.
     *
     * @param cycle the array's cycle for this demand row (row index + stalls so far)
     */
    public long serve(long cycle, long[] addresses, int from, int to) {
        if (!started) {
            lastPrefetchCycle = cycle - 1;                         // the active half arrived just before
            started = true;
        }
        long offset = LATENCY;
        for (int i = from; i < to; i++) {
            int a = (int) addresses[i];
            int guard = 0;
            while (!hit(a)) {
                prefetch();
                long potential = lastPrefetchCycle - (cycle + offset);
                if (potential > 0) {
                    offset += potential;
                }
                if (++guard > numSets + 2) {
                    throw new IllegalStateException("address " + a + " is not in the fetch order");
                }
            }
        }
        return offset - LATENCY;
    }

    private boolean hit(int a) {
        for (int i = setStart[a]; i < fillEnd[a]; i++) {
            int s = setsOf[i];
            boolean in = activeStart < activeEnd ? s >= activeStart && s < activeEnd : s >= activeStart || s < activeEnd;
            if (in) {
                return true;
            }
        }
        return false;
    }

    private void prefetch() {
        if (prefetchSets == 0) {
            throw new IllegalStateException("miss with the whole operand resident");
        }
        activeStart = (activeStart + prefetchSets) % numSets;
        activeEnd = (activeStart + activeSets) % numSets;
        dramReads += prefetchLines * bw;
        lastPrefetchCycle += prefetchLines + LATENCY;
    }

    public long dramReads() {
        return dramReads;
    }
}
