package io.quantarch.simulator.io;

import io.quantarch.cost.actions.CostModelSpec;
import io.quantarch.simulator.Architecture;
import io.quantarch.simulator.AttentionMapping;
import io.quantarch.simulator.Compat;
import io.quantarch.simulator.array.ArraySpec;
import io.quantarch.simulator.array.Dataflow;
import io.quantarch.simulator.memory.MemorySpec;
import io.quantarch.simulator.memory.MemoryTechnology;
import io.quantarch.cost.memory.DramTechnologies;
import io.quantarch.cost.memory.SramModels;
import io.quantarch.simulator.pe.PeKinds;
import io.quantarch.simulator.pe.PeSpec;
import io.quantarch.config.ConfigException;
import io.quantarch.config.YamlNode;

import java.nio.file.Path;
import java.util.List;

/**
 * quantarch's own architecture file (version 1):
 * <pre>
 * version: 1
 * name: my-accel
 * array: {rows: 32, cols: 32, dataflow: ws}
 * pe: {type: int-mac, weight_bits: 8, input_bits: 8, accumulator_bits: 32}
 * memory: {ifmap_kb: 256, filter_kb: 256, ofmap_kb: 256, dram_bytes_per_cycle: 32, double_buffered: true,
 *          dram: lpddr4, sram_model: cacti}   # optional: dram_pj_per_bit, dram_channels (instead of the bandwidth),
 *                                            # ifmap_banks, filter_banks, ofmap_banks (default: 64-bit word per bank)
 * clock_ghz: 1.0
 * vector_lanes: 32
 * compat: none            # or scalesim
 * attention: fused        # or unfused: scores through DRAM (default: fused under compat none, unfused under scalesim)
 * cost_model: horowitz45   # horowitz45@16, table:my.csv, horowitz45+table:cacti-srams.csv (paths relative to this file),
 *                          # or {table: horowitz45, node_nm: 16, override: cacti-srams.csv}
 * </pre>
 * {@code dram_bytes_per_cycle: unlimited} gives SCALE-Sim's CALC behaviour (no bandwidth stalls).
 */
public final class ArchitectureYaml {

    private ArchitectureYaml() {
    }

    public static Architecture read(Path file) throws ConfigException {
        return parse(YamlNode.read(file), baseName(file), file.toAbsolutePath().getParent());
    }

    public static Architecture parse(YamlNode root, String defaultName) throws ConfigException {
        return parse(root, defaultName, Path.of(""));
    }

    /** {@code baseDir}: where a {@code table:} cost model's relative path starts (the YAML file's folder). */
    public static Architecture parse(YamlNode root, String defaultName, Path baseDir) throws ConfigException {
        root.allowOnly("version", "name", "array", "pe", "memory", "clock_ghz", "vector_lanes", "compat", "attention", "cost_model");
        int v = root.get("version").asInt(1, 1000);
        if (v != 1) {
            throw root.get("version").errorAt("version 1", "version " + v);
        }
        Architecture d = Architecture.DEFAULT;
        ArraySpec array = d.array();
        if (root.has("array")) {
            YamlNode a = root.get("array").allowOnly("rows", "cols", "dataflow");
            Dataflow df = a.has("dataflow") ? Dataflow.parse(a.get("dataflow").asChoice(List.of("os", "ws", "is"))) : d.array().dataflow();
            array = new ArraySpec(a.intOr("rows", d.array().rows(), 1, 65536), a.intOr("cols", d.array().cols(), 1, 65536), df);
        }
        PeSpec pe = root.has("pe") ? pe(root.get("pe")) : d.pe();
        double clock = root.doubleOr("clock_ghz", d.clockGhz(), 1e-6, 1e3);
        MemorySpec mem = root.has("memory") ? memory(root.get("memory"), d.memory(), clock) : d.memory();
        Compat compat = root.has("compat") ? Compat.parse(root.get("compat").asChoice(List.of("scalesim", "none"))) : Compat.NONE;
        AttentionMapping attention = root.has("attention") ? AttentionMapping.parse(root.get("attention").asChoice(List.of("fused", "unfused")))
                : AttentionMapping.defaultFor(compat);
        return new Architecture(root.textOr("name", defaultName), array, pe, mem, clock,
                root.intOr("vector_lanes", array.cols(), 1, 1 << 20), compat, attention,
                root.has("cost_model") ? costModel(root.get("cost_model"), baseDir) : d.costModel());
    }

    /**
     * A {@code memory:} mapping. The DRAM bandwidth is {@code dram_bytes_per_cycle}, or {@code dram_channels} channels of
     * the DRAM technology's peak at the array clock, or the default's.
     */
    static MemorySpec memory(YamlNode m, MemorySpec d, double clockGhz) throws ConfigException {
        m.allowOnly("ifmap_kb", "filter_kb", "ofmap_kb", "dram_bytes_per_cycle", "double_buffered", "dram", "dram_pj_per_bit", "dram_channels",
                "sram_model", "ifmap_banks", "filter_banks", "ofmap_banks");
        MemoryTechnology t = d.technology();
        String dram = m.has("dram") ? m.get("dram").asChoice(DramTechnologies.REGISTRY.names()) : t.dram();
        String sramModel = m.has("sram_model") ? m.get("sram_model").asChoice(SramModels.REGISTRY.names()) : t.sramModel();
        MemoryTechnology tech = new MemoryTechnology(dram, m.has("dram_pj_per_bit") ? m.get("dram_pj_per_bit").asDouble(1e-3, 1e4) : t.dramPjPerBit(),
                sramModel, m.intOr("ifmap_banks", t.ifmapBanks(), 1, 1 << 16), m.intOr("filter_banks", t.filterBanks(), 1, 1 << 16),
                m.intOr("ofmap_banks", t.ofmapBanks(), 1, 1 << 16));
        double bw = d.dramBytesPerCycle();
        if (m.has("dram_bytes_per_cycle") && m.has("dram_channels")) {
            throw m.get("dram_channels").errorAt("either dram_bytes_per_cycle or dram_channels", "both");
        }
        if (m.has("dram_bytes_per_cycle")) {
            YamlNode b = m.get("dram_bytes_per_cycle");
            bw = b.asText().equalsIgnoreCase("unlimited") ? Double.POSITIVE_INFINITY : b.asDouble(1e-6, 1e9);
        } else if (m.has("dram_channels")) {
            bw = m.get("dram_channels").asInt(1, 1024) * tech.dramTechnology().channelGBs() / clockGhz;
        }
        return new MemorySpec(m.doubleOr("ifmap_kb", d.ifmapKb(), 1e-3, 1e9), m.doubleOr("filter_kb", d.filterKb(), 1e-3, 1e9),
                m.doubleOr("ofmap_kb", d.ofmapKb(), 1e-3, 1e9), bw, m.boolOr("double_buffered", d.doubleBuffered()), tech);
    }

    /**
     * Reads {@code cost_model:} (text or mapping), resolving a table's path against the file's folder. The table's
     * contents are checked where the model is built, before any simulation (the CLI and the design-space reader).
     */
    public static CostModelSpec costModel(YamlNode n, Path baseDir) throws ConfigException {
        return CostModelSpec.read(n, baseDir);
    }

    /** A {@code pe:} mapping ({@code type} and that kind's parameters, as the kind declares them). */
    public static PeSpec pe(YamlNode p) throws ConfigException {
        return PeKinds.read(p);
    }

    private static String baseName(Path f) {
        String n = f.getFileName().toString();
        return n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : n;
    }
}
