package io.quantarch.search.moea;

import io.jenetics.Gene;
import io.jenetics.Genotype;

/** A genotype with its minimised objective vector. */
public record Individual<G extends Gene<?, G>>(Genotype<G> genotype, double[] objectives) { }
