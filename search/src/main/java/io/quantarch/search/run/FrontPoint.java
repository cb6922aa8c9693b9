package io.quantarch.search.run;

import io.quantarch.search.metric.MetricValues;

/**
 * A front design with its tier-2 quality (NaN for synthetic quality, or a point tier 2 did not re-run).
 *
 * @param evaluation its row in the run log
 * @param tier2Value the real model's own metric (perplexity, accuracy) with the design's whole policy
 * @param tier2Loss  the same as a loss against float32, comparable to tier 1
 */
public record FrontPoint(long evaluation, int generation, int[] choice, MetricValues metrics, double tier2Value, double tier2Loss) {

    public FrontPoint {
        choice = choice.clone();
    }

    @Override
    public int[] choice() {
        return choice.clone();
    }

    public FrontPoint withTier2(double value, double loss) {
        return new FrontPoint(evaluation, generation, choice, metrics, value, loss);
    }
}
