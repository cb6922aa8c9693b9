package io.quantarch.search.algorithm;

import io.jenetics.util.RandomRegistry;
import io.quantarch.config.component.Declaration;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.SearchSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Uniform random designs (repaired like NSGA-II's): the baseline at equal budget, population x (generations + 1). */
public record RandomSearch() implements SearchAlgorithm {

    @Override
    public Declaration declaration() {
        return new Declaration("search", "random", "uniformly random designs at the same budget as NSGA-II (a baseline)",
                List.of(SearchSettings.Keys.POPULATION, SearchSettings.Keys.GENERATIONS, SearchSettings.Keys.SEED));
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
        RandomKeys keys = new RandomKeys(ctx.space());
        int n = ctx.space().search().population();
        List<int[]> choices = RandomRegistry.with(random, r -> {
            List<int[]> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(keys.decode(keys.randomRepaired()));
            }
            return out;
        });
        ctx.evaluate(choices);
        return List.of();
    }
}
