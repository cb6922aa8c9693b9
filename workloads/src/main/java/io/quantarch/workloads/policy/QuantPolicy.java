package io.quantarch.workloads.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which format each tensor of each layer uses: a default plus overrides selected by layer-name glob
 * ({@code *} any characters, {@code ?} one); where several overrides match, the last one wins, field by field.
 */
public record QuantPolicy(String name, LayerQuant defaults, List<Override> overrides) {

    public QuantPolicy {
        overrides = List.copyOf(overrides);
    }

    /** Fields that replace the default for layers matching {@code glob}; empty fields inherit. */
    public record Override(String glob, Optional<TensorQuant> weights, Optional<TensorQuant> inputs,
                           Optional<TensorQuant> outputs, Optional<TensorQuant> kvCache, Optional<Ptq> ptq) {

        public boolean matches(String layer) {
            return io.quantarch.workloads.layer.LayerGlob.matches(glob, layer);
        }

        public static Override weights(String glob, TensorQuant w) {
            return new Override(glob, Optional.of(w), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        public static Override inputs(String glob, TensorQuant a) {
            return new Override(glob, Optional.empty(), Optional.of(a), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    public static QuantPolicy uniform(String name, LayerQuant all) {
        return new QuantPolicy(name, all, List.of());
    }

    public static final QuantPolicy FP32 = uniform("fp32", LayerQuant.FP32);

    public LayerQuant forLayer(String layer) {
        LayerQuant q = defaults;
        for (Override o : overrides) {
            if (o.matches(layer)) {
                q = new LayerQuant(o.weights().orElse(q.weights()), o.inputs().orElse(q.inputs()),
                        o.outputs().orElse(q.outputs()), o.kvCache().orElse(q.kvCache()), o.ptq().orElse(q.ptq()));
            }
        }
        return q;
    }

    /**
     * Every override must match at least one of {@code layers}; otherwise an {@link IllegalArgumentException}
     * names the glob and the nearest layer names.
     */
    public void validateAgainst(String workload, Collection<String> layers) {
        for (int i = 0; i < overrides.size(); i++) {
            Override o = overrides.get(i);
            if (layers.stream().noneMatch(o::matches)) {
                List<String> near = io.quantarch.config.Names.nearest(layers, stripGlob(o.glob()), 3);
                throw new IllegalArgumentException("overrides[" + i + "].layers '" + o.glob() + "' matches no layer of "
                        + workload + "; nearest: " + String.join(", ", near));
            }
        }
    }

    private static String stripGlob(String g) {
        return g.replace("*", "").replace("?", "");
    }

    static Pattern globPattern(String glob) {
        return io.quantarch.workloads.layer.LayerGlob.pattern(glob);
    }

    /** Policies that differ only in one layer's weights, for per-layer sensitivity. */
    public QuantPolicy withLayerWeights(String layer, TensorQuant w) {
        List<Override> o = new ArrayList<>(overrides);
        o.add(Override.weights(layer, w));
        return new QuantPolicy(name + "+" + layer + ".weights=" + w.label(), defaults, o);
    }
}
