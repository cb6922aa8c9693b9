package io.quantarch.simulator.io;

import io.quantarch.simulator.Architecture;
import io.quantarch.simulator.Compat;
import io.quantarch.simulator.array.ArraySpec;
import io.quantarch.simulator.array.Dataflow;
import io.quantarch.simulator.memory.MemorySpec;
import io.quantarch.simulator.pe.BitFusionSpec;
import io.quantarch.simulator.pe.BitSerialSpec;
import io.quantarch.simulator.pe.ComplexPm1PmiSpec;
import io.quantarch.simulator.pe.Int4Fp8Spec;
import io.quantarch.simulator.pe.IntMacSpec;
import io.quantarch.simulator.pe.MiniFloatMacSpec;
import io.quantarch.simulator.pe.BlockScale;
import io.quantarch.simulator.pe.MxDotSpec;
import io.quantarch.simulator.pe.PeRegistry;
import io.quantarch.simulator.pe.PeSpec;
import io.quantarch.simulator.pe.ShiftAddMixedSpec;
import io.quantarch.simulator.pe.TernarySpec;
import io.quantarch.config.ConfigException;
import io.quantarch.config.YamlNode;

import java.nio.file.Path;
import java.util.Arrays;
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
 * cost_model: horowitz45   # horowitz45@16, table:my.csv, horowitz45+table:cacti-srams.csv (paths relative to this file)
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

    /** Checks the cost model now (a bad name or table is a configuration error), resolving a table's path. */
    public static String costModel(YamlNode n, Path baseDir) throws ConfigException {
        String spec = n.asText().trim();
        int t = spec.indexOf("table:");
        if (t >= 0) {
            Path p = Path.of(spec.substring(t + 6));
            if (!p.isAbsolute() && baseDir != null) {
                p = baseDir.resolve(p).normalize();
            }
            spec = spec.substring(0, t + 6) + p;
        }
        try {
            io.quantarch.cost.estimate.CostModels.byName(spec);
        } catch (IllegalArgumentException e) {
            throw n.errorAt("a cost model (" + String.join(", ", io.quantarch.cost.estimate.CostModels.NAMES) + ")", e.getMessage());
        }
        return spec;
    }

    /** A {@code pe:} mapping ({@code type} and that kind's parameters). */
    public static PeSpec pe(YamlNode p) throws ConfigException {
        String type = p.get("type").asChoice(PeRegistry.NAMES);
        try {
            return switch (type) {
                case "int-mac" -> {
                    p.allowOnly("type", "weight_bits", "input_bits", "accumulator_bits");
                    yield new IntMacSpec(p.intOr("weight_bits", 8, 1, 16), p.intOr("input_bits", 8, 1, 16), p.intOr("accumulator_bits", 32, 8, 63));
                }
                case "bit-serial" -> {
                    p.allowOnly("type", "weight_bits", "max_input_bits", "accumulator_bits");
                    yield new BitSerialSpec(p.intOr("weight_bits", 8, 1, 16), p.intOr("max_input_bits", 16, 1, 16), p.intOr("accumulator_bits", 32, 8, 63));
                }
                case "bit-fusion" -> {
                    p.allowOnly("type", "accumulator_bits");
                    yield new BitFusionSpec(p.intOr("accumulator_bits", 32, 8, 63));
                }
                case "shift-add-mixed" -> {
                    p.allowOnly("type", "max_weight_bits", "input_bits", "accumulator_bits", "dequantize");
                    String dq = p.has("dequantize") ? p.get("dequantize").asChoice(List.of("per-group", "per-mac")) : "per-group";
                    yield new ShiftAddMixedSpec(p.intOr("max_weight_bits", 4, 1, 8), p.intOr("input_bits", 8, 2, 16),
                            p.intOr("accumulator_bits", 32, 8, 63), dq.equals("per-mac"));
                }
                case "minifloat-mac" -> {
                    p.allowOnly("type", "accumulator", "accumulator_bits", "fraction_bits");
                    String acc = p.has("accumulator") ? p.get("accumulator").asChoice(List.of("fp32", "fixed")) : "fp32";
                    yield acc.equals("fp32") ? MiniFloatMacSpec.FP32_ACCUMULATOR
                            : new MiniFloatMacSpec(true, p.intOr("accumulator_bits", 48, 8, 1024), p.intOr("fraction_bits", 24, 0, 1023));
                }
                case "mx-dot" -> {
                    p.allowOnly("type", "lanes", "accumulator_bits", "scales");
                    String sc = p.has("scales") ? p.get("scales").asChoice(Arrays.stream(BlockScale.values()).map(b -> b.key).toList())
                            : BlockScale.E8M0.key;
                    yield new MxDotSpec(p.intOr("lanes", 1, 1, 64), p.intOr("accumulator_bits", 32, 16, 63), BlockScale.byKey(sc));
                }
                case "int4-fp8" -> {
                    p.allowOnly("type");
                    yield new Int4Fp8Spec(32);
                }
                case "ternary" -> {
                    p.allowOnly("type", "input_bits", "accumulator_bits", "expected_zero_fraction");
                    yield new TernarySpec(p.intOr("input_bits", 8, 2, 16), p.intOr("accumulator_bits", 32, 8, 63),
                            p.doubleOr("expected_zero_fraction", 1.0 / 3, 0, 0.999));
                }
                case "complex-pm1-pmi" -> {
                    p.allowOnly("type", "input_bits", "accumulator_bits");
                    yield new ComplexPm1PmiSpec(p.intOr("input_bits", 8, 2, 16), p.intOr("accumulator_bits", 32, 8, 63));
                }
                default -> throw new AssertionError(type);
            };
        } catch (IllegalArgumentException e) {
            throw p.errorAt("a valid " + type + " PE", e.getMessage());
        }
    }

    private static String baseName(Path f) {
        String n = f.getFileName().toString();
        return n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : n;
    }
}
