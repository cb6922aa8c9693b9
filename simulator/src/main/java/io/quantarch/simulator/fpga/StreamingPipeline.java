package io.quantarch.simulator.fpga;

import java.util.List;

/**
 * Matrix-vector units chained by FIFOs, stepped clock by clock: a source offers {@code frames} input vectors
 * ({@code sourceWordsPerCycle} elements per clock at most), a sink drains every output at once. Stages are stepped from
 * the last to the first, so an element written in one clock is seen downstream the next (registered FIFOs).
 * This is the cycle-level reference for the analytic dataflow model: steady-state cycles per frame equal the slowest
 * unit's folded cycles when FIFOs are deep enough, and the first frame's latency is bounded by the sum of the units'.
 */
public final class StreamingPipeline {

    /** Per-frame completion clocks at the sink, each FIFO's highest occupancy, and the outputs in order. */
    public record Run(long[] frameDone, int[] fifoMaxOccupancy, long[] outputs, long cycles) {
        /** Clocks between the last two frames' completion: the pipeline's initiation interval. */
        public long steadyStateInterval() {
            return frameDone.length < 2 ? frameDone[0] : frameDone[frameDone.length - 1] - frameDone[frameDone.length - 2];
        }
    }

    private StreamingPipeline() {
    }

    public static Run run(List<CycleSteppedMvau> stages, long[][] frames, int fifoDepth, int sourceWordsPerCycle, long maxCycles) {
        int n = stages.size();
        int outPerFrame = stages.get(n - 1).mh();
        CycleSteppedMvau.Fifo[] fifos = new CycleSteppedMvau.Fifo[n + 1];
        for (int i = 0; i <= n; i++) {
            fifos[i] = new CycleSteppedMvau.Fifo(i == n ? outPerFrame * frames.length : fifoDepth);   // the sink never blocks
        }
        long[] outputs = new long[frames.length * outPerFrame];
        long[] done = new long[frames.length];
        int produced = 0;
        int frame = 0;
        int element = 0;
        long cycle = 0;
        while (produced < outputs.length) {
            if (++cycle > maxCycles) {
                throw new IllegalStateException("pipeline did not finish in " + maxCycles + " cycles (deadlock?)");
            }
            for (int s = n - 1; s >= 0; s--) {
                stages.get(s).step(fifos[s], fifos[s + 1]);
            }
            while (fifos[n].size() > 0) {
                outputs[produced++] = fifos[n].pop();
                if (produced % outPerFrame == 0) {
                    done[produced / outPerFrame - 1] = cycle;
                }
            }
            for (int w = 0; w < sourceWordsPerCycle && frame < frames.length && fifos[0].room() > 0; w++) {
                fifos[0].push(frames[frame][element]);
                if (++element == frames[frame].length) {
                    element = 0;
                    frame++;
                }
            }
        }
        int[] occupancy = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            occupancy[i] = fifos[i].maxOccupancy();
        }
        return new Run(done, occupancy, outputs, cycle);
    }
}
