package io.quantarch.workloads.tensor;

/**
 * Something that computes a linear layer {@code y[rows][out] = f(x[rows][in])}: the float reference with fake
 * quantization ({@link Linear}) or a hardware model's bit-exact datapath. Models run their layers through this,
 * so a simulator can execute a real network with its own arithmetic.
 */
public interface LinearKernel {

    String name();

    int in();

    int out();

    /** x is [rows][in]; returns y [rows][out]. */
    float[] forward(float[] x, int rows, ActivationObserver observer);
}
