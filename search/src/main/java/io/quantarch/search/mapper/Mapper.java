package io.quantarch.search.mapper;

import io.quantarch.pricing.nest.NestPricing;
import io.quantarch.simulator.nest.mapspace.Enumerator;
import io.quantarch.simulator.nest.mapspace.MapSpace;

/** Finds the best mapping of one problem on one hierarchy: picks the algorithm, runs it on a thread pool, returns what it found. */
public final class Mapper {

    /**
     * @param algorithm a name in {@link MapperAlgorithms#REGISTRY}, or {@code auto}
     * @param budget    distinct points to price at most
     * @param threads   evaluation threads (results do not depend on them)
     */
    public record Settings(MapperObjective objective, String algorithm, long budget, long seed, int threads) {

        public static final long DEFAULT_BUDGET = 100_000;

        public Settings {
            if (budget < 1 || threads < 1) {
                throw new IllegalArgumentException("budget and threads of at least 1");
            }
        }

        public Settings withBudget(long b) {
            return new Settings(objective, algorithm, b, seed, threads);
        }
    }

    private Mapper() {
    }

    public static MapperResult map(MapSpace space, NestPricing.Table prices, Settings s, MapperRun.Progress progress) {
        MapperAlgorithm a = MapperAlgorithms.pick(s.algorithm(), new Enumerator(space).sizeBound(), s.budget());
        try (MapperEvaluator e = new MapperEvaluator(space, prices, s.threads())) {
            return a.search(new MapperRun(e, s.objective(), s.budget(), s.seed(), progress));
        }
    }
}
