package io.quantarch.workloads.tensor;

/**
 * Sees the input activations of each quantizable layer as the model runs: calibration statistics,
 * GPTQ Hessians and per-layer SQNR are observers. The model calls it with the values that are about
 * to be quantized (after any rotation or smoothing).
 */
@FunctionalInterface
public interface ActivationObserver {

    /** {@code x} is {@code [rows][cols]}, row-major; do not keep or change it. */
    void onInput(String layer, float[] x, int rows, int cols);

    /** The same input after quantization (called only for layers whose inputs are quantized). */
    default void onQuantizedInput(String layer, float[] before, float[] after) {
    }

    ActivationObserver NONE = (layer, x, rows, cols) -> { };
}
