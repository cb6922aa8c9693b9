package io.quantarch.workloads.quality;

import io.quantarch.config.component.Registry;

import java.util.List;
import java.util.Locale;

/** The real models quantarch ships, by name: one registration line each. */
public final class RealModels {

    public static final Registry<RealModelKind> REGISTRY = new Registry<>("real-model",
            "small real models with weights and evaluation data: quality is measured by running them",
            List.of(
                    StoriesLm.KIND,
                    MnistClassifier.KIND));

    public static final List<String> NAMES = REGISTRY.names();

    private RealModels() {
    }

    public static RealModel byName(String name) {
        return REGISTRY.byName(name.trim().toLowerCase(Locale.ROOT)).load();
    }
}
