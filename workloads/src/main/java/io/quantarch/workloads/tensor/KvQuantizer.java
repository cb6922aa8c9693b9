package io.quantarch.workloads.tensor;

/** Quantizes a block of K or V rows {@code [tokens][kvDim]} of one attention layer as it enters the cache. */
@FunctionalInterface
public interface KvQuantizer {

    /** Returns a new array; {@code key} tells K from V (they may have separate static scales). */
    float[] apply(float[] kv, int tokens, int kvDim, boolean key);
}
