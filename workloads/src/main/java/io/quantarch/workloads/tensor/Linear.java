package io.quantarch.workloads.tensor;

import io.quantarch.numerics.quant.FixedScaleQuantizer;

import java.util.function.UnaryOperator;

/**
 * A linear layer as executed: {@code y = W' q(T(x)) + b}, where {@code T} is an optional input transform
 * (SmoothQuant division by per-channel factors, or an orthogonal rotation) already folded into
 * {@code W'}, and {@code q} the input-activation quantizer. The weight is stored after its own
 * (fake) quantization. Immutable; safe to share between threads.
 */
public final class Linear implements LinearKernel {

    /** Quantizes a row-major activation block {@code [rows][cols]}, returning a new array. */
    @FunctionalInterface
    public interface ActivationQuantizer {
        float[] apply(float[] x, int rows, int cols);

        /** Applies a fixed-scale (static) quantizer element by element. */
        static ActivationQuantizer fixed(FixedScaleQuantizer q) {
            return (x, rows, cols) -> {
                float[] y = x.clone();
                q.applyInPlace(y, 0, y.length);
                return y;
            };
        }
    }

    private final String name;
    private final Matrix weight;
    private final float[] bias;
    private final UnaryOperator<float[]> rowTransform;     // acts on one row of length in, returns a new row
    private final ActivationQuantizer inputQuantizer;
    private final ActivationQuantizer outputQuantizer;

    public Linear(String name, Matrix weight, float[] bias, UnaryOperator<float[]> rowTransform,
                  ActivationQuantizer inputQuantizer, ActivationQuantizer outputQuantizer) {
        this.name = name;
        this.weight = weight;
        this.bias = bias;
        this.rowTransform = rowTransform;
        this.inputQuantizer = inputQuantizer;
        this.outputQuantizer = outputQuantizer;
        if (bias != null && bias.length != weight.rows()) {
            throw new IllegalArgumentException(name + ": bias has " + bias.length + " entries for " + weight.rows() + " outputs");
        }
    }

    /** An unquantized layer. */
    public static Linear fp32(String name, Matrix weight, float[] bias) {
        return new Linear(name, weight, bias, null, null, null);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int in() {
        return weight.cols();
    }

    @Override
    public int out() {
        return weight.rows();
    }

    public Matrix weight() {
        return weight;
    }

    public float[] bias() {
        return bias;
    }

    @Override
    public float[] forward(float[] x, int rows, ActivationObserver observer) {
        int in = in();
        float[] xin = x;
        if (rowTransform != null) {
            xin = new float[x.length];
            float[] row = new float[in];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(x, r * in, row, 0, in);
                System.arraycopy(rowTransform.apply(row), 0, xin, r * in, in);
            }
        }
        observer.onInput(name, xin, rows, in);
        if (inputQuantizer != null) {
            float[] before = xin;
            xin = inputQuantizer.apply(xin, rows, in);
            observer.onQuantizedInput(name, before, xin);
        }
        float[] y = new float[rows * out()];
        Ops.linear(xin, rows, in, weight.data(), out(), bias, y);
        if (outputQuantizer != null) {
            y = outputQuantizer.apply(y, rows, out());
        }
        return y;
    }
}
