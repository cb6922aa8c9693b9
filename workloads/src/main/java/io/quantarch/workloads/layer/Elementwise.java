package io.quantarch.workloads.layer;

import java.util.List;

/**
 * An element-wise or pooling operation on {@code elements} outputs, counted for the vector unit.
 * {@code window} is the pooling window area (1 for element-wise ops); binary ops read two inputs.
 */
public record Elementwise(String name, Op op, long elements, int window) implements Layer {

    public enum Op {
        ADD(2), MUL(2), RELU(1), RELU6(1), SILU(1), GELU(1), SWIGLU(2), MAXPOOL(1), AVGPOOL(1), COPY(1);

        final int inputs;

        Op(int inputs) {
            this.inputs = inputs;
        }
    }

    public static Elementwise of(String name, Op op, long elements) {
        return new Elementwise(name, op, elements, 1);
    }

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
        return elements * op.inputs * window;
    }

    @Override
    public long outputElements() {
        return elements;
    }

    @Override
    public long vectorOps() {
        return elements * Math.max(1, window);
    }

    @Override
    public List<GemmOp> gemms() {
        return List.of();
    }
}
