package io.quantarch.search.archive;

import io.quantarch.search.metric.MetricValues;

/**
 * A feasible evaluated design kept on the front: its row in {@code evaluations.csv}, the generation that found it, its
 * choice vector and metrics.
 */
public record ArchiveEntry(long evaluation, int generation, int[] choice, MetricValues metrics) {

    public ArchiveEntry {
        choice = choice.clone();
    }

    @Override
    public int[] choice() {
        return choice.clone();
    }
}
