package io.quantarch.simulator.io;

import io.quantarch.cost.actions.FpgaDevice;
import io.quantarch.cost.actions.MvauUnit;
import io.quantarch.simulator.fpga.Folding;
import io.quantarch.simulator.fpga.FpgaDataflowSpec;
import io.quantarch.config.ConfigException;
import io.quantarch.config.YamlNode;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An FPGA dataflow architecture file:
 * <pre>
 * version: 1
 * type: fpga-dataflow
 * device: zcu104               # zcu104 | u250 | pynq-z1
 * clock_mhz: 200
 * multipliers: lut             # lut | dsp
 * weight_memory: bram          # bram | distributed
 * target_cycles: 20000         # optional: fold unlisted layers until each needs at most this many cycles per frame
 * folding:                     # optional, per layer
 *   conv2: {pe: 4, simd: 20}
 * </pre>
 */
public final class FpgaDataflowYaml {

    public static final String TYPE = "fpga-dataflow";

    private FpgaDataflowYaml() {
    }

    /** True when the YAML file's root says {@code type: fpga-dataflow}. */
    public static boolean isFpga(Path file) throws ConfigException {
        YamlNode root = YamlNode.read(file);
        return root.isMapping() && root.has("type") && TYPE.equals(root.get("type").asText().trim().toLowerCase(Locale.ROOT));
    }

    public static FpgaDataflowSpec read(Path file) throws ConfigException {
        String base = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return parse(YamlNode.read(file), base);
    }

    public static FpgaDataflowSpec parse(YamlNode root, String defaultName) throws ConfigException {
        root.allowOnly("version", "type", "name", "device", "clock_mhz", "multipliers", "weight_memory", "target_cycles", "folding");
        int v = root.get("version").asInt(1, 1000);
        if (v != 1) {
            throw root.get("version").errorAt("version 1", "version " + v);
        }
        root.get("type").asChoice(List.of(TYPE));
        FpgaDevice device = FpgaDevice.byName(root.get("device").asChoice(FpgaDevice.names()));
        MvauUnit.Multipliers mult = root.has("multipliers")
                ? MvauUnit.Multipliers.valueOf(root.get("multipliers").asChoice(List.of("lut", "dsp")).toUpperCase(Locale.ROOT))
                : MvauUnit.Multipliers.LUT;
        MvauUnit.WeightMemory mem = root.has("weight_memory")
                ? MvauUnit.WeightMemory.valueOf(root.get("weight_memory").asChoice(List.of("bram", "distributed")).toUpperCase(Locale.ROOT))
                : MvauUnit.WeightMemory.BRAM;
        Map<String, Folding> folding = new LinkedHashMap<>();
        if (root.has("folding")) {
            for (Map.Entry<String, YamlNode> e : root.get("folding").entries()) {
                YamlNode f = e.getValue().allowOnly("pe", "simd");
                folding.put(e.getKey(), new Folding(f.intOr("pe", 1, 1, 1 << 20), f.intOr("simd", 1, 1, 1 << 20)));
            }
        }
        return new FpgaDataflowSpec(root.textOr("name", defaultName), device, root.doubleOr("clock_mhz", 200, 1e-3, 1e4), mult, mem,
                folding, root.longOr("target_cycles", 0, 0, Long.MAX_VALUE));
    }
}
