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
    WEIGHT_BYTES("weight_bytes");

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
