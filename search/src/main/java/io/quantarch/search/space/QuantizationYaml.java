package io.quantarch.search.space;

import io.quantarch.config.ConfigException;
import io.quantarch.config.YamlNode;
import io.quantarch.workloads.layer.Workload;
import io.quantarch.workloads.policy.LayerQuant;
import io.quantarch.workloads.policy.PolicyYaml;
import io.quantarch.workloads.policy.Ptq;
import io.quantarch.workloads.policy.TensorQuant;
import io.quantarch.workloads.quality.RealModel;
import io.quantarch.workloads.quality.Sensitivity.Role;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The {@code quantization:} block of a design-space file: the default formats and the genes that vary them. */
final class QuantizationYaml {

    record Result(LayerQuant defaults, List<QuantGene> genes) { }

    private QuantizationYaml() {
    }

    static Result read(YamlNode root, Workload w, RealModel model) throws ConfigException {
        LayerQuant defaults = LayerQuant.FP32;
        List<QuantGene> genes = new ArrayList<>();
        if (!root.has("quantization")) {
            return new Result(defaults, genes);
        }
        YamlNode q = root.get("quantization").allowOnly("default", "genes");
        if (q.has("default")) {
            YamlNode d = q.get("default").allowOnly("weights", "inputs", "outputs", "kv_cache");
            defaults = new LayerQuant(tensor(d, "weights"), tensor(d, "inputs"), tensor(d, "outputs"), tensor(d, "kv_cache"), Ptq.RTN);
        }
        if (q.has("genes")) {
            for (YamlNode g : q.get("genes").list()) {
                genes.addAll(quantGenes(g, w, model));
            }
        }
        checkOverlaps(q, genes);
        return new Result(defaults, genes);
    }

    private static TensorQuant tensor(YamlNode d, String key) throws ConfigException {
        return d.has(key) ? PolicyYaml.tensor(d.get(key)) : TensorQuant.FP32;
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

}
