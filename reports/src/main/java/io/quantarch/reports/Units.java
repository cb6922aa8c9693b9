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

    static String label(String column) {
        return LABELS.getOrDefault(column, column);
    }

    /** The pareto.csv column of an objective's metric name ({@code quality_loss} is written as its tier-1 column). */
    static String column(String metric) {
        return metric.equals("quality_loss") ? "quality_loss_tier1" : metric;
    }
}
