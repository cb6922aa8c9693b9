package io.quantarch.numerics.format;

/**
 * How a block format shares its scales: {@code blockSize} consecutive elements of a row per scale, the scale's
 * encoding, and whether a second, per-tensor float32 scale applies on top (NVFP4).
 */
public record BlockLayout(int blockSize, ScaleEncoding scale, boolean tensorScale) {

    /** The encoding of one block scale. */
    public enum ScaleEncoding {
        /** OCP MX v1.0 §5.1: an 8-bit power of two (E8M0). */
        E8M0,
        /** NVFP4: an FP8 E4M3 value. */
        E4M3,
        /** A float32 value (integer and minifloat groups). */
        FP32
    }

    public BlockLayout {
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be >= 1, got " + blockSize);
        }
    }
}
