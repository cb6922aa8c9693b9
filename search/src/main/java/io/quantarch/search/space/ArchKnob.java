package io.quantarch.search.space;

import io.quantarch.cost.actions.FpgaDevice;
import io.quantarch.cost.actions.MvauUnit;
import io.quantarch.simulator.Architecture;
import io.quantarch.simulator.fpga.Folding;
import io.quantarch.simulator.fpga.FpgaDataflowSpec;
import io.quantarch.simulator.array.ArraySpec;
import io.quantarch.simulator.array.Dataflow;
import io.quantarch.simulator.memory.MemorySpec;
import io.quantarch.simulator.pe.PeSpec;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An architecture parameter a gene can set, and how a chosen value changes the base architecture. */
public enum ArchKnob {
    ROWS("rows"), COLS("cols"),
    /** Rows and columns together, {@code 32x32}. */
    ARRAY("array"),
    DATAFLOW("dataflow"), PE("pe"),
    IFMAP_KB("ifmap_kb"), FILTER_KB("filter_kb"), OFMAP_KB("ofmap_kb"),
    /** All three SRAMs at once. */
    SRAM_KB("sram_kb"),
    DRAM_BYTES_PER_CYCLE("dram_bytes_per_cycle"), CLOCK_GHZ("clock_ghz"), COST_MODEL("cost_model"),
    /** The DRAM technology (energy per bit; the bandwidth stays the base's or its own gene's). */
    DRAM("dram"),
    /** FPGA dataflow: one layer's PE or SIMD (the gene key names the layer, {@code fpga.pe.conv2}); replaces its automatic folding. */
    FPGA_PE("fpga.pe"), FPGA_SIMD("fpga.simd"),
    /** FPGA dataflow: the cycle target that folds layers without an explicit PE/SIMD. */
    FPGA_TARGET_CYCLES("fpga.target_cycles"), FPGA_DEVICE("fpga.device"), FPGA_MULTIPLIERS("fpga.multipliers"),
    FPGA_CLOCK_MHZ("fpga.clock_mhz"),
    /** Attention unit beside the array, SpAtten (HPCA 2021): token and head keep ratios, K/V bits, progressive MSBs, confidence, local window. */
    ATTN_TOKEN_KEEP("attention.token_keep"), ATTN_HEAD_KEEP("attention.head_keep"), ATTN_KV_BITS("attention.kv_bits"),
    ATTN_MSB_BITS("attention.msb_bits"), ATTN_CONFIDENCE("attention.confidence"), ATTN_LOCAL_WINDOW("attention.local_window"),
    /** Attention unit beside the array, PARO-style block-sparse: block density and the Q/K, attention-map and V widths. */
    ATTN_DENSITY("attention.density"), ATTN_QK_BITS("attention.qk_bits"), ATTN_P_BITS("attention.p_bits"), ATTN_V_BITS("attention.v_bits"),
    /** A Timeloop hierarchy's parameter, {@code hierarchy.TARGET.ATTRIBUTE} (see {@code HierarchyParameters}). */
    HIERARCHY("hierarchy");

    private final String key;

    ArchKnob(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(ArchKnob::key).toList();
    }

    public static ArchKnob byKey(String k) {
        for (ArchKnob a : values()) {
            if (a.key.equals(k)) {
                return a;
            }
        }
        return null;
    }

    /** True for the knobs of an FPGA dataflow base, false for a systolic one. */
    public boolean fpga() {
        return key.startsWith("fpga.");
    }

    /** True for the knobs of the attention unit ({@code attention.*}); they live beside a systolic base. */
    public boolean attention() {
        return key.startsWith("attention.");
    }

    /** The block-sparse (PARO-style) attention knobs; the other attention knobs are SpAtten's. */
    public boolean blockSparse() {
        return this == ATTN_DENSITY || this == ATTN_QK_BITS || this == ATTN_P_BITS || this == ATTN_V_BITS;
    }

    /** Knobs that take a layer name after their key ({@code hierarchy} takes TARGET.ATTRIBUTE). */
    public boolean perLayer() {
        return this == FPGA_PE || this == FPGA_SIMD || this == HIERARCHY;
    }

    /** True for the knob of a Timeloop hierarchy base. */
    public boolean hierarchy() {
        return this == HIERARCHY;
    }

    /** A hierarchy knob applied: {@code target} is TARGET.ATTRIBUTE, {@code value} a Double. */
    public io.quantarch.simulator.nest.NestArchitecture apply(io.quantarch.simulator.nest.NestArchitecture a, String target, Object value) {
        if (this != HIERARCHY) {
            throw new IllegalArgumentException(key + " is not a hierarchy knob");
        }
        int dot = target.lastIndexOf('.');
        return io.quantarch.simulator.nest.HierarchyParameters.with(a, target.substring(0, dot), target.substring(dot + 1), (Double) value);
    }

    /** An FPGA knob applied to a dataflow spec; {@code layer} for the per-layer knobs. Value types: Integer, Long, FpgaDevice, Multipliers, Double. */
    public FpgaDataflowSpec apply(FpgaDataflowSpec s, String layer, Object value) {
        return switch (this) {
            case FPGA_PE, FPGA_SIMD -> {
                Map<String, Folding> f = new LinkedHashMap<>(s.folding());
                Folding old = f.getOrDefault(layer, Folding.NONE);
                f.put(layer, this == FPGA_PE ? new Folding((Integer) value, old.simd()) : new Folding(old.pe(), (Integer) value));
                yield s.withFolding(f);
            }
            case FPGA_TARGET_CYCLES -> s.withTargetCycles((Long) value);
            case FPGA_DEVICE -> new FpgaDataflowSpec(s.name(), (FpgaDevice) value, s.clockMhz(), s.multipliers(), s.weightMemory(), s.folding(), s.targetCycles());
            case FPGA_MULTIPLIERS -> new FpgaDataflowSpec(s.name(), s.device(), s.clockMhz(), (MvauUnit.Multipliers) value, s.weightMemory(), s.folding(), s.targetCycles());
            case FPGA_CLOCK_MHZ -> new FpgaDataflowSpec(s.name(), s.device(), (Double) value, s.multipliers(), s.weightMemory(), s.folding(), s.targetCycles());
            case ROWS, COLS, ARRAY, DATAFLOW, PE, IFMAP_KB, FILTER_KB, OFMAP_KB, SRAM_KB, DRAM_BYTES_PER_CYCLE, CLOCK_GHZ, COST_MODEL, DRAM,
                 ATTN_TOKEN_KEEP, ATTN_HEAD_KEEP, ATTN_KV_BITS, ATTN_MSB_BITS, ATTN_CONFIDENCE, ATTN_LOCAL_WINDOW, ATTN_DENSITY, ATTN_QK_BITS,
                 ATTN_P_BITS, ATTN_V_BITS, HIERARCHY -> throw new IllegalArgumentException(key + " is not an FPGA knob");
        };
    }

    /** {@code value}'s type follows the knob: Integer, int[2], Dataflow, PeSpec, Double or String. */
    public Architecture apply(Architecture a, Object value) {
        ArraySpec ar = a.array();
        MemorySpec m = a.memory();
        return switch (this) {
            case ROWS -> a.withArray(new ArraySpec((Integer) value, ar.cols(), ar.dataflow()));
            case COLS -> a.withArray(new ArraySpec(ar.rows(), (Integer) value, ar.dataflow()));
            case ARRAY -> {
                int[] rc = (int[]) value;
                yield a.withArray(new ArraySpec(rc[0], rc[1], ar.dataflow()));
            }
            case DATAFLOW -> a.withArray(new ArraySpec(ar.rows(), ar.cols(), (Dataflow) value));
            case PE -> a.withPe((PeSpec) value);
            case IFMAP_KB -> a.withMemory(new MemorySpec((Double) value, m.filterKb(), m.ofmapKb(), m.dramBytesPerCycle(), m.doubleBuffered(), m.technology()));
            case FILTER_KB -> a.withMemory(new MemorySpec(m.ifmapKb(), (Double) value, m.ofmapKb(), m.dramBytesPerCycle(), m.doubleBuffered(), m.technology()));
            case OFMAP_KB -> a.withMemory(new MemorySpec(m.ifmapKb(), m.filterKb(), (Double) value, m.dramBytesPerCycle(), m.doubleBuffered(), m.technology()));
            case SRAM_KB -> {
                double kb = (Double) value;
                yield a.withMemory(new MemorySpec(kb, kb, kb, m.dramBytesPerCycle(), m.doubleBuffered(), m.technology()));
            }
            case DRAM_BYTES_PER_CYCLE -> a.withMemory(new MemorySpec(m.ifmapKb(), m.filterKb(), m.ofmapKb(), (Double) value, m.doubleBuffered(), m.technology()));
            case CLOCK_GHZ -> new Architecture(a.name(), ar, a.pe(), m, (Double) value, a.vectorLanes(), a.compat(), a.attention(), a.costModel());
            case COST_MODEL -> a.withCostModel((io.quantarch.cost.actions.CostModelSpec) value);
            case DRAM -> {
                io.quantarch.simulator.memory.MemoryTechnology t = m.technology();
                yield a.withMemory(m.withTechnology(new io.quantarch.simulator.memory.MemoryTechnology((String) value, Double.NaN, t.sramModel(),
                        t.ifmapBanks(), t.filterBanks(), t.ofmapBanks())));
            }
            case FPGA_PE, FPGA_SIMD, FPGA_TARGET_CYCLES, FPGA_DEVICE, FPGA_MULTIPLIERS, FPGA_CLOCK_MHZ, ATTN_TOKEN_KEEP, ATTN_HEAD_KEEP,
                 ATTN_KV_BITS, ATTN_MSB_BITS, ATTN_CONFIDENCE, ATTN_LOCAL_WINDOW, ATTN_DENSITY, ATTN_QK_BITS, ATTN_P_BITS, ATTN_V_BITS, HIERARCHY ->
                    throw new IllegalArgumentException(key + " is not a systolic-array knob");
        };
    }
}
