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

    /** The layers that lower to GEMMs. */
    public List<Layer> matrixLayers() {
        return layers.stream().filter(l -> !l.gemms().isEmpty()).toList();
    }
}
