package io.quantarch.search.mapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** The mapper algorithms by name; {@code auto} picks exhaustive when the space's bound fits the budget, else genetic. */
public final class MapperAlgorithms {

    private MapperAlgorithms() {
    }

    public static final Map<String, MapperAlgorithm> REGISTRY;

    static {
        Map<String, MapperAlgorithm> m = new LinkedHashMap<>();
        for (MapperAlgorithm a : new MapperAlgorithm[] {new ExhaustiveMapper(), new RandomPrunedMapper(16), GeneticMapper.DEFAULT}) {
            m.put(a.name(), a);
        }
        REGISTRY = java.util.Collections.unmodifiableMap(m);
    }

    /** The algorithm for {@code name}, or for {@code auto} the one that suits a space of {@code sizeBound} points. */
    public static MapperAlgorithm pick(String name, double sizeBound, long budget) {
        if (name.equals("auto")) {
            return sizeBound <= budget ? REGISTRY.get("exhaustive") : REGISTRY.get("genetic");
        }
        MapperAlgorithm a = REGISTRY.get(name);
        if (a == null) {
            throw new IllegalArgumentException("'" + name + "' is not a mapper algorithm " + REGISTRY.keySet() + " or auto");
        }
        return a;
    }
}
