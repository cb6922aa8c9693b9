package io.quantarch.search.metric;

import io.quantarch.config.component.Component;
import io.quantarch.config.component.Declaration;

import java.util.Set;

/**
 * What a design is scored on: a name (its CSV column and the word objectives and constraints use), a unit, whether it
 * is a quality metric (a space has exactly one: real-model loss or synthetic NSR, never mixed), which hardware has
 * it, and its value from the design's totals. A new metric is one class implementing this interface plus one line in
 * {@link Metrics#REGISTRY}.
 */
public interface Metric extends Component {

    /** The hardware a design is built on. */
    enum Hardware { SYSTOLIC, FPGA }

    /**
     * Sums over layers the exact Pareto DP can decide a metric by: the metric is a monotone function of this one sum
     * (plus constants of the architecture). {@code CONSTANT}: fixed for an architecture (area).
     */
    enum Additive { QUALITY, CYCLES, ENERGY, WEIGHT_BITS, CONSTANT }

    /** The column name in CSV files and the word in SPACE.yaml. */
    String column();

    /** Unit for axis labels, e.g. {@code pJ}; empty when dimensionless. */
    String unit();

    /** One line: what the metric measures. */
    String description();

    /** True for the quality metrics (lower is better: a loss or a noise ratio). */
    boolean quality();

    /** Which designs have this metric. */
    Set<Hardware> hardware();

    /** The value for a design; NaN when it does not apply. */
    double of(DesignTotals t);

    /** The additive sum the exact DP can decide this metric by, or null when it is not additive over layers. */
    default Additive additive() {
        return null;
    }

    @Override
    default Declaration declaration() {
        return Declaration.of("metric", column(), description() + (unit().isEmpty() ? "" : " [" + unit() + "]"));
    }
}
