package io.quantarch.search.moea;

import io.jenetics.DoubleGene;
import io.jenetics.Mutator;

import java.util.random.RandomGenerator;

/**
 * Deb's polynomial mutation (K. Deb and M. Goyal, "A combined genetic adaptive search", Computer Science and
 * Informatics 26(4), 1996; the bounded form used by NSGA-II's reference code): a gene moves by a perturbation whose
 * spread is set by the distribution index, scaled to its distance from the bounds. Jenetics' own {@link Mutator}
 * replaces a gene by a uniform random value instead.
 */
public final class PolynomialMutator<C extends Comparable<? super C>> extends Mutator<DoubleGene, C> {

    private final double eta;

    /**
     * @param probability per-gene mutation probability (1/n is customary)
     * @param eta         distribution index (20 is customary)
     */
    public PolynomialMutator(double probability, double eta) {
        super(probability);
        this.eta = eta;
    }

    @Override
    protected DoubleGene mutate(DoubleGene gene, RandomGenerator random) {
        double lo = gene.min();
        double hi = gene.max();
        double y = gene.doubleValue();
        if (hi <= lo) {
            return gene;
        }
        double d1 = (y - lo) / (hi - lo);
        double d2 = (hi - y) / (hi - lo);
        double u = random.nextDouble();
        double pow = 1.0 / (eta + 1.0);
        double dq;
        if (u < 0.5) {
            double v = 2 * u + (1 - 2 * u) * Math.pow(1 - d1, eta + 1);
            dq = Math.pow(v, pow) - 1;
        } else {
            double v = 2 * (1 - u) + 2 * (u - 0.5) * Math.pow(1 - d2, eta + 1);
            dq = 1 - Math.pow(v, pow);
        }
        double x = Math.min(Math.max(y + dq * (hi - lo), lo), Math.nextDown(hi));
        return gene.newInstance(x);
    }
}
