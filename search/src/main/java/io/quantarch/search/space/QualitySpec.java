package io.quantarch.search.space;

import io.quantarch.search.metric.Metric;
import io.quantarch.search.metric.Metrics;

/** How a design's quality is measured. */
public sealed interface QualitySpec {

    /**
     * A real model run functionally: tier 1 sums per-layer sensitivities measured on {@code evalSamples};
     * tier 2 re-runs each front point with its whole policy on {@code tier2EvalSamples} (at most {@code tier2MaxPoints}
     * points, spread evenly along the front by tier-1 quality; 0 means every point).
     */
    record Real(String model, int evalSamples, int calibrationSamples, int tier2EvalSamples, int tier2MaxPoints) implements QualitySpec { }

    /**
     * Shape-only workloads: each layer's output NSR with {@code rows} synthetic input rows (Gaussian with outlier
     * channels, seeded by {@code seed}).
     */
    record Synthetic(long seed, int rows) implements QualitySpec { }

    /**
     * A user's ONNX model (the space's workload) on the user's inputs, through the PTQ pipeline of the built-in models
     * (static scales from {@code calibrationInputs} when given, else dynamic): tier 1 sums, per gene option, the output
     * noise-to-signal ratio of the model run with only that option quantized against its FP32 run; tier 2 re-runs front
     * points with their whole policy for the model's metric (accuracy with {@code labels}, else top-1 agreement with FP32).
     */
    record Onnx(java.nio.file.Path model, java.nio.file.Path inputs, java.nio.file.Path labels, java.nio.file.Path calibrationInputs,
                int tier2MaxPoints) implements QualitySpec {

        public Onnx(java.nio.file.Path model, java.nio.file.Path inputs) {
            this(model, inputs, null, null, 0);
        }

        /** The model and its samples, read once per process. */
        public io.quantarch.workloads.onnx.exec.OnnxRealModel load() throws io.quantarch.config.ConfigException {
            return io.quantarch.workloads.onnx.exec.OnnxRealModel.load(model, inputs, labels, calibrationInputs);
        }
    }

    /** The measurement in words, for run.json and the report. */
    default String describe() {
        return switch (this) {
            case Real r -> r.model() + ": tier 1 per-gene loss on " + r.evalSamples() + " samples (" + r.calibrationSamples()
                    + " calibration), tier 2 whole policies on " + r.tier2EvalSamples() + " samples"
                    + (r.tier2MaxPoints() > 0 ? " (at most " + r.tier2MaxPoints() + " front points)" : "");
            case Synthetic s -> "synthetic output noise-to-signal ratio (seed " + s.seed() + ", " + s.rows() + " rows per layer)";
            case Onnx o -> o.model().getFileName() + ": tier 1 per-gene output noise-to-signal ratio against its FP32 run on the inputs in "
                    + o.inputs() + (o.calibrationInputs() == null ? " (dynamic activation scales)" : " (static scales from " + o.calibrationInputs() + ")")
                    + ", tier 2 whole policies for " + (o.labels() == null ? "top-1 agreement with FP32" : "accuracy against " + o.labels().getFileName())
                    + (o.tier2MaxPoints() > 0 ? " (at most " + o.tier2MaxPoints() + " front points)" : "");
        };
    }

    /** The model metric tier 2 reports ({@code accuracy_pct}, {@code perplexity} ...), or null without tier 2. */
    default String tier2Metric() {
        return switch (this) {
            case Real r -> io.quantarch.workloads.quality.RealModels.byName(r.model()).metric();
            case Synthetic s -> null;
            case Onnx o -> o.labels() != null ? "accuracy_pct" : "top1_agreement_pct";
        };
    }

    /** The quality metric this measurement fills. */
    default Metric metric() {
        return switch (this) {
            case Real r -> Metrics.QUALITY_LOSS;
            case Synthetic s -> Metrics.SYNTHETIC_OUTPUT_NSR;
            case Onnx o -> Metrics.QUALITY_LOSS;
        };
    }
}
