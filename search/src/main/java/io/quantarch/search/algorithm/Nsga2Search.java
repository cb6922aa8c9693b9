package io.quantarch.search.algorithm;

import io.jenetics.Alterer;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.Mutator;
import io.jenetics.UniformCrossover;
import io.jenetics.ext.moea.Vec;
import io.quantarch.config.component.Declaration;
import io.quantarch.search.moea.Individual;
import io.quantarch.search.moea.Nsga2;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.SearchSettings;

import java.util.List;
import java.util.Random;

/**
 * NSGA-II (Deb et al. 2002) on random keys: uniform crossover and per-gene mutation (probability 1 / genes unless
 * given), Deb's elitist survivor step ({@link Nsga2}); population x (generations + 1) evaluations.
 */
public record Nsga2Search() implements SearchAlgorithm {

    @Override
    public Declaration declaration() {
        return new Declaration("search", "nsga2", "NSGA-II on random keys with repair of unsupported formats",
                List.of(SearchSettings.Keys.POPULATION, SearchSettings.Keys.GENERATIONS, SearchSettings.Keys.CROSSOVER, SearchSettings.Keys.MUTATION,
                        SearchSettings.Keys.SEED));
    }

    @Override
    public String unsuitable(DesignSpace space) {
        return null;
    }

    @Override
    public int generations(DesignSpace space) {
        return space.search().generations();
    }

    @Override
    public long budget(DesignSpace space) {
        return space.search().budget();
    }

    @Override
    public List<Member> step(int g, List<Member> population, Random random, GenerationContext ctx) {
        SearchSettings s = ctx.space().search();
        RandomKeys keys = new RandomKeys(ctx.space());
        double pm = s.mutation() >= 0 ? s.mutation() : 1.0 / Math.max(1, keys.radices.length);
        Alterer<DoubleGene, Vec<double[]>> alterer = Alterer.<DoubleGene, Vec<double[]>>of(
                new UniformCrossover<DoubleGene, Vec<double[]>>(s.crossover(), 0.5), new Mutator<DoubleGene, Vec<double[]>>(pm));
        Nsga2<DoubleGene> nsga = new Nsga2<>(keys.codec.encoding(), s.population(), alterer, keys::repair,
                (List<Genotype<DoubleGene>> gs) -> ctx.evaluate(gs.stream().map(keys::decode).toList()));
        List<Individual<DoubleGene>> next = g == 0 ? nsga.initial(random)
                : nsga.step(population.stream().map(RandomKeys::individual).toList(), g, random);
        return RandomKeys.members(next);
    }
}
