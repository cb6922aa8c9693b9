package io.quantarch.workloads.onnx.exec;

/** Shape arithmetic of the executor. */
final class Shapes {

    private Shapes() {
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
