package io.quantarch.search.algorithm;

import io.jenetics.Chromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Mutator;
import io.jenetics.MutatorResult;
import io.jenetics.ext.moea.Vec;

import java.util.random.RandomGenerator;

/**
 * A problem-aware mutation for ordered options (formats listed from wide to narrow, arrays from small to large): a
 * mutated gene moves one option up or down (a random direction; the only one at either end), and with probability
 * {@code 1 - stepShare} it is reset to a uniformly random option instead, as the plain mutation would, so every option
 * stays reachable in one move. One step is the move along a mixed-precision front: it trades one layer's accuracy for
 * its cost, where a random reset mostly jumps off the front.
 */
final class StepMutator extends Mutator<DoubleGene, Vec<double[]>> {

    private final int[] radices;
    private final double stepShare;

    StepMutator(double probability, int[] radices, double stepShare) {
        super(probability);
        this.radices = radices.clone();
        this.stepShare = stepShare;
    }

    @Override
    protected MutatorResult<Chromosome<DoubleGene>> mutate(Chromosome<DoubleGene> chromosome, double p, RandomGenerator random) {
        DoubleGene[] genes = new DoubleGene[chromosome.length()];
        int mutations = 0;
        for (int i = 0; i < genes.length; i++) {
            DoubleGene g = chromosome.get(i);
            if (random.nextDouble() >= p || radices[i] < 2) {
                genes[i] = g;
                continue;
            }
            int n = radices[i];
            int option = Math.min(n - 1, (int) Math.floor(g.allele() * n));
            int next;
            if (random.nextDouble() < stepShare) {
                next = option == 0 ? 1 : option == n - 1 ? n - 2 : option + (random.nextBoolean() ? 1 : -1);
            } else {
                next = random.nextInt(n);
            }
            genes[i] = DoubleGene.of((next + 0.5) / n, 0, 1);
            mutations++;
        }
        return new MutatorResult<>(chromosome.newInstance(io.jenetics.util.ISeq.of(genes)), mutations);
    }
}
