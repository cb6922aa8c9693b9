package io.quantarch.simulator.memory;

import java.util.Arrays;

/**
 * SCALE-Sim v2's read buffer in bandwidth-estimation ("CALC") mode (read_buffer_estimate_bw.py), for DRAM read
 * counts: demanded addresses, in demand order, are put into sets of {@code floor(elements / 100)} distinct
 * addresses; an address already in the completed sets of the current window (up to 50 sets, i.e. half the
 * SRAM) or in the set being filled is a hit; any other address joins the current set and is one DRAM read.
 * When the 50th set of a window completes, the window starts over empty. Reads never stall in this mode.
 *
 * <p>Tracking the latest set id of every address is enough: an address re-enters a set only when the window
 * has moved past its previous set, and windows only move forward.
 */
public final class ScaleSimCalcBuffer {

    private final int itemsPerSet;
    private final int setsPerWindow;
    private final int[] latestSet;
    private int currentSet;
    private int inCurrentSet;
    private int windowStart;
    private int windowEnd;             // last set id of the window, inclusive
    private long dramReads;
    private long firstRow = -1;
    private long lastSwitchRow = -1;

    /**
     * @param sramElements buffer capacity in elements (SCALE-Sim's word is one byte: kB x 1024)
     * @param addressSpace one more than the largest address demanded
     */
    public ScaleSimCalcBuffer(long sramElements, long addressSpace) {
        this.itemsPerSet = (int) Math.max(1, sramElements / 100);
        this.setsPerWindow = 50;                       // active_buf_frac 0.5 of 100 sets
        this.latestSet = new int[Math.toIntExact(addressSpace)];
        Arrays.fill(latestSet, -1);
        this.windowStart = 0;
        this.windowEnd = setsPerWindow - 1;
    }

    /** A demand at demand row {@code row}: as {@link #demand(long)}, also noting when the window moves (the DRAM timeline). */
    public void demand(long row, long address) {
        if (firstRow < 0) {
            firstRow = row;
        }
        int before = windowStart;
        demand(address);
        if (windowStart != before) {
            lastSwitchRow = row;                       // the next half is fetched up to this cycle
        }
    }

    public void demand(long address) {
        int a = (int) address;
        int s = latestSet[a];
        if (s >= windowStart && s < Math.min(currentSet, windowEnd + 1)) {
            return;                                    // hit in the active window
        }
        if (s == currentSet) {
            return;                                    // already in the set being filled
        }
        latestSet[a] = currentSet;
        dramReads++;
        if (++inCurrentSet == itemsPerSet) {
            currentSet++;
            inCurrentSet = 0;
            if (currentSet == windowEnd + 1) {
                windowStart += setsPerWindow;
                windowEnd += setsPerWindow;
            }
        }
    }

    /**
     * SCALE-Sim's DRAM read span of this operand, {start, stop} cycles (read_buffer_estimate_bw.py): the first half is
     * fetched at 10 words per cycle, ending the cycle before the first demand when the operand outgrows it (50 sets)
     * or at cycle -1 with just the sets it used when it does not; each later half ends at the cycle that moved the
     * window there, so the span stops at the last such move (or at -1).
     */
    public long[] dramSpan() {
        boolean moved = lastSwitchRow >= 0;
        long end = moved ? firstRow - 1 : -1;
        long sets = moved ? setsPerWindow : currentSet + 1L;
        long cycles = (long) Math.ceil(sets * (double) itemsPerSet / 10);
        return new long[] {end - cycles + 1, moved ? lastSwitchRow + 1 : -1};   // the read trace stamps a cycle late, as the SRAM's
    }

    /** Every address that joined a set is fetched once from DRAM by the end of the layer. */
    public long dramReads() {
        return dramReads;
    }
}
