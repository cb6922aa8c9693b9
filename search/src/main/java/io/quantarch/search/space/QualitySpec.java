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

    /** The quality metric this measurement fills. */
    default Metric metric() {
        return switch (this) {
            case Real r -> Metrics.QUALITY_LOSS;
            case Synthetic s -> Metrics.SYNTHETIC_OUTPUT_NSR;
        };
    }
}
