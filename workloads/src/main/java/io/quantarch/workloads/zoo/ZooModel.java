package io.quantarch.workloads.zoo;

import io.quantarch.config.component.Component;
import io.quantarch.config.component.Declaration;
import io.quantarch.config.component.Param;
import io.quantarch.config.component.Values;
import io.quantarch.workloads.layer.Workload;

import java.util.List;
import java.util.function.Function;

/**
 * A named model shape of the zoo: its declaration (the spec keys it takes, e.g. {@code batch}, {@code seq},
 * {@code phase}, with ranges and defaults) and the builder that makes its workload. A new zoo model is one file
 * declaring a {@code ZooModel} plus one line in {@link Zoo#REGISTRY}.
 */
public record ZooModel(Declaration declaration, Function<Values, Workload> builder) implements Component {

    /** Every CNN's batch and image size. */
    public static final Param.Int BATCH = Param.integer("batch", 1, 1 << 20, 1, "samples per run");
    public static final Param.Int IMAGE = Param.integer("image", 8, 4096, 224, "input image height and width, pixels");
    public static final Param.Choice PHASE = Param.choice("phase", List.of("prefill", "decode"), "prefill",
            "prefill: seq tokens through every layer; decode: one token against a KV cache of seq tokens");

    /** Sequence length with a model's own default and maximum. */
    public static Param.Int seq(int def, int max) {
        return Param.integer("seq", 1, max, def, "tokens (prefill) or cached tokens (decode)");
    }

    public static ZooModel of(String name, String description, List<Param<?>> params, Function<Values, Workload> builder) {
        return new ZooModel(new Declaration("zoo-model", name, description, params), builder);
    }

    public Workload build(Values v) {
        return builder.apply(v);
    }
}
