package io.quantarch.reports.explore;

import io.quantarch.search.metric.Metric;
import io.quantarch.search.metric.Metrics;
import io.quantarch.search.space.DesignSpace;

import java.util.ArrayList;
import java.util.List;

/** Column names of the exploration files: tier-1 real quality is {@code quality_loss_tier1}; every other metric keeps its name. */
public final class Columns {

    private Columns() {
    }

    public static String of(Metric m) {
        return m == Metrics.QUALITY_LOSS ? "quality_loss_tier1" : m.column();
    }

    /** {@code evaluation, generation}, the gene names, the space's metric columns. */
    static List<String> designHeader(DesignSpace space) {
        List<String> h = new ArrayList<>(List.of("evaluation", "generation"));
        h.addAll(space.geneNames());
        space.metricColumns().forEach(m -> h.add(of(m)));
        return h;
    }

    /** The gene labels of a choice vector, in gene order. */
    static List<String> labels(DesignSpace space, int[] choice) {
        List<String> out = new ArrayList<>(choice.length);
        for (int i = 0; i < choice.length; i++) {
            out.add(space.label(i, choice[i]));
        }
        return out;
    }
}
