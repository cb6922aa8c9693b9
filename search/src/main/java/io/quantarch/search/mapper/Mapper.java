package io.quantarch.search.mapper;

import io.quantarch.pricing.nest.NestPricing;
import io.quantarch.simulator.nest.mapspace.Enumerator;
import io.quantarch.simulator.nest.mapspace.MapSpace;

/**
 * Finds the best mapping of one problem on one hierarchy: picks the algorithm (under {@code auto}, exhaustive search when
 * the space, counted exactly where that takes at most {@value #COUNT_LIMIT} factorization and keep/bypass pairs, fits the budget; otherwise the
 * genetic mapper), runs it on a thread pool, returns what it found.
 */
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

    /** Factorization and keep/bypass pairs the mapper goes through, at most, to size a space exactly before choosing exhaustive search. */
    static final long COUNT_LIMIT = 200_000;

    /** The energy-delay front of one problem on one hierarchy (the run's best EDP point rides along in {@code run()}). */
    public static ParetoMapper.Front pareto(MapSpace space, NestPricing.Table prices, Settings s, MapperRun.Progress progress) {
        try (MapperEvaluator ev = new MapperEvaluator(space, prices, s.threads())) {
            return ParetoMapper.search(new MapperRun(ev, MapperObjective.EDP, s.budget(), s.seed(), progress), 64);
        }
    }

    public static MapperResult map(MapSpace space, NestPricing.Table prices, Settings s, MapperRun.Progress progress) {
        Enumerator e = new Enumerator(space);
        double size = e.sizeBound() <= s.budget() ? e.sizeBound() : s.algorithm().equals("auto") ? e.count(COUNT_LIMIT) : Double.NaN;
        MapperAlgorithm a = MapperAlgorithms.pick(s.algorithm(), Double.isNaN(size) ? Double.POSITIVE_INFINITY : size, s.budget());
        try (MapperEvaluator ev = new MapperEvaluator(space, prices, s.threads())) {
            return a.search(new MapperRun(ev, s.objective(), s.budget(), s.seed(), progress));
        }
    }
}
