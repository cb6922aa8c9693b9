package io.quantarch.reports;

import java.util.Map;

/** Axis labels with units for the metric columns runs write. */
final class Units {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("quality_loss_tier1", "quality loss, tier 1 (ppl ratio - 1, or accuracy points)"),
            Map.entry("quality_loss_tier2", "quality loss, tier 2"),
            Map.entry("synthetic_output_nsr", "output noise-to-signal ratio (synthetic tensors)"),
            Map.entry("latency_s", "latency (s)"),
            Map.entry("energy_pj", "energy (pJ)"),
            Map.entry("area_mm2", "area (mm²)"),
            Map.entry("edp_pj_s", "energy-delay product (pJ·s)"),
            Map.entry("weight_bytes", "weight memory (bytes)"),
            Map.entry("luts", "LUTs"),
            Map.entry("dsps", "DSP slices"),
            Map.entry("bram18", "BRAM18 blocks"),
            Map.entry("frames_per_s", "throughput (frames/s)"));

    private Units() {
    }

    /** Whether {@code column} of pareto.csv is a metric (formatted with its unit), not a gene or an id. */
    static boolean isMetric(String column) {
        return LABELS.containsKey(column) || column.startsWith("quality_loss") || column.endsWith("_tier2");
    }

    /** The label without its unit, for cells whose values carry their unit ({@link #format}). */
    static String name(String column) {
        return label(column).replaceAll(" \\([^)]*\\)$", "");
    }

    static String label(String column) {
        return LABELS.getOrDefault(column, column);
    }

    /**
     * A metric's value for people: engineering notation with its unit ({@code 4.96 mJ}, {@code 10.9 ms}, {@code 11.7 MB}),
     * counts with thousands separators, ratios to three significant digits; the text as is when it is not a number.
     */
    static String format(String column, String text) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return text;
        }
        if (Double.isNaN(v)) {
            return "";
        }
        return switch (column) {
            case "energy_pj" -> si(v * 1e-12, "J");
            case "latency_s" -> si(v, "s");
            case "edp_pj_s" -> si(v * 1e-12, "J·s");
            case "weight_bytes" -> si(v, "B");
            case "area_mm2" -> String.format(java.util.Locale.ROOT, "%.3g mm²", v);
            case "luts", "dsps", "bram18" -> String.format(java.util.Locale.ROOT, "%,d", Math.round(v));
            case "frames_per_s" -> si(v, "frames/s");
            default -> String.format(java.util.Locale.ROOT, "%.3g", v);       // open: quality metrics and any column added later
        };
    }

    /** {@code v} with an SI prefix and three significant digits: 0.0109 s is {@code 10.9 ms}. */
    static String si(double v, String unit) {
        if (v == 0 || Double.isInfinite(v)) {
            return v + " " + unit;
        }
        String[] prefixes = {"f", "p", "n", "µ", "m", "", "k", "M", "G", "T"};
        int e = (int) Math.floor(Math.log10(Math.abs(v)) / 3);
        e = Math.max(-5, Math.min(4, e));
        return String.format(java.util.Locale.ROOT, "%.3g %s%s", v / Math.pow(1000, e), prefixes[e + 5], unit);
    }

    /** The pareto.csv column of an objective's metric name ({@code quality_loss} is written as its tier-1 column). */
    static String column(String metric) {
        return metric.equals("quality_loss") ? "quality_loss_tier1" : metric;
    }
}
