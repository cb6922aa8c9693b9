package io.quantarch.search.space;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a design is scored on. Real-model quality and synthetic-tensor quality are different metrics with
 * different names, so a column never mixes the two.
 */
public enum Metric {
    /** Real model, tier 1: per-layer sensitivities (perplexity ratio - 1, or accuracy points lost) summed. */
    QUALITY_LOSS("quality_loss"),
    /** Shape-only workloads: each layer's output noise-to-signal power ratio on seeded synthetic tensors, summed. */
    SYNTHETIC_OUTPUT_NSR("synthetic_output_nsr"),
    LATENCY_S("latency_s"),
    ENERGY_PJ("energy_pj"),
    AREA_MM2("area_mm2"),
    /** Energy-delay product, pJ x s. */
    EDP("edp_pj_s"),
    /** Memory footprint of the weights (and embedding tables) in their storage formats, scales included. */
    WEIGHT_BYTES("weight_bytes"),
    /** FPGA dataflow spaces: LUTs, DSP slices and 18 Kb block RAMs of the whole design (FINN-style estimate). */
    LUTS("luts"), DSPS("dsps"), BRAM18("bram18"),
    /** FPGA dataflow spaces: frames per second, set by the slowest matrix-vector unit. */
    FRAMES_PER_S("frames_per_s");

    private final String column;

    Metric(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    public boolean isQuality() {
        return this == QUALITY_LOSS || this == SYNTHETIC_OUTPUT_NSR;
    }

    /** Metrics only a systolic (ASIC) design has. */
    public boolean asicOnly() {
        return this == ENERGY_PJ || this == AREA_MM2 || this == EDP;
    }

    /** Metrics only an FPGA dataflow design has. */
    public boolean fpgaOnly() {
        return this == LUTS || this == DSPS || this == BRAM18 || this == FRAMES_PER_S;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Metric::column).toList();
    }

    /** By column name; {@code edp} is accepted for {@code edp_pj_s}. Null when unknown. */
    public static Metric byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("edp")) {
            return EDP;
        }
        for (Metric m : values()) {
            if (m.column.equals(n)) {
                return m;
            }
        }
        return null;
    }
}
