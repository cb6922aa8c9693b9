package io.quantarch.search.moea;

import io.jenetics.Alterer;
import io.jenetics.AltererResult;
import io.jenetics.Chromosome;
import io.jenetics.Crossover;
import io.jenetics.Gene;
import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.util.ISeq;
import io.jenetics.util.MSeq;
import io.jenetics.util.RandomRegistry;
import io.jenetics.util.Seq;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Crossover as NSGA-II's reference code applies it: the mating pool is taken in consecutive pairs, each pair is
 * crossed with the given probability, and each parent takes part in exactly one crossover. (Jenetics'
 * recombinators instead cross every individual, with that probability, against a random mate, so an individual
 * can be crossed several times and others not at all.) Every chromosome of the pair is crossed.
 */
public final class PairedCrossover<G extends Gene<?, G>, C extends Comparable<? super C>> implements Alterer<G, C> {

    /** The variation applied to one pair of gene sequences (both modified in place). */
    public interface PairOperator<G extends Gene<?, G>> {
        void cross(MSeq<G> a, MSeq<G> b, RandomGenerator random);
    }

    private final double probability;
    private final PairOperator<G> operator;

    public PairedCrossover(double probability, PairOperator<G> operator) {
        this.probability = probability;
        this.operator = operator;
    }

    @Override
    public AltererResult<G, C> alter(Seq<Phenotype<G, C>> population, long generation) {
        RandomGenerator r = RandomRegistry.random();
        List<Phenotype<G, C>> out = new ArrayList<>(population.size());
        int altered = 0;
        for (int i = 0; i + 1 < population.size(); i += 2) {
            Phenotype<G, C> a = population.get(i);
            Phenotype<G, C> b = population.get(i + 1);
            if (r.nextDouble() < probability) {
                MSeq<Chromosome<G>> ca = MSeq.of(a.genotype());
                MSeq<Chromosome<G>> cb = MSeq.of(b.genotype());
                for (int c = 0; c < ca.length(); c++) {
                    MSeq<G> ga = MSeq.of(ca.get(c));
                    MSeq<G> gb = MSeq.of(cb.get(c));
                    operator.cross(ga, gb, r);
                    ca.set(c, ca.get(c).newInstance(ga.toISeq()));
                    cb.set(c, cb.get(c).newInstance(gb.toISeq()));
                }
                out.add(Phenotype.of(Genotype.of(ca), generation));
                out.add(Phenotype.of(Genotype.of(cb), generation));
                altered += 2;
            } else {
                out.add(a);
                out.add(b);
            }
        }
        if (population.size() % 2 == 1) {
            out.add(population.get(population.size() - 1));
        }
        return new AltererResult<>(ISeq.of(out), altered);
    }

    /** Unused: keeps the Jenetics crossover vocabulary visible to readers. */
    static final Class<?> JENETICS_CROSSOVER = Crossover.class;
}
