package io.quantarch.search.space;

import io.quantarch.search.metric.Metric;
import io.quantarch.search.metric.Metrics;

import io.quantarch.config.ConfigException;
import io.quantarch.workloads.io.WorkloadSpec;
import io.quantarch.config.YamlNode;
import io.quantarch.workloads.layer.Workload;
import io.quantarch.workloads.quality.RealModel;
import io.quantarch.workloads.quality.RealModels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The design-space file (version 1):
 * <pre>
 * version: 1
 * name: stories-pe-study
 * workload: zoo:stories260k                     # or a workload .yaml / SCALE-Sim .csv (relative to this file)
 * quality: {model: stories260k, eval_samples: 4, calibration_samples: 4, tier2_eval_samples: 16}
 *          # or {synthetic: {seed: 1, rows: 16}}; the default is the real model when the workload is one, else synthetic
 * architecture:
 *   base: arch.yaml                              # or an inline architecture mapping; default: 32x32 WS INT8
 *   genes:                                       # each key one gene, its options in a list
 *     array: [16x16, 32x32, 64x64]
 *     pe: [int-mac, bit-fusion, {type: mx-dot, lanes: 32}]
 *     sram_kb: [64, 256]
 * quantization:
 *   default: {weights: int8_sym_channel, inputs: int8_sym_tensor}
 *   genes:
 *     - layers: "blocks.*"                      # glob over layer names
 *       per_layer: true                          # one gene per matching layer (default: one gene for the group)
 *       weights: [int8_sym_channel, int4_sym_g32, mxfp4]
 *     - layers: "*"
 *       inputs: [int8_sym_tensor, fp8_e4m3_tensor]
 * objectives: {quality_loss: min, energy_pj: min, area_mm2: min}
 * constraints: ["area_mm2 &lt;= 2", "quality_loss &lt;= 0.05"]
 * search: {algorithm: nsga2, population: 48, generations: 30, crossover: 0.9, mutation: 0.1, seed: 1}
 * </pre>
 * An FPGA space has {@code architecture.base: {type: fpga-dataflow, ...}} (or such a file) and {@code fpga.*} genes:
 * {@code fpga.pe.LAYER}, {@code fpga.simd.LAYER} (divisors of the layer's MH / MW), {@code fpga.target_cycles},
 * {@code fpga.device}, {@code fpga.multipliers}, {@code fpga.clock_mhz}; its metrics add luts, dsps, bram18 and
 * frames_per_s and drop energy, area and EDP. A design that does not fit its device is infeasible.
 * {@code attention.*} genes (SpAtten's token_keep, head_keep, kv_bits, msb_bits, confidence, local_window, or the
 * block-sparse density, qk_bits, p_bits, v_bits) put a systolic space's attention layers on an attention unit whose
 * measured loss, time and energy are added (stories260K quality only).
 * Every error is a {@link ConfigException} naming the file, the key, what was expected and what was found.
 */
public final class SpaceYaml {

    private static final Pattern LIMIT = Pattern.compile("\\s*([a-z_0-9]+)\\s*(<=|>=)\\s*([-+0-9.eE]+)\\s*");

    private SpaceYaml() {
    }

    public static DesignSpace read(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw ConfigException.of(file.toString(), Files.exists(file) ? "cannot read: " + e.getMessage() : "file not found");
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(YamlNode.read(file), text, dir, baseName(file));
    }

    public static DesignSpace parse(YamlNode root, String source, Path baseDir, String defaultName) throws ConfigException {
        root.allowOnly("version", "name", "workload", "quality", "architecture", "quantization", "objectives", "constraints", "search");
        int v = root.get("version").asInt(1, 1000);
        if (v != 1) {
            throw root.get("version").errorAt("version 1", "version " + v);
        }
        String name = root.textOr("name", defaultName);
        String wspec = root.get("workload").asText().trim();
        Workload w = WorkloadSpec.resolve(wspec, root.file() + " key 'workload'", baseDir);
        QualitySpec quality = quality(root, w, wspec, baseDir);
        RealModel model = quality instanceof QualitySpec.Real r ? RealModels.byName(r.model()) : null;

        ArchitectureGenesYaml.Result arch = ArchitectureGenesYaml.read(root, baseDir, w);
        ArchitectureGenesYaml.checkAttentionGenes(root, arch.genes(), quality, w);
        QuantizationYaml.Result quant = QuantizationYaml.read(root, w, model);
        if (arch.genes().isEmpty() && quant.genes().isEmpty()) {
            throw root.errorAt("at least one gene under architecture.genes or quantization.genes", "none");
        }
        List<Objective> objectives = objectives(root, quality);
        List<Limit> constraints = constraints(root, quality);
        boolean fpga = arch.fpgaBase() != null;
        for (Objective o : objectives) {
            checkAvailable(o.metric(), fpga, root.get("objectives"));
        }
        for (int i = 0; i < constraints.size(); i++) {
            checkAvailable(constraints.get(i).metric(), fpga, root.get("constraints").list().get(i));
        }
        return new DesignSpace(name, wspec, w, quality, arch.base(), arch.fpgaBase(), arch.hierarchyBase(), arch.genes(), quant.defaults(), quant.genes(), objectives,
                constraints, search(root), source);
    }

    private static List<Objective> objectives(YamlNode root, QualitySpec quality) throws ConfigException {
        List<Objective> objectives = new ArrayList<>();
        for (Map.Entry<String, YamlNode> e : root.get("objectives").entries()) {
            Metric m = metric(e.getKey(), root.get("objectives"), quality);
            String dir = e.getValue().asChoice(List.of("min", "max"));
            objectives.add(new Objective(m, dir.equals("max")));
        }
        if (objectives.size() < 2) {
            throw root.get("objectives").errorAt("at least two objectives (a Pareto front needs a trade-off)", objectives.size() + "");
        }
        return objectives;
    }

    private static List<Limit> constraints(YamlNode root, QualitySpec quality) throws ConfigException {
        List<Limit> constraints = new ArrayList<>();
        if (root.has("constraints")) {
            for (YamlNode c : root.get("constraints").list()) {
                Matcher m = LIMIT.matcher(c.asText());
                if (!m.matches()) {
                    throw c.errorAt("'METRIC <= VALUE' or 'METRIC >= VALUE'", "'" + c.asText() + "'");
                }
                double bound;
                try {
                    bound = Double.parseDouble(m.group(3));
                } catch (NumberFormatException ex) {
                    throw c.errorAt("a number after " + m.group(2), "'" + m.group(3) + "'");
                }
                constraints.add(new Limit(metric(m.group(1), c, quality), m.group(2).equals("<="), bound));
            }
        }
        return constraints;
    }

    private static QualitySpec quality(YamlNode root, Workload w, String wspec, Path baseDir) throws ConfigException {
        if (root.has("quality") && root.get("quality").isMapping() && root.get("quality").has("onnx")) {
            YamlNode o = root.get("quality").allowOnly("onnx").get("onnx").allowOnly("inputs", "labels", "calibration_inputs", "tier2_max_points");
            int at = wspec.toLowerCase(Locale.ROOT).indexOf(".onnx");
            if (at < 0) {
                throw o.errorAt("an .onnx workload (quality: {onnx: ...} runs the space's own model)", "workload '" + wspec + "'");
            }
            Path model = baseDir == null ? Path.of(wspec.substring(0, at + 5)) : baseDir.resolve(wspec.substring(0, at + 5));
            String in = o.get("inputs").asText();
            Path inputs = baseDir == null ? Path.of(in) : baseDir.resolve(in);
            if (!java.nio.file.Files.isDirectory(inputs)) {
                throw o.get("inputs").errorAt("a directory of input_N.pb files or test_data_set_K folders", "'" + in + "'");
            }
            Path labels = o.has("labels") ? resolve(baseDir, o.get("labels").asText()) : null;
            if (labels != null && !java.nio.file.Files.isRegularFile(labels)) {
                throw o.get("labels").errorAt("a file of class indices, one per sample", "'" + o.get("labels").asText() + "'");
            }
            Path calib = o.has("calibration_inputs") ? resolve(baseDir, o.get("calibration_inputs").asText()) : null;
            if (calib != null && !java.nio.file.Files.isDirectory(calib)) {
                throw o.get("calibration_inputs").errorAt("a directory of input_N.pb files or test_data_set_K folders", "'"
                        + o.get("calibration_inputs").asText() + "'");
            }
            QualitySpec.Onnx spec = new QualitySpec.Onnx(model, inputs, labels, calib, o.intOr("tier2_max_points", 0, 0, 1 << 20));
            spec.load();                                         // reads the samples and labels now, so bad ones are bad input here
            return spec;
        }
        return quality(root, w);
    }

    private static Path resolve(Path baseDir, String p) {
        return baseDir == null ? Path.of(p) : baseDir.resolve(p);
    }

    private static QualitySpec quality(YamlNode root, Workload w) throws ConfigException {
        String wl = w.name().toLowerCase(Locale.ROOT);
        String realDefault = RealModels.NAMES.stream().filter(n -> wl.equals(n) || wl.startsWith(n + ",") || wl.startsWith(n + "-"))
                .findFirst().orElse(null);
        if (!root.has("quality")) {
            return realDefault != null ? real(realDefault, null) : new QualitySpec.Synthetic(1, 16);
        }
        YamlNode q = root.get("quality").allowOnly("model", "eval_samples", "calibration_samples", "tier2_eval_samples", "tier2_max_points", "synthetic");
        if (q.has("synthetic")) {
            if (q.has("model")) {
                throw q.errorAt("either model or synthetic", "both");
            }
            YamlNode s = q.get("synthetic").allowOnly("seed", "rows");
            return new QualitySpec.Synthetic(s.longOr("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE), s.intOr("rows", 16, 1, 4096));
        }
        String m = q.get("model").asChoice(RealModels.NAMES);
        return real(m, q);
    }

    private static QualitySpec real(String model, YamlNode q) throws ConfigException {
        RealModel m = RealModels.byName(model);
        int eval = q == null ? Math.min(4, m.maxEvalSamples()) : q.intOr("eval_samples", Math.min(4, m.maxEvalSamples()), 1, m.maxEvalSamples());
        int cal = q == null ? Math.min(4, m.defaultCalibrationSamples()) : q.intOr("calibration_samples", Math.min(4, m.defaultCalibrationSamples()), 1, 1 << 20);
        int t2 = q == null ? Math.min(4 * eval, m.maxEvalSamples()) : q.intOr("tier2_eval_samples", Math.min(4 * eval, m.maxEvalSamples()), 1, m.maxEvalSamples());
        int maxPoints = q == null ? 0 : q.intOr("tier2_max_points", 0, 0, 1 << 20);
        return new QualitySpec.Real(model, eval, cal, t2, maxPoints);
    }

    private static Metric metric(String key, YamlNode where, QualitySpec quality) throws ConfigException {
        Metric m = Metrics.byName(key);
        if (m == null) {
            throw where.errorAt("a metric (" + String.join(", ", Metrics.names()) + ")", "'" + key + "'");
        }
        if (m.quality() && m != quality.metric()) {
            throw where.errorAt(quality.metric().column() + " (this space measures quality "
                    + (quality instanceof QualitySpec.Synthetic ? "on synthetic tensors" : "on a real model") + ")", "'" + key + "'");
        }
        return m;
    }

    private static void checkAvailable(Metric m, boolean fpga, YamlNode where) throws ConfigException {
        Metric.Hardware hw = fpga ? Metric.Hardware.FPGA : Metric.Hardware.SYSTOLIC;
        if (m.hardware().contains(hw)) {
            return;
        }
        if (fpga) {
            throw where.errorAt("a metric an FPGA dataflow design has (" + String.join(", ", Metrics.all().stream()
                    .filter(x -> x.hardware().contains(Metric.Hardware.FPGA)).map(Metric::column).toList()) + ")", "'" + m.column() + "'");
        } else {
            throw where.errorAt("a metric a systolic design has (an FPGA metric needs architecture.base with type: fpga-dataflow)",
                    "'" + m.column() + "'");
        }
    }

    private static SearchSettings search(YamlNode root) throws ConfigException {
        return root.has("search") ? SearchSettings.read(root.get("search")) : SearchSettings.DEFAULT;
    }

    private static String baseName(Path f) {
        String n = f.getFileName().toString();
        return n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : n;
    }
}
