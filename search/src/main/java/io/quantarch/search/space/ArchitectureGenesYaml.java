package io.quantarch.search.space;

import io.quantarch.config.ConfigException;
import io.quantarch.config.YamlNode;
import io.quantarch.simulator.Architecture;
import io.quantarch.simulator.fpga.FpgaDataflowSpec;
import io.quantarch.simulator.fpga.MvauLayer;
import io.quantarch.simulator.io.ArchitectureYaml;
import io.quantarch.simulator.io.FpgaDataflowYaml;
import io.quantarch.workloads.layer.Attention;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.layer.Workload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The {@code architecture:} block of a design-space file: the base (systolic or FPGA dataflow) and its genes. */
final class ArchitectureGenesYaml {

    /** The base the genes vary ({@code fpgaBase} non-null in an FPGA space) and the genes. */
    record Result(Architecture base, FpgaDataflowSpec fpgaBase, HierarchyBase hierarchyBase, List<ArchGene> genes) { }

    private ArchitectureGenesYaml() {
    }

    static Result read(YamlNode root, Path baseDir, Workload w) throws ConfigException {
        Architecture base = Architecture.DEFAULT;
        FpgaDataflowSpec fpgaBase = null;
        List<ArchGene> genes = new ArrayList<>();
        if (!root.has("architecture")) {
            return new Result(base, null, null, genes);
        }
        YamlNode a = root.get("architecture").allowOnly("base", "genes", "mapping", "mapper");
        HierarchyBase hierarchy = HierarchyYaml.read(a, baseDir);
        if (hierarchy == null && (a.has("mapping") || a.has("mapper"))) {
            throw a.errorAt("mapping and mapper only with a Timeloop hierarchy as the base (architecture: nodes:)",
                    a.has("base") ? a.get("base").asText() : "the default systolic array");
        }
        if (hierarchy != null) {
            // the hierarchy replaces the systolic base
        } else if (a.has("base")) {
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
                genes.add(gene(e.getKey(), e.getValue(), baseDir, fpgaBase != null, hierarchy, w));
            }
        }
        return new Result(base, fpgaBase, hierarchy, genes);
    }

    private static ArchGene gene(String key, YamlNode n, Path baseDir, boolean fpga, HierarchyBase hierarchy, Workload w) throws ConfigException {
        String layer = null;
        ArchKnob k = ArchKnob.byKey(key);
        for (ArchKnob pl : List.of(ArchKnob.FPGA_PE, ArchKnob.FPGA_SIMD, ArchKnob.HIERARCHY)) {
            if (key.startsWith(pl.key() + ".")) {
                k = pl;
                layer = key.substring(pl.key().length() + 1);
            }
        }
        if (k == null || k.perLayer() && layer == null) {
            throw n.errorAt("an architecture gene (" + String.join(", ", ArchKnob.keys()) + "; fpga.pe and fpga.simd take a layer: fpga.pe.LAYER; "
                    + "hierarchy takes TARGET.ATTRIBUTE: hierarchy.shared_glb.depth)",
                    "'" + key + "'");
        }
        if (k.hierarchy() != (hierarchy != null)) {
            throw n.errorAt(hierarchy != null ? "a hierarchy gene hierarchy.TARGET.ATTRIBUTE in a space whose base is a Timeloop hierarchy"
                    : "a gene of the base (hierarchy.* genes need a Timeloop hierarchy as architecture.base)", "'" + key + "'");
        }
        if (k.hierarchy()) {
            HierarchyYaml.checkGene(n, layer, hierarchy);
        } else if (k.fpga() != fpga) {
            throw n.errorAt(fpga ? "an FPGA gene (fpga.*) in a space whose base is fpga-dataflow" : "a systolic-array gene (fpga.* genes need "
                    + "architecture.base with type: fpga-dataflow)", "'" + key + "'");
        }
        MvauLayer unit = layer == null || k.hierarchy() ? null : unit(k, layer, n, w);
        List<YamlNode> opts = n.list();
        if (opts.isEmpty()) {
            throw n.errorAt("a non-empty list of options", "an empty list");
        }
        List<Object> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (YamlNode o : opts) {
            KnobOptions opt = KnobOptions.read(k, o, baseDir, unit);
            values.add(opt.value());
            labels.add(opt.label());
        }
        if (new LinkedHashSet<>(labels).size() != labels.size()) {
            throw n.errorAt("distinct options", "a repeated option in " + labels);
        }
        return new ArchGene(k, layer, values, labels);
    }

    private static MvauLayer unit(ArchKnob k, String layer, YamlNode n, Workload w) throws ConfigException {
        Layer found = w.layers().stream().filter(x -> x.name().equals(layer)).findFirst().orElse(null);
        MvauLayer unit = found == null ? null : MvauLayer.of(found);
        if (unit == null) {
            throw n.errorAt("a convolution or GEMM layer of " + w.name() + " after " + k.key() + ".", "'" + layer + "'");
        }
        return unit;
    }

    /**
     * Attention genes price one 512-token prefill window of stories260K on its own attention unit: the space must
     * measure quality on stories260K, its workload's attention layers must be such windows, and one space uses one
     * unit (SpAtten's knobs or the block-sparse ones).
     */
    static void checkAttentionGenes(YamlNode root, List<ArchGene> genes, QualitySpec quality, Workload w) throws ConfigException {
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

}
