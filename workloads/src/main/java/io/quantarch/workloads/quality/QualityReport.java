package io.quantarch.workloads.quality;

import java.util.List;

/**
 * Quality of a real model under a policy, next to its FP32 value on the same evaluation split, with the
 * per-layer SQNR of every quantized tensor.
 *
 * @param loss        quality loss (perplexity ratio - 1, or accuracy points lost); positive is worse
 * @param evalSamples windows or images evaluated
 */
public record QualityReport(String model, String policy, String metric, double value, double fp32Value, double loss,
                            int evalSamples, String sampleUnit, List<LayerReport> layers) {

    public QualityReport {
        layers = List.copyOf(layers);
    }

    /**
     * One linear layer: the formats and PTQ method used and the SQNR of its quantized weight (measured on the
     * weight as quantized, i.e. after any rotation or smoothing) and of its quantized inputs over the evaluation.
     */
    public record LayerReport(String layer, String weights, String inputs, String ptq, double weightSqnrDb, double inputSqnrDb) { }
}
