package io.quantarch.workloads.onnx.exec;

/** Shape arithmetic of the executor. */
final class Shapes {

    private Shapes() {
    }

    static long elements(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    static int axis(long axis, int rank) {
        int a = (int) (axis < 0 ? axis + rank : axis);
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException("axis " + axis + " outside rank " + rank);
        }
        return a;
    }

    /** Product of dims [from, to). */
    static int span(long[] s, int from, int to) {
        long n = 1;
        for (int k = from; k < to; k++) {
            n *= s[k];
        }
        return (int) n;
    }
}
