package io.quantarch.simulator.attention;

/**
 * What an attention accelerator did over a run, per phase-independent event: the keys and values it read, in bytes,
 * the multiply-accumulates of Q.K^T and A.V, the exponentials of the softmax, how often the MSB-only scores were
 * confident and how often the LSBs had to be fetched, and the top-k engine's comparisons and cycles. Mutable while a
 * sequence runs (one per sequence), then merged.
 */
public final class AttentionCounts {

    long queries;               // (query token, layer) steps
    long headSteps;             // (query, layer, head) attention computations
    long keysAttended;          // sum over (query, layer, head) of the keys it attended to
    long denseKeys;             // the same without any pruning
    long kBits;                 // K read (MSBs, or full)
    long kLsbBits;              // LSBs of K fetched for recomputation
    long vBits;
    long denseKvBits;           // dense float32 K and V reads for the same queries
    long macs;                  // Q.K^T (including recomputation) and A.V
    long exps;
    long confident;             // head steps whose MSB-only softmax was confident
    long recomputed;            // head steps that fetched the LSBs and recomputed
    long topKCycles;
    long topKComparisons;
    long prefillKvBits;         // prefill: each K/V row read once per layer by the heads still alive
    long prefillDenseKvBits;
    long prefillMacs;
    long decodeCycles;          // sum over (query, layer) of max(fetch, compute) + top-k

    public void add(AttentionCounts o) {
        queries += o.queries;
        headSteps += o.headSteps;
        keysAttended += o.keysAttended;
        denseKeys += o.denseKeys;
        kBits += o.kBits;
        kLsbBits += o.kLsbBits;
        vBits += o.vBits;
        denseKvBits += o.denseKvBits;
        macs += o.macs;
        exps += o.exps;
        confident += o.confident;
        recomputed += o.recomputed;
        topKCycles += o.topKCycles;
        topKComparisons += o.topKComparisons;
        prefillKvBits += o.prefillKvBits;
        prefillDenseKvBits += o.prefillDenseKvBits;
        prefillMacs += o.prefillMacs;
        decodeCycles += o.decodeCycles;
    }

    public long queries() { return queries; }
    public long headSteps() { return headSteps; }
    public long keysAttended() { return keysAttended; }
    public long denseKeys() { return denseKeys; }
    public long kBits() { return kBits; }
    public long kLsbBits() { return kLsbBits; }
    public long vBits() { return vBits; }
    public long denseKvBits() { return denseKvBits; }
    public long macs() { return macs; }
    public long exps() { return exps; }
    public long confident() { return confident; }
    public long recomputed() { return recomputed; }
    public long topKCycles() { return topKCycles; }
    public long topKComparisons() { return topKComparisons; }
    public long prefillKvBits() { return prefillKvBits; }
    public long prefillDenseKvBits() { return prefillDenseKvBits; }
    public long prefillMacs() { return prefillMacs; }
    public long decodeCycles() { return decodeCycles; }

    /** Decode-phase K/V bytes read (MSBs, LSB refetches and values). */
    public double kvBytes() {
        return (kBits + kLsbBits + vBits) / 8.0;
    }
}
