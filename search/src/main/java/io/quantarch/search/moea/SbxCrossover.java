package io.quantarch.search.moea;

import io.jenetics.Crossover;
import io.jenetics.DoubleGene;
import io.jenetics.util.MSeq;
import io.jenetics.util.RandomRegistry;

import java.util.random.RandomGenerator;

/**
 * Bounded simulated binary crossover (K. Deb and R. B. Agrawal, "Simulated Binary Crossover for Continuous Search
 * Space", Complex Systems 9, 1995; the bounded spread factor of NSGA-II's reference implementation): each variable,
 * with probability 1/2, is replaced in both children by values spread around the parents' mean with a
 * polynomial distribution of index {@code eta}, truncated so that the children stay within the gene's bounds.
 */
public final class SbxCrossover<C extends Comparable<? super C>> extends Crossover<DoubleGene, C> {

    private final double eta;

    public SbxCrossover(double probability, double eta) {
        super(probability);
        this.eta = eta;
    }

    @Override
    protected int crossover(MSeq<DoubleGene> that, MSeq<DoubleGene> other) {
        return cross(that, other, RandomRegistry.random(), eta);
    }

    /** SBX on two gene sequences in place; returns how many positions changed. */
    public static int cross(MSeq<DoubleGene> that, MSeq<DoubleGene> other, RandomGenerator r, double eta) {
        int changed = 0;
        for (int i = 0; i < that.length(); i++) {
            if (r.nextDouble() > 0.5) {
                continue;
            }
            DoubleGene a = that.get(i);
            DoubleGene b = other.get(i);
            double x1 = a.doubleValue();
            double x2 = b.doubleValue();
            if (Math.abs(x1 - x2) <= 1e-14) {
                continue;
            }
            double lo = a.min();
            double hi = Math.nextDown(a.max());
            double y1 = Math.min(x1, x2);
            double y2 = Math.max(x1, x2);
            double u = r.nextDouble();
            double c1 = 0.5 * ((y1 + y2) - spread(u, 1 + 2 * (y1 - lo) / (y2 - y1), eta) * (y2 - y1));
            double c2 = 0.5 * ((y1 + y2) + spread(u, 1 + 2 * (hi - y2) / (y2 - y1), eta) * (y2 - y1));
            c1 = Math.min(Math.max(c1, lo), hi);
            c2 = Math.min(Math.max(c2, lo), hi);
            if (r.nextDouble() <= 0.5) {
                double t = c1;
                c1 = c2;
                c2 = t;
            }
            that.set(i, a.newInstance(c1));
            other.set(i, b.newInstance(c2));
            changed++;
        }
        return changed;
    }

    /** The spread factor for uniform draw {@code u}, truncated by {@code beta} (distance to the bound in parent gaps). */
    private static double spread(double u, double beta, double eta) {
        double alpha = 2 - Math.pow(beta, -(eta + 1));
        return u <= 1 / alpha ? Math.pow(u * alpha, 1 / (eta + 1)) : Math.pow(1 / (2 - u * alpha), 1 / (eta + 1));
    }
}
