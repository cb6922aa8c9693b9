package io.quantarch.workloads.policy;

import io.quantarch.numerics.format.Formats;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.format.UnknownFormatException;
import io.quantarch.numerics.quant.Calibration;
import io.quantarch.config.ConfigException;
import io.quantarch.config.YamlNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Quantization policy files (version 1):
 * <pre>
 * version: 1
 * name: w4a8-gptq
 * default:
 *   weights: int4_sym_g128                     # a format name, fp32, or {format: NAME, calibration: max|mse|percentile:99.9}
 *   inputs: {format: int8_sym_tensor, calibration: percentile:99.99}
 *   outputs: fp32
 *   kv_cache: fp32
 *   ptq: {method: gptq, act_order: true, block_size: 128, damp: 0.01, smoothquant_alpha: 0.5, rotation: hadamard}
 * overrides:
 *   - layers: "lm_head"                        # glob over layer names
 *     weights: int8_sym_channel
 * </pre>
 */
public final class PolicyYaml {

    private static final List<String> TENSOR_KEYS = List.of("weights", "inputs", "outputs", "kv_cache", "ptq");

    private PolicyYaml() {
    }

    public static QuantPolicy read(Path file) throws ConfigException {
        return parse(YamlNode.read(file));
    }

    public static QuantPolicy parse(YamlNode root) throws ConfigException {
        root.allowOnly("version", "name", "default", "overrides");
        int v = root.get("version").asInt(1, 1000);
        if (v != 1) {
            throw root.get("version").errorAt("version 1", "version " + v);
        }
        String name = root.textOr("name", "policy");
        LayerQuant def = LayerQuant.FP32;
        if (root.has("default")) {
            YamlNode d = root.get("default").allowOnly(TENSOR_KEYS);
            def = new LayerQuant(
                    d.has("weights") ? tensor(d.get("weights")) : TensorQuant.FP32,
                    d.has("inputs") ? tensor(d.get("inputs")) : TensorQuant.FP32,
                    d.has("outputs") ? tensor(d.get("outputs")) : TensorQuant.FP32,
                    d.has("kv_cache") ? tensor(d.get("kv_cache")) : TensorQuant.FP32,
                    d.has("ptq") ? ptq(d.get("ptq")) : Ptq.RTN);
        }
        List<QuantPolicy.Override> overrides = new ArrayList<>();
        if (root.has("overrides")) {
            for (YamlNode o : root.get("overrides").list()) {
                o.allowOnly(List.of("layers", "weights", "inputs", "outputs", "kv_cache", "ptq"));
                String glob = o.get("layers").asText();
                overrides.add(new QuantPolicy.Override(glob,
                        o.has("weights") ? Optional.of(tensor(o.get("weights"))) : Optional.empty(),
                        o.has("inputs") ? Optional.of(tensor(o.get("inputs"))) : Optional.empty(),
                        o.has("outputs") ? Optional.of(tensor(o.get("outputs"))) : Optional.empty(),
                        o.has("kv_cache") ? Optional.of(tensor(o.get("kv_cache"))) : Optional.empty(),
                        o.has("ptq") ? Optional.of(ptq(o.get("ptq"))) : Optional.empty()));
            }
        }
        return new QuantPolicy(name, def, overrides);
    }

    public static TensorQuant tensor(YamlNode n) throws ConfigException {
        String formatName;
        Calibration cal = Calibration.MAX_ABS;
        YamlNode formatNode = n;
        if (n.isMapping()) {
            n.allowOnly("format", "calibration");
            formatNode = n.get("format");
            formatName = formatNode.asText();
            if (n.has("calibration")) {
                cal = calibration(n.get("calibration"));
            }
        } else {
            formatName = n.asText();
        }
        if (formatName.equalsIgnoreCase("fp32") || formatName.equalsIgnoreCase("none")) {
            return TensorQuant.FP32;
        }
        try {
            NumberFormat f = Formats.byName(formatName);
            return new TensorQuant.Quantized(f, cal);
        } catch (UnknownFormatException e) {
            throw formatNode.errorAt("a format name or fp32", "'" + formatName + "' (" + e.getMessage() + ")");
        }
    }

    public static Calibration calibration(YamlNode n) throws ConfigException {
        String c = n.asText().trim().toLowerCase(java.util.Locale.ROOT);
        try {
            return Calibration.parse(c);
        } catch (IllegalArgumentException e) {
            throw n.errorAt(e.getMessage(), "'" + c + "'");
        }
    }

    static Ptq ptq(YamlNode n) throws ConfigException {
        n.allowOnly("method", "act_order", "block_size", "damp", "smoothquant_alpha", "rotation");
        String method = n.has("method") ? n.get("method").asChoice(List.of("rtn", "gptq")) : "rtn";
        Ptq.WeightRounding r = method.equals("gptq")
                ? new Ptq.WeightRounding.Gptq(n.intOr("block_size", 128, 1, 1 << 16), n.boolOr("act_order", false), n.doubleOr("damp", 0.01, 0, 0.99))
                : Ptq.WeightRounding.RTN;
        if (method.equals("rtn") && (n.has("act_order") || n.has("block_size") || n.has("damp"))) {
            throw n.errorAt("act_order, block_size and damp only with method: gptq", "method rtn");
        }
        Ptq.Smoothing s = n.has("smoothquant_alpha") ? new Ptq.Smoothing.SmoothQuant(n.get("smoothquant_alpha").asDouble(0, 1)) : Ptq.Smoothing.NONE;
        Ptq.Rotation rot = n.has("rotation")
                ? Ptq.Rotation.valueOf(n.get("rotation").asChoice(List.of("none", "hadamard")).toUpperCase(java.util.Locale.ROOT))
                : Ptq.Rotation.NONE;
        return new Ptq(r, s, rot);
    }
}
