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

    /** The measurement in words, for run.json and the report. */
    default String describe() {
        return switch (this) {
            case Real r -> r.model() + ": tier 1 per-gene loss on " + r.evalSamples() + " samples (" + r.calibrationSamples()
                    + " calibration), tier 2 whole policies on " + r.tier2EvalSamples() + " samples"
                    + (r.tier2MaxPoints() > 0 ? " (at most " + r.tier2MaxPoints() + " front points)" : "");
            case Synthetic s -> "synthetic output noise-to-signal ratio (seed " + s.seed() + ", " + s.rows() + " rows per layer)";
        };
    }

    /** The quality metric this measurement fills. */
    default Metric metric() {
        return switch (this) {
            case Real r -> Metrics.QUALITY_LOSS;
            case Synthetic s -> Metrics.SYNTHETIC_OUTPUT_NSR;
        };
    }
}
