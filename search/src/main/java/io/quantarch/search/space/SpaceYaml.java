package io.quantarch.search.space;

import io.quantarch.search.metric.Metric;
import io.quantarch.search.metric.Metrics;

import io.quantarch.cost.actions.FpgaDevice;
import io.quantarch.cost.actions.MvauUnit;
import io.quantarch.simulator.Architecture;
import io.quantarch.simulator.array.Dataflow;
import io.quantarch.simulator.fpga.FpgaDataflowSpec;
import io.quantarch.simulator.fpga.MvauLayer;
import io.quantarch.simulator.io.ArchitectureYaml;
import io.quantarch.simulator.io.FpgaDataflowYaml;
import io.quantarch.simulator.pe.PeSpec;
import io.quantarch.config.ConfigException;
import io.quantarch.workloads.io.WorkloadSpec;
import io.quantarch.config.YamlNode;
import io.quantarch.workloads.layer.Attention;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.layer.Workload;
import io.quantarch.workloads.policy.LayerQuant;
import io.quantarch.workloads.policy.PolicyYaml;
import io.quantarch.workloads.policy.Ptq;
import io.quantarch.workloads.policy.TensorQuant;
import io.quantarch.workloads.quality.RealModel;
import io.quantarch.workloads.quality.RealModels;
import io.quantarch.workloads.quality.Sensitivity.Role;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
    private static final Pattern ARRAY = Pattern.compile("(\\d+)\\s*[xX]\\s*(\\d+)");

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
        QualitySpec quality = quality(root, w);
        RealModel model = quality instanceof QualitySpec.Real r ? RealModels.byName(r.model()) : null;

        Architecture base = Architecture.DEFAULT;
        FpgaDataflowSpec fpgaBase = null;
        List<ArchGene> archGenes = new ArrayList<>();
        if (root.has("architecture")) {
            YamlNode a = root.get("architecture").allowOnly("base", "genes");
            if (a.has("base")) {
                YamlNode b = a.get("base");
                if (b.isMapping() && b.has("type")) {
                    fpgaBase = FpgaDataflowYaml.parse(b, "base");
                } else if (b.isMapping()) {
                    base = ArchitectureYaml.parse(b, "base", baseDir);
                } else {
                    Path file = baseDir == null ? Path.of(b.asText()) : baseDir.resolve(b.asText());
                    if (file.getFileName().toString().matches("(?i).*\\.ya?ml") && Files.exists(file) && FpgaDataflowYaml.isFpga(file)) {
                        fpgaBase = FpgaDataflowYaml.read(file);
                    } else {
                        base = ArchitectureYaml.read(file);
                    }
                }
            }
            if (a.has("genes")) {
                for (Map.Entry<String, YamlNode> e : a.get("genes").entries()) {
                    archGenes.add(archGene(e.getKey(), e.getValue(), baseDir, fpgaBase != null, w));
                }
            }
        }

        checkAttentionGenes(root, archGenes, quality, w);

        LayerQuant defaults = LayerQuant.FP32;
        List<QuantGene> quantGenes = new ArrayList<>();
        if (root.has("quantization")) {
            YamlNode q = root.get("quantization").allowOnly("default", "genes");
            if (q.has("default")) {
                YamlNode d = q.get("default").allowOnly("weights", "inputs", "outputs", "kv_cache");
                defaults = new LayerQuant(
                        d.has("weights") ? PolicyYaml.tensor(d.get("weights")) : TensorQuant.FP32,
                        d.has("inputs") ? PolicyYaml.tensor(d.get("inputs")) : TensorQuant.FP32,
                        d.has("outputs") ? PolicyYaml.tensor(d.get("outputs")) : TensorQuant.FP32,
                        d.has("kv_cache") ? PolicyYaml.tensor(d.get("kv_cache")) : TensorQuant.FP32, Ptq.RTN);
            }
            if (q.has("genes")) {
                for (YamlNode g : q.get("genes").list()) {
                    quantGenes.addAll(quantGenes(g, w, model));
                }
            }
            checkOverlaps(q, quantGenes);
        }
        if (archGenes.isEmpty() && quantGenes.isEmpty()) {
            throw root.errorAt("at least one gene under architecture.genes or quantization.genes", "none");
        }

        List<Objective> objectives = new ArrayList<>();
        for (Map.Entry<String, YamlNode> e : root.get("objectives").entries()) {
            Metric m = metric(e.getKey(), root.get("objectives"), quality);
            String dir = e.getValue().asChoice(List.of("min", "max"));
            objectives.add(new Objective(m, dir.equals("max")));
        }
        if (objectives.size() < 2) {
            throw root.get("objectives").errorAt("at least two objectives (a Pareto front needs a trade-off)", objectives.size() + "");
        }
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
        boolean fpga = fpgaBase != null;
        for (Objective o : objectives) {
            checkAvailable(o.metric(), fpga, root.get("objectives"));
        }
        for (int i = 0; i < constraints.size(); i++) {
            checkAvailable(constraints.get(i).metric(), fpga, root.get("constraints").list().get(i));
        }
        SearchSettings search = search(root);
        return new DesignSpace(name, wspec, w, quality, base, fpgaBase, archGenes, defaults, quantGenes, objectives, constraints, search, source);
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
                    + (quality instanceof QualitySpec.Real ? "on a real model" : "on synthetic tensors") + ")", "'" + key + "'");
        }
        return m;
    }

    /**
     * Attention genes price one 512-token prefill window of stories260K on its own attention unit: the space must
     * measure quality on stories260K, its workload's attention layers must be such windows, and one space uses one
     * unit (SpAtten's knobs or the block-sparse ones).
     */
    private static void checkAttentionGenes(YamlNode root, List<ArchGene> genes, QualitySpec quality, Workload w) throws ConfigException {
        List<ArchGene> attention = genes.stream().filter(g -> g.knob().attention()).toList();
        if (attention.isEmpty()) {
            return;
        }
        YamlNode where = root.get("architecture").get("genes");
        if (attention.stream().anyMatch(g -> g.knob().blockSparse()) && attention.stream().anyMatch(g -> !g.knob().blockSparse())) {
            throw where.errorAt("attention genes of one unit: SpAtten's (token_keep, head_keep, kv_bits, msb_bits, confidence, local_window)"
                    + " or the block-sparse ones (density, qk_bits, p_bits, v_bits)", attention.stream().map(ArchGene::name).toList().toString());
        }
        if (!(quality instanceof QualitySpec.Real r) || !r.model().equals(io.quantarch.workloads.quality.StoriesLm.NAME)) {
            throw where.errorAt("quality measured on model stories260k (the attention unit runs its real attention)",
                    quality instanceof QualitySpec.Real r2 ? "model " + r2.model() : "synthetic quality");
        }
        List<Attention> layers = w.layers().stream().filter(l -> l instanceof Attention).map(l -> (Attention) l).toList();
        for (Attention a : layers) {
            if (a.batch() != 1 || a.queryLen() != 512 || a.kvLen() != 512) {
                throw where.errorAt("a workload whose attention layers are one 512-token prefill window (zoo:stories260k)",
                        a.name() + " with batch " + a.batch() + ", " + a.queryLen() + " queries, " + a.kvLen() + " keys");
            }
        }
        if (layers.isEmpty()) {
            throw where.errorAt("a workload with attention layers for the attention genes", "none in " + w.name());
        }
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

    private static ArchGene archGene(String key, YamlNode n, Path baseDir, boolean fpga, Workload w) throws ConfigException {
        String layer = null;
        ArchKnob k = ArchKnob.byKey(key);
        for (ArchKnob pl : List.of(ArchKnob.FPGA_PE, ArchKnob.FPGA_SIMD)) {
            if (key.startsWith(pl.key() + ".")) {
                k = pl;
                layer = key.substring(pl.key().length() + 1);
            }
        }
        if (k == null || k.perLayer() && layer == null) {
            throw n.errorAt("an architecture gene (" + String.join(", ", ArchKnob.keys()) + "; fpga.pe and fpga.simd take a layer: fpga.pe.LAYER)",
                    "'" + key + "'");
        }
        if (k.fpga() != fpga) {
            throw n.errorAt(fpga ? "an FPGA gene (fpga.*) in a space whose base is fpga-dataflow" : "a systolic-array gene (fpga.* genes need "
                    + "architecture.base with type: fpga-dataflow)", "'" + key + "'");
        }
        MvauLayer unit = null;
        if (layer != null) {
            String l = layer;
            Layer found = w.layers().stream().filter(x -> x.name().equals(l)).findFirst().orElse(null);
            unit = found == null ? null : MvauLayer.of(found);
            if (unit == null) {
                throw n.errorAt("a convolution or GEMM layer of " + w.name() + " after " + k.key() + ".", "'" + layer + "'");
            }
        }
        List<YamlNode> opts = n.list();
        if (opts.isEmpty()) {
            throw n.errorAt("a non-empty list of options", "an empty list");
        }
        List<Object> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (YamlNode o : opts) {
            switch (k) {
                case ROWS, COLS -> {
                    int x = o.asInt(1, 65536);
                    values.add(x);
                    labels.add(Integer.toString(x));
                }
                case ARRAY -> {
                    Matcher m = ARRAY.matcher(o.asText().trim());
                    if (!m.matches()) {
                        throw o.errorAt("ROWSxCOLS, e.g. 32x32", "'" + o.asText() + "'");
                    }
                    int r = Integer.parseInt(m.group(1));
                    int c = Integer.parseInt(m.group(2));
                    if (r < 1 || c < 1 || r > 65536 || c > 65536) {
                        throw o.errorAt("rows and columns in 1..65536", "'" + o.asText() + "'");
                    }
                    values.add(new int[] {r, c});
                    labels.add(r + "x" + c);
                }
                case DATAFLOW -> {
                    String d = o.asChoice(List.of("os", "ws", "is"));
                    values.add(Dataflow.parse(d));
                    labels.add(d);
                }
                case PE -> {
                    if (!o.isMapping()) {
                        o.asChoice(io.quantarch.simulator.pe.PeKinds.names());
                    }
                    YamlNode spec = o.isMapping() ? o : YamlNode.parse(o.file(), "type: " + o.asText());
                    PeSpec pe = ArchitectureYaml.pe(spec);
                    values.add(pe);
                    labels.add(o.isMapping() ? peLabel(o) : o.asText().trim());
                }
                case IFMAP_KB, FILTER_KB, OFMAP_KB, SRAM_KB -> {
                    double kb = o.asDouble(1e-3, 1e9);
                    values.add(kb);
                    labels.add(num(kb));
                }
                case DRAM_BYTES_PER_CYCLE -> {
                    double b = o.asText().equalsIgnoreCase("unlimited") ? Double.POSITIVE_INFINITY : o.asDouble(1e-6, 1e9);
                    values.add(b);
                    labels.add(Double.isInfinite(b) ? "unlimited" : num(b));
                }
                case CLOCK_GHZ -> {
                    double g = o.asDouble(1e-6, 1e3);
                    values.add(g);
                    labels.add(num(g));
                }
                case COST_MODEL -> {
                    io.quantarch.cost.actions.CostModelSpec spec = ArchitectureYaml.costModel(o, baseDir);
                    try {
                        io.quantarch.cost.estimate.CostModels.of(spec);              // a bad table is a configuration error now
                    } catch (IllegalArgumentException e) {
                        throw o.errorAt("a cost model (" + io.quantarch.cost.actions.CostModelSpec.SYNTAX + ")", e.getMessage());
                    }
                    values.add(spec);
                    labels.add(o.isMapping() ? spec.toString() : o.asText().trim());
                }
                case FPGA_PE, FPGA_SIMD -> {
                    int x = o.asInt(1, 1 << 20);
                    int dim = k == ArchKnob.FPGA_PE ? unit.mh() : unit.mw();
                    if (dim % x != 0) {
                        throw o.errorAt("a divisor of " + (k == ArchKnob.FPGA_PE ? "MH" : "MW") + " = " + dim + " of " + layer, Integer.toString(x));
                    }
                    values.add(x);
                    labels.add(Integer.toString(x));
                }
                case FPGA_TARGET_CYCLES -> {
                    long t = o.asLong(0, Long.MAX_VALUE);
                    values.add(t);
                    labels.add(Long.toString(t));
                }
                case FPGA_DEVICE -> {
                    String d = o.asChoice(FpgaDevice.names());
                    values.add(FpgaDevice.byName(d));
                    labels.add(d);
                }
                case FPGA_MULTIPLIERS -> {
                    String m = o.asChoice(List.of("lut", "dsp"));
                    values.add(MvauUnit.Multipliers.valueOf(m.toUpperCase(Locale.ROOT)));
                    labels.add(m);
                }
                case FPGA_CLOCK_MHZ -> {
                    double mhz = o.asDouble(1e-3, 1e4);
                    values.add(mhz);
                    labels.add(num(mhz));
                }
                case ATTN_TOKEN_KEEP, ATTN_HEAD_KEEP, ATTN_CONFIDENCE, ATTN_DENSITY -> {
                    double r = o.asDouble(1e-3, 1);
                    values.add(r);
                    labels.add(num(r));
                }
                case ATTN_KV_BITS, ATTN_MSB_BITS, ATTN_QK_BITS, ATTN_P_BITS, ATTN_V_BITS -> {
                    int b = o.asInt(0, 16);
                    if (b == 1) {
                        throw o.errorAt("0 (float32) or 2..16 bits", "1");
                    }
                    values.add(b);
                    labels.add(Integer.toString(b));
                }
                case ATTN_LOCAL_WINDOW -> {
                    int w2 = o.asInt(0, 512);
                    values.add(w2);
                    labels.add(Integer.toString(w2));
                }
            }
        }
        if (new LinkedHashSet<>(labels).size() != labels.size()) {
            throw n.errorAt("distinct options", "a repeated option in " + labels);
        }
        return new ArchGene(k, layer, values, labels);
    }

    private static String peLabel(YamlNode o) throws ConfigException {
        StringBuilder b = new StringBuilder(o.get("type").asText());
        for (Map.Entry<String, YamlNode> e : o.entries()) {
            if (!e.getKey().equals("type")) {
                b.append(';').append(e.getKey()).append('=').append(e.getValue().asText());
            }
        }
        return b.toString();
    }

    private static List<QuantGene> quantGenes(YamlNode g, Workload w, RealModel model) throws ConfigException {
        g.allowOnly("layers", "per_layer", "weights", "inputs", "kv_cache");
        String glob = g.get("layers").asText().trim();
        boolean perLayer = g.boolOr("per_layer", false);
        List<QuantGene> out = new ArrayList<>();
        boolean any = false;
        for (Role role : Role.values()) {
            String key = QuantGene.roleKey(role);
            if (!g.has(key)) {
                continue;
            }
            any = true;
            List<TensorQuant> options = new ArrayList<>();
            for (YamlNode o : g.get(key).list()) {
                options.add(PolicyYaml.tensor(o));
            }
            if (options.isEmpty()) {
                throw g.get(key).errorAt("a non-empty list of formats", "an empty list");
            }
            List<String> labels = options.stream().map(TensorQuant::label).toList();
            if (new LinkedHashSet<>(labels).size() != labels.size()) {
                throw g.get(key).errorAt("distinct formats", "a repeated format in " + labels);
            }
            List<String> layers = SpaceLayers.layersFor(role, glob, w, model);
            if (layers.isEmpty()) {
                List<String> candidates = SpaceLayers.layersFor(role, "*", w, model);
                List<String> near = io.quantarch.config.Names.nearest(candidates, glob.replace("*", ""), 3);
                throw g.get("layers").errorAt("a glob matching at least one layer with " + key + " in " + w.name()
                        + (near.isEmpty() ? "" : " (nearest: " + String.join(", ", near) + ")"), "'" + glob + "'");
            }
            if (perLayer) {
                for (String l : layers) {
                    out.add(new QuantGene(role, l, options, List.of(l)));
                }
            } else {
                out.add(new QuantGene(role, glob, options, layers));
            }
        }
        if (!any) {
            throw g.errorAt("at least one of weights, inputs, kv_cache", "none");
        }
        return out;
    }

    /** Each layer belongs to at most one gene per role, so per-gene sensitivities add up without counting a layer twice. */
    private static void checkOverlaps(YamlNode q, List<QuantGene> genes) throws ConfigException {
        Map<String, String> owner = new HashMap<>();
        for (QuantGene g : genes) {
            for (String l : g.layers()) {
                String prev = owner.putIfAbsent(g.role() + "|" + l, g.name());
                if (prev != null) {
                    throw q.get("genes").errorAt("each layer's " + QuantGene.roleKey(g.role()) + " in at most one gene (tier-1 quality adds "
                            + "per-gene sensitivities)", "layer " + l + " in both " + prev + " and " + g.name());
                }
            }
        }
    }

    private static SearchSettings search(YamlNode root) throws ConfigException {
        return root.has("search") ? SearchSettings.read(root.get("search")) : SearchSettings.DEFAULT;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String baseName(Path f) {
        String n = f.getFileName().toString();
        return n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : n;
    }
}
