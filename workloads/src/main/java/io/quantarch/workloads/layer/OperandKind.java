package io.quantarch.workloads.layer;

/** What the stationary ("filter") operand of a GEMM is: trained weights, or activations (e.g. the KV cache). */
public enum OperandKind {
    WEIGHT, ACTIVATION
}
