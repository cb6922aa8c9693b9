package io.quantarch.numerics.quant;

/** Which elements share one scale. */
public sealed interface Granularity {

    /** No scale at all: a plain element format (any grouping gives the same result). */
    record Unscaled() implements Granularity { }

    /** One scale for the whole tensor. */
    record PerTensor() implements Granularity { }

    /** One scale per channel (row of a weight matrix: output channel; row of an activation: token). */
    record PerChannel() implements Granularity { }

    /** One scale per {@code size} consecutive elements of a channel (e.g. 128 for W4 g128). */
    record PerGroup(int size) implements Granularity {
        public PerGroup {
            if (size < 1) {
                throw new IllegalArgumentException("group size must be >= 1, got " + size);
            }
        }
    }

    Unscaled UNSCALED = new Unscaled();
    PerTensor TENSOR = new PerTensor();
    PerChannel CHANNEL = new PerChannel();

    /** The scale groups of a tensor whose channels are {@code channels}. */
    default Segments groups(Segments channels) {
        return switch (this) {
            case Unscaled u -> channels;
            case PerTensor t -> Segments.whole(channels.length());
            case PerChannel c -> channels;
            case PerGroup g -> channels.chunked(g.size());
        };
    }

    /** Name suffix used in format names: {@code _tensor}, {@code _channel}, {@code _g128}. */
    default String suffix() {
        return switch (this) {
            case Unscaled u -> "";
            case PerTensor t -> "_tensor";
            case PerChannel c -> "_channel";
            case PerGroup g -> "_g" + g.size();
        };
    }

    /** Amortised scale storage per element, given the bits of one scale (+ zero point). */
    default double scaleBitsPerElement(int bitsPerGroup, int typicalChannelLength) {
        return switch (this) {
            case Unscaled u -> 0.0;
            case PerTensor t -> 0.0;
            case PerChannel c -> (double) bitsPerGroup / Math.max(1, typicalChannelLength);
            case PerGroup g -> (double) bitsPerGroup / g.size();
        };
    }
}
