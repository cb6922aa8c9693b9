package io.quantarch.search.algorithm;

import io.jenetics.DoubleGene;
import io.jenetics.Phenotype;
import io.jenetics.engine.Constraint;
import io.jenetics.ext.moea.Vec;
import io.quantarch.search.space.DesignSpace;

import java.util.Arrays;

/**
 * A design whose PE cannot run a layer's formats (bit-fusion and an FP8 input, say) is repaired, not discarded:
 * each offending quantization gene moves to the next option its layers' PE can run ({@link DesignSpace#repair}).
 * A design no option can fix stays as it is and the evaluator marks it infeasible.
 */
public final class SupportConstraint implements Constraint<DoubleGene, Vec<double[]>> {

    private final DesignSpace space;
    private final int[] radices;

    public SupportConstraint(DesignSpace space) {
        this.space = space;
        this.radices = space.radices();
    }

    @Override
    public boolean test(Phenotype<DoubleGene, Vec<double[]>> individual) {
        int[] c = ChoiceCodec.decode(individual.genotype(), radices);
        return space.unsupported(space.decode(c)) == null;
    }

    @Override
    public Phenotype<DoubleGene, Vec<double[]>> repair(Phenotype<DoubleGene, Vec<double[]>> individual, long generation) {
        int[] c = ChoiceCodec.decode(individual.genotype(), radices);
        int[] r = space.repair(c);
        if (Arrays.equals(c, r)) {
            return individual;
        }
        return Phenotype.of(ChoiceCodec.encode(individual.genotype(), c, r, radices), generation);
    }
}
