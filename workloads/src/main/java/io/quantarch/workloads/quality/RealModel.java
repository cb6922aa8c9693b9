package io.quantarch.workloads.quality;

import io.quantarch.workloads.policy.TensorQuant;
import io.quantarch.workloads.tensor.ActivationObserver;
import io.quantarch.workloads.tensor.KvQuantizer;
import io.quantarch.workloads.tensor.Linear;
import io.quantarch.workloads.tensor.Matrix;

import java.util.List;
import java.util.Map;

/**
 * A small real model with real weights and evaluation data, whose quality under a quantization policy is
 * measured by running it. Implementations: {@link StoriesLm} (perplexity) and {@link MnistClassifier} (accuracy).
 * Layer names match the model's zoo workload, so one policy drives both simulation and quality.
 */
public interface RealModel {

    /** Registry name (also the zoo workload name). */
    String name();

    /** e.g. {@code perplexity}, {@code accuracy_pct}. */
    String metric();

    boolean lowerIsBetter();

    /** Quantizable linear layers in execution order. */
    List<String> linearLayers();

    /** Every layer name a policy may address (linear layers, attention layers for the KV cache). */
    List<String> policyLayers();

    /** Attention layers whose KV cache a policy may quantize ({@code kv_cache}); empty for models without attention. */
    List<String> kvLayers();

    /** Groups of linear layers whose inputs can be captured in one calibration pass (GPTQ's sequential blocks). */
    List<List<String>> stages();

    /** Groups of linear layers reading the same activation (SmoothQuant shares one factor per group). */
    List<List<String>> sharedInputs();

    Matrix weight(String layer);

    float[] bias(String layer);

    /** Runs {@code samples} calibration units (windows or images) of the calibration split. */
    void calibrate(Execution exec, int samples, ActivationObserver obs);

    /** Quality on the first {@code samples} units of the evaluation split. */
    double evaluate(Execution exec, int samples, ActivationObserver obs);

    /** Default evaluation and calibration sizes. */
    int defaultEvalSamples();

    int defaultCalibrationSamples();

    /** Largest evaluation size (the whole evaluation split). */
    int maxEvalSamples();

    /** Unit of a sample, for reports: {@code windows of 512 tokens}, {@code images}. */
    String sampleUnit();

    /** Quality loss of {@code value} against {@code fp32}: positive is worse (perplexity ratio - 1, or accuracy points). */
    default double loss(double value, double fp32) {
        return lowerIsBetter() ? value / fp32 - 1.0 : fp32 - value;
    }

    /**
     * How a model runs: its linear layers and, for attention models, the KV-cache quantizers per layer; {@code policy}
     * is the whole policy, for layers a model runs outside its linear layers (an imported graph's grouped convolutions),
     * FP32 while calibrating.
     */
    record Execution(Map<String, Linear> linears, Map<String, KvQuantizer> kvCache, Map<String, TensorQuant> tables,
                     io.quantarch.workloads.policy.QuantPolicy policy) {
        public Execution {
            linears = Map.copyOf(linears);
            kvCache = Map.copyOf(kvCache);
            tables = Map.copyOf(tables);
            java.util.Objects.requireNonNull(policy);
        }

        public Execution(Map<String, Linear> linears, Map<String, KvQuantizer> kvCache, Map<String, TensorQuant> tables) {
            this(linears, kvCache, tables, io.quantarch.workloads.policy.QuantPolicy.FP32);
        }

        public Execution(Map<String, Linear> linears, Map<String, KvQuantizer> kvCache) {
            this(linears, kvCache, Map.of());
        }
    }

    /**
     * The FP32 model on its first {@code samples} evaluation units against the independent reference outputs shipped
     * with it (all units when {@code samples} is 0).
     *
     * @throws IllegalArgumentException when {@code samples} is out of range
     */
    ReferenceCheck checkAgainstReference(int samples);

    /** Lookup tables (embeddings) whose storage format the policy sets through the layer's {@code weights}. */
    default List<String> tables() {
        return List.of();
    }
}
