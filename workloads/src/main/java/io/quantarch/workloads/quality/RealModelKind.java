package io.quantarch.workloads.quality;

import io.quantarch.config.component.Component;
import io.quantarch.config.component.Declaration;

import java.util.List;
import java.util.function.Supplier;

/**
 * A real model as the registry lists it: its declaration (name, what it is, its quality metric) and how to load it
 * (weights and data are loaded once, on first use). A new real model is one class implementing {@link RealModel} that
 * declares a {@code KIND}, plus one line in {@link RealModels#REGISTRY}.
 */
public record RealModelKind(Declaration declaration, Supplier<RealModel> loader) implements Component {

    public static RealModelKind of(String name, String description, Supplier<RealModel> loader) {
        return new RealModelKind(new Declaration("real-model", name, description, List.of()), loader);
    }

    public RealModel load() {
        return loader.get();
    }
}
