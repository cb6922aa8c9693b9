package io.quantarch.search.space;

/**
 * How to search: algorithm, population and generations (NSGA-II and random search spend population x
 * (generations + 1) evaluations), crossover and mutation probabilities, and the seed.
 */
public record SearchSettings(Algorithm algorithm, int population, int generations, double crossover, double mutation, long seed) {

    public enum Algorithm {
        NSGA2, RANDOM, EXHAUSTIVE, DP;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public long budget() {
        return (long) population * (generations + 1);
    }

    public SearchSettings withAlgorithm(Algorithm a) {
        return new SearchSettings(a, population, generations, crossover, mutation, seed);
    }

    public SearchSettings withSeed(long s) {
        return new SearchSettings(algorithm, population, generations, crossover, mutation, s);
    }

    public SearchSettings withBudget(int pop, int gens) {
        return new SearchSettings(algorithm, pop, gens, crossover, mutation, seed);
    }
}
