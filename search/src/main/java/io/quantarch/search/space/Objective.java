package io.quantarch.search.space;

import io.quantarch.search.metric.Metric;

/** A metric to minimise or maximise. */
public record Objective(Metric metric, boolean maximise) {

    /** The value the search minimises. */
    public double minimised(double value) {
        return maximise ? -value : value;
    }

    public String label() {
        return (maximise ? "max " : "min ") + metric.column();
    }
}
