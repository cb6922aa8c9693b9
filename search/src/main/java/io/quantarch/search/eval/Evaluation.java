package io.quantarch.search.eval;

import io.quantarch.search.space.Metric;

/**
 * One evaluated design.
 *
 * @param choice     the option of every gene, after repair
 * @param metrics    indexed by {@link Metric#ordinal()}; NaN where a metric does not apply (the other kind of quality)
 *                   or the design could not be simulated
 * @param infeasible null when the design satisfies its PE and every constraint; else why not
 * @param violation  0 when feasible; how far it is from feasible otherwise (constraint excess relative to the bound)
 */
public record Evaluation(int[] choice, double[] metrics, String infeasible, double violation) implements java.io.Serializable {

    public Evaluation {
        choice = choice.clone();
        metrics = metrics.clone();
    }

    @Override
    public int[] choice() {
        return choice.clone();
    }

    @Override
    public double[] metrics() {
        return metrics.clone();
    }

    public double metric(Metric m) {
        return metrics[m.ordinal()];
    }

    public boolean feasible() {
        return infeasible == null;
    }
}
