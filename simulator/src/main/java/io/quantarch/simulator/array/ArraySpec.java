package io.quantarch.simulator.array;

import java.util.Objects;

/**
 * A systolic array of {@code rows x cols} processing elements running one dataflow.
 */
public record ArraySpec(int rows, int cols, Dataflow dataflow) {

    public ArraySpec {
        if (rows < 1 || cols < 1 || rows > 65536 || cols > 65536) {
            throw new IllegalArgumentException("array dimensions must be 1..65536, got " + rows + "x" + cols);
        }
        Objects.requireNonNull(dataflow);
    }

    public long pes() {
        return (long) rows * cols;
    }
}
