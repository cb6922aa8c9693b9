package io.quantarch.workloads.layer;

import java.util.List;

/**
 * One layer of a workload, by shape. Matrix layers lower to GEMMs (convolution by im2col as
 * SCALE-Sim does; attention into per-head GEMMs); vector layers count element operations for the
 * vector unit.
 */
public sealed interface Layer permits Gemm, Conv2d, Attention, Norm, Softmax, Elementwise, Embedding {

    /** Unique name within the workload (torchvision / Hugging Face style, e.g. {@code layer1.0.conv1}). */
    String name();

    /** Multiply-accumulates of the matrix part; 0 for vector layers. */
    long macs();

    /** Trained parameters (weights, biases, norm scales/shifts, embedding tables). */
    long parameters();

    /** Elements read as the layer's activation input. */
    long inputElements();

    /** Elements written as the layer's output. */
    long outputElements();

    /** The GEMMs the layer lowers to; empty for vector layers. */
    List<GemmOp> gemms();

    /** Element operations for a vector unit (norms, softmax, activations, pooling); 0 for matrix layers. */
    default long vectorOps() {
        return 0;
    }

    /** Weight elements of the matrix part (what a PE array holds stationary); 0 for layers without weights. */
    default long weightElements() {
        return gemms().stream().filter(g -> g.filterKind() == OperandKind.WEIGHT).mapToLong(GemmOp::filterElements).sum();
    }
}
