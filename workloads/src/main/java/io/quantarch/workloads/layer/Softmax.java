package io.quantarch.workloads.layer;

import java.util.List;

/** Softmax over rows of {@code cols} elements (e.g. a classifier output). */
public record Softmax(String name, long rows, long cols) implements Layer {

    @Override
    public long macs() {
        return 0;
    }

    @Override
    public long parameters() {
        return 0;
    }

    @Override
    public long inputElements() {
        return rows * cols;
    }

    @Override
    public long outputElements() {
        return rows * cols;
    }

    @Override
    public long vectorOps() {
        return 4L * rows * cols;                          // max, exp, sum, divide
    }

    @Override
    public List<GemmOp> gemms() {
        return List.of();
    }
}
