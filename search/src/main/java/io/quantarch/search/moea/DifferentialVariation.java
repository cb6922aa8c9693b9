package io.quantarch.search.moea;

import io.jenetics.Alterer;
import io.jenetics.AltererResult;
import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import io.jenetics.util.Seq;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Differential-evolution variation, DE/rand/1/bin (R. Storn and K. Price, "Differential Evolution", J. Global
 * Optimization 11, 1997), as GDE3 (S. Kukkonen and J. Lampinen, CEC 2005) uses it inside NSGA-II's selection: for
 * each member of the mating pool a trial vector takes, with probability {@code cr} per variable (and at one random
 * variable always), {@code x_r1 + f (x_r2 - x_r3)} from three other members, clamped to the bounds.
 */
public final class DifferentialVariation<C extends Comparable<? super C>> implements Alterer<DoubleGene, C> {

    private final double f;
    private final double cr;

    public DifferentialVariation(double f, double cr) {
        this.f = f;
        this.cr = cr;
    }

    @Override
    public AltererResult<DoubleGene, C> alter(Seq<Phenotype<DoubleGene, C>> population, long generation) {
        RandomGenerator r = RandomRegistry.random();
        int n = population.size();
        if (n < 4) {
            return new AltererResult<>(population.asISeq(), 0);
        }
        List<Phenotype<DoubleGene, C>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int r1;
            int r2;
            int r3;
            do {
                r1 = r.nextInt(n);
            } while (r1 == i);
            do {
                r2 = r.nextInt(n);
            } while (r2 == i || r2 == r1);
            do {
                r3 = r.nextInt(n);
            } while (r3 == i || r3 == r1 || r3 == r2);
            DoubleChromosome x = population.get(i).genotype().chromosome().as(DoubleChromosome.class);
            DoubleChromosome a = population.get(r1).genotype().chromosome().as(DoubleChromosome.class);
            DoubleChromosome b = population.get(r2).genotype().chromosome().as(DoubleChromosome.class);
            DoubleChromosome c = population.get(r3).genotype().chromosome().as(DoubleChromosome.class);
            int len = x.length();
            int forced = r.nextInt(len);
            List<DoubleGene> genes = new ArrayList<>(len);
            for (int j = 0; j < len; j++) {
                DoubleGene g = x.get(j);
                if (j == forced || r.nextDouble() < cr) {
                    double v = a.get(j).doubleValue() + f * (b.get(j).doubleValue() - c.get(j).doubleValue());
                    v = Math.min(Math.max(v, g.min()), Math.nextDown(g.max()));
                    genes.add(g.newInstance(v));
                } else {
                    genes.add(g);
                }
            }
            out.add(Phenotype.of(Genotype.of(DoubleChromosome.of(genes)), generation));
        }
        return new AltererResult<>(ISeq.of(out), n);
    }
}
