package io.quantarch.workloads.layer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A named list of layers: what a simulator runs and a policy quantizes. */
public record Workload(String name, List<Layer> layers) {

    public Workload {
        layers = List.copyOf(layers);
        Set<String> seen = new HashSet<>();
        for (Layer l : layers) {
            if (!seen.add(l.name())) {
                throw new IllegalArgumentException(name + ": duplicate layer name '" + l.name() + "'");
            }
        }
    }

    public long macs() {
        return layers.stream().mapToLong(Layer::macs).sum();
    }

    public long parameters() {
        return layers.stream().mapToLong(Layer::parameters).sum();
    }

    public List<String> layerNames() {
        return layers.stream().map(Layer::name).toList();
    }

    /**
     * The layers whose names match any of the comma-separated globs, in workload order; an
     * {@link IllegalArgumentException} names a glob that matches nothing and the nearest layer names.
     */
    public Workload select(String globs) {
        java.util.List<java.util.regex.Pattern> ps = new java.util.ArrayList<>();
        for (String g : globs.split(",")) {
            String t = g.trim();
            java.util.regex.Pattern p = LayerGlob.pattern(t);
            if (layers.stream().noneMatch(l -> p.matcher(l.name()).matches())) {
                String flat = t.replace("*", "").replace("?", "");
                java.util.List<String> near = io.quantarch.config.Names.nearest(layerNames(), flat, 3);
                throw new IllegalArgumentException("layer glob '" + t + "' matches no layer of " + name + "; nearest: " + String.join(", ", near));
            }
            ps.add(p);
        }
        return new Workload(name, layers.stream().filter(l -> ps.stream().anyMatch(p -> p.matcher(l.name()).matches())).toList());
    }

    /** The layers that lower to GEMMs. */
    public List<Layer> matrixLayers() {
        return layers.stream().filter(l -> !l.gemms().isEmpty()).toList();
    }
}
