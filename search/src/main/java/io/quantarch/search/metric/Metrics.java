package io.quantarch.search.metric;

import io.quantarch.config.component.Registry;

import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** The registered metrics, in column order: one line each. */
public final class Metrics {

    private static final Set<Metric.Hardware> BOTH = Set.of(Metric.Hardware.SYSTOLIC, Metric.Hardware.FPGA);
    private static final Set<Metric.Hardware> SYSTOLIC = Set.of(Metric.Hardware.SYSTOLIC);
    private static final Set<Metric.Hardware> FPGA = Set.of(Metric.Hardware.FPGA);

    /** A built-in metric: a projection of the design's totals. */
    record Builtin(String column, String unit, String description, boolean quality, Set<Metric.Hardware> hardware,
                   ToDoubleFunction<DesignTotals> value, Metric.Additive additive) implements Metric {
        @Override
        public double of(DesignTotals t) {
            return value.applyAsDouble(t);
        }
    }

    /** Real model, tier 1: per-layer sensitivities (perplexity ratio - 1, or accuracy points lost) summed. */
    public static final Metric QUALITY_LOSS = new Builtin("quality_loss", "",
            "real-model quality loss, tier 1: per-layer sensitivities (perplexity ratio - 1, or accuracy points lost) summed", true, BOTH,
            DesignTotals::quality, Metric.Additive.QUALITY);
    /** Shape-only workloads: each layer's output noise-to-signal power ratio on seeded synthetic tensors, summed. */
    public static final Metric SYNTHETIC_OUTPUT_NSR = new Builtin("synthetic_output_nsr", "",
            "output noise-to-signal power ratio of every layer on seeded synthetic tensors, summed (shape-only workloads)", true, BOTH,
            DesignTotals::quality, Metric.Additive.QUALITY);
    public static final Metric LATENCY_S = new Builtin("latency_s", "s", "latency of one run of the workload (FPGA: first frame)",
            false, BOTH, DesignTotals::latencyS, Metric.Additive.CYCLES);
    public static final Metric ENERGY_PJ = new Builtin("energy_pj", "pJ", "energy of one run of the workload", false, SYSTOLIC,
            DesignTotals::energyPj, Metric.Additive.ENERGY);
    public static final Metric AREA_MM2 = new Builtin("area_mm2", "mm²", "silicon area", false, SYSTOLIC, DesignTotals::areaMm2,
            Metric.Additive.CONSTANT);
    public static final Metric EDP = new Builtin("edp_pj_s", "pJ·s", "energy-delay product", false, SYSTOLIC,
            t -> t.energyPj() * t.latencyS(), null);
    public static final Metric WEIGHT_BYTES = new Builtin("weight_bytes", "B",
            "weight memory in the storage formats, scales included", false, BOTH, DesignTotals::weightBytes, Metric.Additive.WEIGHT_BITS);
    public static final Metric LUTS = new Builtin("luts", "LUTs", "LUTs of the whole FPGA design (FINN-style estimate)", false, FPGA,
            DesignTotals::luts, null);
    public static final Metric DSPS = new Builtin("dsps", "DSPs", "DSP slices of the FPGA design", false, FPGA, DesignTotals::dsps, null);
    public static final Metric BRAM18 = new Builtin("bram18", "BRAM18", "18 Kb block RAMs of the FPGA design", false, FPGA,
            DesignTotals::bram18, null);
    public static final Metric FRAMES_PER_S = new Builtin("frames_per_s", "frames/s", "FPGA throughput, set by the slowest unit", false,
            FPGA, DesignTotals::framesPerS, null);

    public static final Registry<Metric> REGISTRY = new Registry<>("metric", "what designs are scored on (objectives and constraints)",
            List.of(
                    QUALITY_LOSS,
                    SYNTHETIC_OUTPUT_NSR,
                    LATENCY_S,
                    ENERGY_PJ,
                    AREA_MM2,
                    EDP,
                    WEIGHT_BYTES,
                    LUTS,
                    DSPS,
                    BRAM18,
                    FRAMES_PER_S));

    private static final List<Metric> ALL = REGISTRY.all();

    private Metrics() {
    }

    public static List<Metric> all() {
        return ALL;
    }

    /** The metric's position in every {@link MetricValues}. */
    public static int index(Metric m) {
        int i = ALL.indexOf(m);
        if (i < 0) {
            throw new IllegalArgumentException("metric " + m.column() + " is not registered");
        }
        return i;
    }

    public static List<String> names() {
        return REGISTRY.names();
    }

    /** By column name; {@code edp} is accepted for {@code edp_pj_s}. Null when unknown. */
    public static Metric byName(String name) {
        String n = name.trim().toLowerCase(java.util.Locale.ROOT);
        return REGISTRY.find(n.equals("edp") ? EDP.column() : n).orElse(null);
    }
}
