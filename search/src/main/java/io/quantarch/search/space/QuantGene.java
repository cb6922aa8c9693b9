package io.quantarch.search.space;

import io.quantarch.workloads.policy.TensorQuant;
import io.quantarch.workloads.quality.Sensitivity.Role;

import java.util.List;
import java.util.Locale;

/**
 * A quantization gene: the format of one tensor role (weights, inputs or KV cache) for the layers a glob selects
 * (a group, or one layer when the space asks for per-layer genes).
 *
 * @param layers the workload's layers this gene decides (each layer belongs to at most one gene per role)
 */
public record QuantGene(Role role, String glob, List<TensorQuant> options, List<String> layers) {

    public QuantGene {
        options = List.copyOf(options);
        layers = List.copyOf(layers);
    }

    /** {@code weights[blocks.0.*]}. */
    public String name() {
        return roleKey(role) + "[" + glob + "]";
    }

    public List<String> labels() {
        return options.stream().map(TensorQuant::label).toList();
    }

    public static String roleKey(Role r) {
        return r.name().toLowerCase(Locale.ROOT);
    }
}
