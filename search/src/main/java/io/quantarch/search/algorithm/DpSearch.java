package io.quantarch.search.algorithm;

import io.quantarch.config.component.Declaration;
import io.quantarch.search.space.DesignSpace;

import java.util.List;
import java.util.Random;

/**
 * The exact Pareto front by dynamic programming over the quantization genes ({@link ParetoDp}), one DP per
 * architecture: a one-generation run that evaluates only the front's designs.
 */
public record DpSearch() implements SearchAlgorithm {

    @Override
    public Declaration declaration() {
        return new Declaration("search", "dp", "the exact front of a space whose objectives are additive over per-layer genes "
                + "(HAWQ-V3's multiple-choice knapsack as a Pareto DP)", List.of());
    }

    @Override
    public String unsuitable(DesignSpace space) {
        return ParetoDp.unsuitable(space);
    }

    @Override
    public int generations(DesignSpace space) {
        return 0;
    }

    @Override
    public long budget(DesignSpace space) {
        return 0;                                     // the front's size, not known before the solve
    }

    @Override
    public List<Member> step(int g, List<Member> population, Random random, GenerationContext ctx) {
        ctx.evaluate(ParetoDp.solve(ctx.space(), ctx.local()).stream().map(ParetoDp.Point::choice).toList());
        return List.of();
    }
}
