package io.quantarch.search.metric;

import java.util.Arrays;
import java.util.List;

/**
 * The value of every registered metric for one design, in registry order (NaN where a metric does not apply): a typed
 * vector keyed by {@link Metric}, like an {@code EnumMap} over the open metric registry. Immutable.
 */
public final class MetricValues implements java.io.Serializable {

    private final double[] v;

    private MetricValues(double[] v) {
        this.v = v;
    }

    /** All NaN: a design that could not be simulated. */
    public static MetricValues none() {
        double[] v = new double[Metrics.all().size()];
        Arrays.fill(v, Double.NaN);
        return new MetricValues(v);
    }

    /**
     * Every metric of {@code hardware} from the totals, the space's quality metric holding the quality; the other
     * quality metric and metrics of other hardware NaN.
     */
    public static MetricValues of(DesignTotals t, Metric qualityMetric, Metric.Hardware hardware) {
        List<Metric> all = Metrics.all();
        double[] v = new double[all.size()];
        for (int i = 0; i < v.length; i++) {
            Metric m = all.get(i);
            boolean applies = m.quality() ? m == qualityMetric : m.hardware().contains(hardware);
            v[i] = applies ? m.of(t) : Double.NaN;
        }
        return new MetricValues(v);
    }

    /** Values in registry order (e.g. read back from a checkpoint). */
    public static MetricValues ofArray(double[] values) {
        if (values.length != Metrics.all().size()) {
            throw new IllegalArgumentException("expected " + Metrics.all().size() + " metric values, got " + values.length);
        }
        return new MetricValues(values.clone());
    }

    public double get(Metric m) {
        return v[Metrics.index(m)];
    }

    /** The same values with {@code m} set to {@code value}. */
    public MetricValues with(Metric m, double value) {
        double[] c = v.clone();
        c[Metrics.index(m)] = value;
        return new MetricValues(c);
    }

    /** Values in registry order (a copy). */
    public double[] toArray() {
        return v.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricValues m && Arrays.equals(v, m.v);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(v);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        List<Metric> all = Metrics.all();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i])) {
                b.append(b.length() > 1 ? ", " : "").append(all.get(i).column()).append('=').append(v[i]);
            }
        }
        return b.append('}').toString();
    }
}
