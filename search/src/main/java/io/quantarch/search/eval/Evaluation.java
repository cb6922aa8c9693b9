package io.quantarch.search.eval;

import io.quantarch.search.metric.Metric;
import io.quantarch.search.metric.MetricValues;

/**
 * One evaluated design.
 *
 * @param choice     the option of every gene, after repair
 * @param metrics    every metric; NaN where one does not apply (the other kind of quality) or the design could not be simulated
 * @param infeasible null when the design satisfies its PE and every constraint; else why not
 * @param violation  0 when feasible; how far it is from feasible otherwise (constraint excess relative to the bound)
 */
public record Evaluation(int[] choice, MetricValues metrics, String infeasible, double violation) implements java.io.Serializable {

    public Evaluation {
        choice = choice.clone();
    }

    @Override
    public int[] choice() {
        return choice.clone();
    }

    public double metric(Metric m) {
        return metrics.get(m);
    }

    public boolean feasible() {
        return infeasible == null;
    }
}
