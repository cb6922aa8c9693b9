package io.quantarch.search.mapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the mapper minimises: metrics in priority order ({@code [delay, energy]}: least cycles, then least energy among
 * equal cycles), compared exactly, as Timeloop's {@code optimization_metrics} states them (Timeloop itself treats values
 * within 0.1% as ties; exact comparison gives a total order, so the same seed gives the same mapping at any thread count).
 * Invalid points rank after every valid one, closest to valid first.
 */
public record MapperObjective(List<Metric> metrics) {

    /** One metric of a priced mapping. */
    public enum Metric {
        EDP, ENERGY, DELAY;

        double of(MapperCost c) {
            return switch (this) {
                case EDP -> c.edp();
                case ENERGY -> c.energyPj();
                case DELAY -> c.cycles();
            };
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public MapperObjective {
        metrics = List.copyOf(metrics);
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("at least one metric");
        }
    }

    public static final MapperObjective EDP = new MapperObjective(List.of(Metric.EDP));

    /** Parses {@code edp}, {@code energy}, {@code delay} or a comma-separated priority list of them. */
    public static MapperObjective parse(String text) {
        List<Metric> out = new ArrayList<>();
        for (String t : text.split(",")) {
            String m = t.trim().toUpperCase(Locale.ROOT);
            try {
                out.add(Metric.valueOf(m));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + t.trim() + "' is not a mapper metric (edp, energy, delay)");
            }
        }
        return new MapperObjective(out);
    }

    public Comparator<MapperCost> comparator() {
        return (a, b) -> {
            if (a.valid() != b.valid()) {
                return a.valid() ? -1 : 1;
            }
            if (!a.valid()) {
                return Double.compare(a.violation(), b.violation());
            }
            for (Metric m : metrics) {
                int c = Double.compare(m.of(a), m.of(b));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    /** The leading metric's value, for progress lines. */
    public double primary(MapperCost c) {
        return metrics.get(0).of(c);
    }

    public String label() {
        return String.join(",", metrics.stream().map(Metric::label).toList());
    }
}
