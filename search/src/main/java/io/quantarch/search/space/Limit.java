package io.quantarch.search.space;

import io.quantarch.search.metric.Metric;

import java.util.Locale;

/** A constraint such as {@code area_mm2 <= 2}: designs that break it are infeasible and never on the front. */
public record Limit(Metric metric, boolean atMost, double bound) {

    /** 0 when satisfied, else how far off relative to the bound (for penalising infeasible designs by degree). */
    public double violation(double value) {
        double excess = atMost ? value - bound : bound - value;
        if (!(excess > 0) && !Double.isNaN(value)) {
            return 0;
        }
        if (Double.isNaN(value)) {
            return 1e6;
        }
        return excess / Math.max(Math.abs(bound), 1e-12);
    }

    public String label() {
        return String.format(Locale.ROOT, "%s %s %s", metric.column(), atMost ? "<=" : ">=", bound);
    }
}
