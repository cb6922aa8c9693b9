package io.quantarch.workloads.quality;

import java.util.List;
import java.util.Locale;

/** The real models quantarch ships, by name. */
public final class RealModels {

    public static final List<String> NAMES = List.of("stories260k", "mnist_cnn");

    private RealModels() {
    }

    public static RealModel byName(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "stories260k" -> StoriesLm.bundled();
            case "mnist_cnn" -> MnistClassifier.bundled();
            default -> throw new IllegalArgumentException("unknown real model '" + name + "'; valid: " + String.join(", ", NAMES));
        };
    }
}
