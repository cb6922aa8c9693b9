package io.quantarch.search.space;

import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.layer.LayerGlob;
import io.quantarch.workloads.layer.OperandKind;
import io.quantarch.workloads.layer.Workload;
import io.quantarch.workloads.quality.RealModel;
import io.quantarch.workloads.quality.Sensitivity.Role;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Which layers a quantization gene can decide. */
public final class SpaceLayers {

    private SpaceLayers() {
    }

    /** The workload's layers a glob selects that have a tensor of this role (and, for a real model, that it can quantize). */
    public static List<String> layersFor(Role role, String glob, Workload w, RealModel model) {
        Pattern p = LayerGlob.pattern(glob);
        Set<String> realLayers = null;
        if (model != null) {
            realLayers = new LinkedHashSet<>(switch (role) {
                case WEIGHTS -> model.linearLayers();
                case INPUTS -> model.linearLayers();
                case KV_CACHE -> model.kvLayers();
            });
        }
        List<String> out = new ArrayList<>();
        for (Layer l : w.layers()) {
            if (!p.matcher(l.name()).matches()) {
                continue;
            }
            boolean has = switch (role) {
                case WEIGHTS -> l.gemms().stream().anyMatch(x -> x.filterKind() == OperandKind.WEIGHT);
                case INPUTS -> !l.gemms().isEmpty();
                case KV_CACHE -> l.gemms().stream().anyMatch(x -> x.filterKind() != OperandKind.WEIGHT);
            };
            if (has && (realLayers == null || realLayers.contains(l.name()))) {
                out.add(l.name());
            }
        }
        return out;
    }

}
