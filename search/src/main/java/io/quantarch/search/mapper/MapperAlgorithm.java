package io.quantarch.search.mapper;

/**
 * A way to search a mapspace. Each variant is one file and one entry in {@link MapperAlgorithms#REGISTRY}.
 */
public sealed interface MapperAlgorithm permits ExhaustiveMapper, RandomPrunedMapper, GeneticMapper {

    String name();

    /** Searches until the run's budget of distinct evaluations is spent (or the space is exhausted). */
    MapperResult search(MapperRun run);
}
