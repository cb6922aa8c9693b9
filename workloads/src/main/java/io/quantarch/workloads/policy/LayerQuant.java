package io.quantarch.workloads.policy;

/**
 * The quantization of one layer's tensors: weights, input activations, output (accumulator write-back)
 * and, for attention layers, the KV cache, plus the PTQ method.
 */
public record LayerQuant(TensorQuant weights, TensorQuant inputs, TensorQuant outputs, TensorQuant kvCache, Ptq ptq) {

    public static final LayerQuant FP32 = new LayerQuant(TensorQuant.FP32, TensorQuant.FP32, TensorQuant.FP32, TensorQuant.FP32, Ptq.RTN);

    public LayerQuant withWeights(TensorQuant t) {
        return new LayerQuant(t, inputs, outputs, kvCache, ptq);
    }

    public LayerQuant withInputs(TensorQuant t) {
        return new LayerQuant(weights, t, outputs, kvCache, ptq);
    }

    public LayerQuant withKvCache(TensorQuant t) {
        return new LayerQuant(weights, inputs, outputs, t, ptq);
    }

    public LayerQuant withPtq(Ptq p) {
        return new LayerQuant(weights, inputs, outputs, kvCache, p);
    }

    public boolean anyQuantized() {
        return weights.quantized() || inputs.quantized() || outputs.quantized() || kvCache.quantized();
    }
}
