package io.quantarch.simulator.io;

import io.quantarch.cost.actions.CostModelSpec;
import io.quantarch.simulator.Architecture;
import io.quantarch.simulator.Compat;
import io.quantarch.simulator.array.ArraySpec;
import io.quantarch.simulator.array.Dataflow;
import io.quantarch.simulator.memory.MemorySpec;
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
 * memory: {ifmap_kb: 256, filter_kb: 256, ofmap_kb: 256, dram_bytes_per_cycle: 32, double_buffered: true}
 * clock_ghz: 1.0
 * vector_lanes: 32
 * compat: none            # or scalesim
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
        root.allowOnly("version", "name", "array", "pe", "memory", "clock_ghz", "vector_lanes", "compat", "cost_model");
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
        MemorySpec mem = d.memory();
        if (root.has("memory")) {
            YamlNode m = root.get("memory").allowOnly("ifmap_kb", "filter_kb", "ofmap_kb", "dram_bytes_per_cycle", "double_buffered");
            double bw = mem.dramBytesPerCycle();
            if (m.has("dram_bytes_per_cycle")) {
                YamlNode b = m.get("dram_bytes_per_cycle");
                bw = b.asText().equalsIgnoreCase("unlimited") ? Double.POSITIVE_INFINITY : b.asDouble(1e-6, 1e9);
            }
            mem = new MemorySpec(m.doubleOr("ifmap_kb", mem.ifmapKb(), 1e-3, 1e9), m.doubleOr("filter_kb", mem.filterKb(), 1e-3, 1e9),
                    m.doubleOr("ofmap_kb", mem.ofmapKb(), 1e-3, 1e9), bw, m.boolOr("double_buffered", mem.doubleBuffered()));
        }
        Compat compat = root.has("compat") ? Compat.parse(root.get("compat").asChoice(List.of("scalesim", "none"))) : Compat.NONE;
        return new Architecture(root.textOr("name", defaultName), array, pe, mem, root.doubleOr("clock_ghz", d.clockGhz(), 1e-6, 1e3),
                root.intOr("vector_lanes", array.cols(), 1, 1 << 20), compat,
                root.has("cost_model") ? costModel(root.get("cost_model"), baseDir) : d.costModel());
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
