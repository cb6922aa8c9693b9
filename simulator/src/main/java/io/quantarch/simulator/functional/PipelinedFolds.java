package io.quantarch.simulator.functional;

import io.quantarch.simulator.array.Dataflow;

/**
 * Cycle-stepped timing of pipelined folds, the reference {@link io.quantarch.simulator.array.FoldPlan#pipelinedCycles}
 * is checked against. It steps one cycle at a time through the two things a fold-tile needs: the streaming port (one
 * streamed step per cycle) and the PEs' second register bank (WS/IS: the next stationary block shifts in one row per
 * cycle, R cycles; OS: the finished fold's accumulators shift out one row per cycle, R cycles, while the next computes).
 * A fold-tile starts streaming when the previous one has fed its last step and its own stationary block is in (WS/IS),
 * or when the bank the previous fold drains into is free (OS). The run ends when the last step has crossed the array
 * ({@code R + C - 2} cycles of skew after it enters).
 */
public final class PipelinedFolds {

    private PipelinedFolds() {
    }

    /**
     * @param steps streamed steps of each fold-tile, in execution order
     */
    public static long cycles(Dataflow d, int rows, int cols, long[] steps) {
        boolean preload = d != Dataflow.OS;
        long cycle = 0;
        int active = -1;               // fold-tile streaming
        long fed = 0;                  // steps it has fed
        int banked = preload ? 0 : -1; // WS/IS: fold-tile whose block is loading or loaded in the second bank; OS: fold draining
        long bankCycles = 0;           // rows shifted so far for it
        boolean started = false;
        while (true) {
            // the second bank works this cycle (a load or a drain of one row)
            boolean bankBusy = banked >= 0 && banked < steps.length && bankCycles < rows;
            // start the next fold-tile when the port is free and its requirement is met
            if (active < 0 || fed == steps[active]) {
                int next = active + 1;
                if (next == steps.length) {
                    return cycle + rows + cols - 2;                       // last step entered one cycle ago; the wavefront drains
                }
                boolean ready = preload ? banked == next && bankCycles >= rows : !bankBusy || banked < 0;
                if (ready) {
                    if (!preload && active >= 0) {
                        banked = active;                                  // the finished fold's accumulators start draining
                        bankCycles = 0;
                        bankBusy = true;
                    }
                    active = next;
                    fed = 0;
                    started = true;
                    if (preload) {
                        banked = next + 1;                                // its bank is active now; the next block loads behind it
                        bankCycles = 0;
                        bankBusy = banked < steps.length;
                    }
                }
            }
            if (started && active >= 0 && fed < steps[active]) {
                fed++;
            }
            if (bankBusy) {
                bankCycles++;
            }
            cycle++;
        }
    }
}
