package io.quantarch.search.algorithm;

import io.quantarch.config.component.Registry;

import java.util.List;

/** The registered search algorithms: one line each. */
public final class SearchAlgorithms {

    public static final Registry<SearchAlgorithm> REGISTRY = new Registry<>("search", "how a design space is searched",
            List.of(
                    new Nsga2Search(),
                    new RandomSearch(),
                    new ExhaustiveSearch(),
                    new DpSearch()));

    private SearchAlgorithms() {
    }

    public static SearchAlgorithm byName(String name) {
        return REGISTRY.byName(name);
    }

    public static List<String> names() {
        return REGISTRY.names();
    }
}
