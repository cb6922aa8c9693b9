package io.quantarch.simulator.fpga;

import java.util.function.LongUnaryOperator;

/**
 * A matrix-vector unit stepped one clock at a time, as finn-hlslib's streaming MVAU runs: for each input vector,
 * {@code NF = MH / PE} neuron folds of {@code SF = MW / SIMD} synapse folds; during the first neuron fold each cycle
 * reads one SIMD-wide input word from the input FIFO into the input buffer (later folds reuse it); every cycle each
 * of the PE lanes multiplies SIMD weights by SIMD inputs and adds them to its accumulator; after the last synapse
 * fold the PE results go, through the output quantizer, to the output FIFO. A cycle stalls, doing nothing, when its
 * input word has not arrived or the output FIFO has no room. PE lane {@code p} in neuron fold {@code nf} computes
 * output {@code nf x PE + p}.
 */
public final class CycleSteppedMvau {

    private final int mw;
    private final int mh;
    private final int pe;
    private final int simd;
    private final long[] weights;                 // [mh][mw]
    private final LongUnaryOperator outputQuantizer;
    private final long[] inputBuffer;
    private final long[] accumulators;
    private int sf;
    private int nf;
    private long busyCycles;
    private long stallCycles;
    private long vectorsDone;

    public CycleSteppedMvau(int mw, int mh, Folding f, long[] weights, LongUnaryOperator outputQuantizer) {
        if (mh % f.pe() != 0 || mw % f.simd() != 0 || weights.length != mw * mh) {
            throw new IllegalArgumentException("MVAU " + mh + "x" + mw + " with PE " + f.pe() + ", SIMD " + f.simd() + ": shapes do not fold");
        }
        this.mw = mw;
        this.mh = mh;
        this.pe = f.pe();
        this.simd = f.simd();
        this.weights = weights.clone();
        this.outputQuantizer = outputQuantizer;
        this.inputBuffer = new long[mw];
        this.accumulators = new long[pe];
    }

    /** One clock: does this cycle's work if its input word and output room are there, else counts a stall. */
    public void step(Fifo in, Fifo out) {
        boolean needsInput = nf == 0;
        boolean writes = sf == mw / simd - 1;
        if (needsInput && in.size() < simd || writes && out.room() < pe) {
            stallCycles++;
            return;
        }
        int base = sf * simd;
        if (needsInput) {
            for (int s = 0; s < simd; s++) {
                inputBuffer[base + s] = in.pop();
            }
        }
        for (int p = 0; p < pe; p++) {
            int row = (nf * pe + p) * mw + base;
            long acc = accumulators[p];
            for (int s = 0; s < simd; s++) {
                acc += weights[row + s] * inputBuffer[base + s];
            }
            accumulators[p] = acc;
        }
        busyCycles++;
        if (writes) {
            for (int p = 0; p < pe; p++) {
                out.push(outputQuantizer.applyAsLong(accumulators[p]));
                accumulators[p] = 0;
            }
            sf = 0;
            if (++nf == mh / pe) {
                nf = 0;
                vectorsDone++;
            }
        } else {
            sf++;
        }
    }

    public long busyCycles() {
        return busyCycles;
    }

    public long stallCycles() {
        return stallCycles;
    }

    public long vectorsDone() {
        return vectorsDone;
    }

    public int mw() {
        return mw;
    }

    public int mh() {
        return mh;
    }

    /** A bounded FIFO of stream elements that remembers its highest occupancy (for FIFO sizing). */
    public static final class Fifo {
        private final long[] ring;
        private int head;
        private int size;
        private int maxSize;

        public Fifo(int capacity) {
            ring = new long[capacity];
        }

        public int size() {
            return size;
        }

        public int room() {
            return ring.length - size;
        }

        public int maxOccupancy() {
            return maxSize;
        }

        public void push(long v) {
            if (size == ring.length) {
                throw new IllegalStateException("FIFO overflow");
            }
            ring[(head + size) % ring.length] = v;
            maxSize = Math.max(maxSize, ++size);
        }

        public long pop() {
            if (size == 0) {
                throw new IllegalStateException("FIFO underflow");
            }
            long v = ring[head];
            head = (head + 1) % ring.length;
            size--;
            return v;
        }
    }
}
