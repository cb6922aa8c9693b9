package io.quantarch.search.algorithm;

import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.engine.Codec;
import io.quantarch.search.moea.Individual;
import io.quantarch.search.space.DesignSpace;

import java.util.List;

/** The random-key representation the Jenetics-based algorithms share: codec, repair and population conversion. */
final class RandomKeys {

    final int[] radices;
    final Codec<int[], DoubleGene> codec;
    final SupportConstraint constraint;

    RandomKeys(DesignSpace space) {
        this.radices = space.radices();
        this.codec = ChoiceCodec.of(radices);
        this.constraint = new SupportConstraint(space);
    }

    /** A uniformly random genotype, repaired to formats the design's hardware runs. */
    Genotype<DoubleGene> randomRepaired() {
        return repair(codec.encoding().newInstance());
    }

    Genotype<DoubleGene> repair(Genotype<DoubleGene> g) {
        return constraint.repair(Phenotype.of(g, 0), 0).genotype();
    }

    int[] decode(Genotype<DoubleGene> g) {
        return ChoiceCodec.decode(g, radices);
    }

    static Member member(Individual<DoubleGene> i) {
        double[] k = new double[i.genotype().chromosome().length()];
        for (int j = 0; j < k.length; j++) {
            k[j] = i.genotype().chromosome().get(j).allele();
        }
        return new Member(k, i.objectives());
    }

    static Individual<DoubleGene> individual(Member m) {
        double[] k = m.keys();
        DoubleGene[] g = new DoubleGene[k.length];
        for (int i = 0; i < k.length; i++) {
            g[i] = DoubleGene.of(k[i], 0, 1);
        }
        return new Individual<>(Genotype.of(DoubleChromosome.of(g)), m.objectives());
    }

    static List<Member> members(List<Individual<DoubleGene>> population) {
        return population.stream().map(RandomKeys::member).toList();
    }
}
