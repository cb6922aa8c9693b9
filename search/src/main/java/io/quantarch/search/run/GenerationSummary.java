package io.quantarch.search.run;

/** One row of {@code generations.csv}: evaluations so far, the feasible ones, the front's size and its hypervolume. */
public record GenerationSummary(int generation, long evaluations, long feasibleEvaluations, int frontSize, double hypervolume) { }
