package io.quantarch.numerics.quant;

import java.util.Arrays;

/**
 * Cuts a flat tensor into contiguous segments: the channels (rows) of a matrix for per-channel and
 * per-group scales, or explicit blocks for block formats. {@code starts} has one more entry than
 * there are segments; the last entry is the tensor length.
 */
public record Segments(int[] starts) {

    public Segments {
        if (starts.length < 1 || starts[0] != 0) {
            throw new IllegalArgumentException("segment starts must begin at 0");
        }
        for (int i = 1; i < starts.length; i++) {
            if (starts[i] < starts[i - 1]) {
                throw new IllegalArgumentException("segment starts must not decrease: " + Arrays.toString(starts));
            }
        }
        starts = starts.clone();
    }

    /** One segment covering {@code n} elements. */
    public static Segments whole(int n) {
        return new Segments(new int[] {0, n});
    }

    /** A row-major matrix: one segment per row. */
    public static Segments rows(int rows, int cols) {
        int[] s = new int[rows + 1];
        for (int r = 0; r <= rows; r++) {
            s[r] = r * cols;
        }
        return new Segments(s);
    }

    /** Segments of the given lengths, in order. */
    public static Segments ofLengths(int... lengths) {
        int[] s = new int[lengths.length + 1];
        for (int i = 0; i < lengths.length; i++) {
            s[i + 1] = s[i] + lengths[i];
        }
        return new Segments(s);
    }

    public int count() {
        return starts.length - 1;
    }

    public int start(int segment) {
        return starts[segment];
    }

    public int end(int segment) {
        return starts[segment + 1];
    }

    public int length() {
        return starts[starts.length - 1];
    }

    public void requireLength(int n) {
        if (length() != n) {
            throw new IllegalArgumentException("segments cover " + length() + " elements, tensor has " + n);
        }
    }

    /** Scale groups: each segment cut into chunks of {@code groupSize} (the last chunk may be shorter). */
    public Segments chunked(int groupSize) {
        if (groupSize <= 0) {
            throw new IllegalArgumentException("group size must be positive: " + groupSize);
        }
        int n = 0;
        for (int s = 0; s < count(); s++) {
            n += (end(s) - start(s) + groupSize - 1) / groupSize;
        }
        int[] out = new int[n + 1];
        int k = 0;
        for (int s = 0; s < count(); s++) {
            for (int i = start(s); i < end(s); i += groupSize) {
                out[k++] = i;
            }
        }
        out[n] = length();
        return new Segments(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Segments s && Arrays.equals(s.starts, starts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(starts);
    }

    @Override
    public int[] starts() {
        return starts.clone();
    }

    @Override
    public String toString() {
        return "Segments" + (starts.length <= 9 ? Arrays.toString(starts) : "[" + count() + " segments, " + length() + " elements]");
    }
}
