package io.quantarch.search.space;

import io.quantarch.config.ConfigException;
import io.quantarch.config.YamlNode;
import io.quantarch.config.component.Declaration;
import io.quantarch.config.component.Param;
import io.quantarch.config.component.Values;
import io.quantarch.search.algorithm.SearchAlgorithm;
import io.quantarch.search.algorithm.SearchAlgorithms;

import java.util.List;

/**
 * How to search: algorithm, population and generations (NSGA-II and random search spend population x
 * (generations + 1) evaluations), crossover and mutation probabilities, and the seed. The keys are declared once here
 * and each algorithm's declaration lists those it reads; a space's {@code search:} block may hold any of them (the
 * command line can switch algorithms without editing the file).
 *
 * @param mutation per-gene mutation probability; negative: 1 / genes
 */
public record SearchSettings(SearchAlgorithm algorithm, int population, int generations, double crossover, double mutation, long seed) {

    /** The keys algorithms read (a holder of its own, so algorithms can name them while the registry is being built). */
    public static final class Keys {
        public static final Param.Int POPULATION = Param.integer("population", 4, 1 << 20, 40, "designs per generation");
        public static final Param.Int GENERATIONS = Param.integer("generations", 0, 1 << 20, 25, "generations after the initial one");
        public static final Param.Real CROSSOVER = Param.real("crossover", 0, 1, 0.9, "uniform crossover probability");
        public static final Param.Real MUTATION = Param.real("mutation", -1, 1, -1.0, "per-gene mutation probability (-1: 1 / genes)");
        public static final Param.Int64 SEED = Param.int64("seed", Long.MIN_VALUE, Long.MAX_VALUE, 1L, "random seed of the run");

        private Keys() {
        }
    }

    public static final Param.Choice ALGORITHM = Param.choice("algorithm", SearchAlgorithms.names(), "nsga2", "the search algorithm");

    private static final Declaration KEYS = new Declaration("search-settings", "search", "a space's search block",
            List.of(ALGORITHM, Keys.POPULATION, Keys.GENERATIONS, Keys.CROSSOVER, Keys.MUTATION, Keys.SEED));

    /** The defaults: NSGA-II, population 40, 25 generations, crossover 0.9, mutation 1 / genes, seed 1. */
    public static final SearchSettings DEFAULT = of(KEYS.defaults());

    /** Reads a {@code search:} block (every key optional). */
    public static SearchSettings read(YamlNode n) throws ConfigException {
        return of(KEYS.read(n));
    }

    private static SearchSettings of(Values v) {
        return new SearchSettings(SearchAlgorithms.byName(v.get(ALGORITHM)), v.get(Keys.POPULATION), v.get(Keys.GENERATIONS),
                v.get(Keys.CROSSOVER), v.get(Keys.MUTATION), v.get(Keys.SEED));
    }

    public long budget() {
        return (long) population * (generations + 1);
    }

    public SearchSettings withAlgorithm(SearchAlgorithm a) {
        return new SearchSettings(a, population, generations, crossover, mutation, seed);
    }

    public SearchSettings withSeed(long s) {
        return new SearchSettings(algorithm, population, generations, crossover, mutation, s);
    }

    public SearchSettings withBudget(int pop, int gens) {
        return new SearchSettings(algorithm, pop, gens, crossover, mutation, seed);
    }

    @Override
    public String toString() {
        return "SearchSettings[algorithm=" + algorithm.name() + ", population=" + population + ", generations=" + generations + ", crossover="
                + crossover + ", mutation=" + mutation + ", seed=" + seed + "]";
    }
}
