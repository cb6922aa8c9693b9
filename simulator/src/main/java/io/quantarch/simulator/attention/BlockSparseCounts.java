package io.quantarch.simulator.attention;

/**
 * What a block-sparse attention array did over the prefill of one or more windows: keys attended against dense,
 * MACs, exponentials, and the K/V DRAM traffic of a tiled (FlashAttention-style) schedule in which each query block
 * keeps its queries on chip and streams the key blocks its mask keeps; per (layer, query block) tile the fetch and
 * arithmetic for the cycle model. Mutable while a window runs, then merged.
 */
public final class BlockSparseCounts {

    long queries;
    long keysAttended;
    long denseKeys;
    long macs;
    long exps;
    long kvBits;
    long denseKvBits;
    long cycles;
    // the current tile of each layer, priced when the next begins (or at finish)
    private long[] tileBits;
    private long[] tileMacs;
    private long[] tileExps;

    BlockSparseCounts(int layers) {
        tileBits = new long[layers];
        tileMacs = new long[layers];
        tileExps = new long[layers];
    }

    void addTile(int layer, long bits) {
        tileBits[layer] += bits;
        kvBits += bits;
    }

    void addWork(int layer, long macs, long exps) {
        tileMacs[layer] += macs;
        tileExps[layer] += exps;
        this.macs += macs;
        this.exps += exps;
    }

    /** Closes the layer's current tile: {@code max(fetch, compute)} cycles on the hardware. */
    void closeTile(int layer, AttentionHardware hw) {
        if (tileBits[layer] != 0 || tileMacs[layer] != 0) {
            cycles += hw.stepCycles(tileBits[layer], tileMacs[layer], tileExps[layer], 0);
        }
        tileBits[layer] = 0;
        tileMacs[layer] = 0;
        tileExps[layer] = 0;
    }

    public void add(BlockSparseCounts o) {
        queries += o.queries;
        keysAttended += o.keysAttended;
        denseKeys += o.denseKeys;
        macs += o.macs;
        exps += o.exps;
        kvBits += o.kvBits;
        denseKvBits += o.denseKvBits;
        cycles += o.cycles;
    }

    public long queries() { return queries; }
    public long keysAttended() { return keysAttended; }
    public long denseKeys() { return denseKeys; }
    public long macs() { return macs; }
    public long exps() { return exps; }
    /** Prefill K/V bytes read under the tiled schedule. */
    public double kvBytes() { return kvBits / 8.0; }
    public long kvBits() { return kvBits; }
    /** The same schedule dense, in float32. */
    public long denseKvBits() { return denseKvBits; }
    public long cycles() { return cycles; }
}
