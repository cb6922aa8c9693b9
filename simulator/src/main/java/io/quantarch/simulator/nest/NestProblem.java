package io.quantarch.simulator.nest;

import java.util.List;

/**
 * A loop-nest problem (Timeloop's "shape" and "instance"): named dimensions with their bounds, and data spaces whose
 * coordinates are affine in the dimensions (each coordinate a sum of dimension x coefficient terms, e.g. a convolution
 * input's width {@code Wstride P + Wdilation R}).
 *
 * @param bounds the bound of each dimension, in {@link #dims} order
 */
public record NestProblem(String name, List<String> dims, long[] bounds, List<DataSpace> dataSpaces) {

    /** One term of a coordinate: {@code coefficient x dimension}. */
    public record Term(int dim, long coefficient) { }

    /**
     * A data space: its coordinates (one list of terms each) and whether it is read-write (outputs: partial sums are
     * updated, reduced and drained).
     */
    public record DataSpace(String name, List<List<Term>> projection, boolean readWrite) {

        public DataSpace {
            projection = projection.stream().map(List::copyOf).toList();
        }

        /** Whether some coordinate of this data space moves with dimension {@code dim}. */
        public boolean uses(int dim) {
            for (List<Term> c : projection) {
                for (Term t : c) {
                    if (t.dim() == dim && t.coefficient() != 0) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    public NestProblem {
        dims = List.copyOf(dims);
        bounds = bounds.clone();
        dataSpaces = List.copyOf(dataSpaces);
        if (bounds.length != dims.size()) {
            throw new IllegalArgumentException("one bound per dimension");
        }
    }

    public int dim(String name) {
        return dims.indexOf(name);
    }

    public int dataSpace(String name) {
        for (int i = 0; i < dataSpaces.size(); i++) {
            if (dataSpaces.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Multiply-accumulates (the product of all bounds). */
    public long computes() {
        long c = 1;
        for (long b : bounds) {
            c *= b;
        }
        return c;
    }
}
