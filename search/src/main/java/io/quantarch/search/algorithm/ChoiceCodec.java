package io.quantarch.search.algorithm;

import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.engine.Codec;

/**
 * Genes as random keys: one {@link DoubleChromosome} in [0, 1), gene i picking option floor(x * options_i). Every
 * Jenetics alterer works on it unchanged (uniform crossover swaps whole genes; mutation draws a fresh key, i.e. a
 * uniformly random option), and every key decodes to a valid option, so no alterer can produce an invalid design.
 */
public final class ChoiceCodec {

    private ChoiceCodec() {
    }

    public static Codec<int[], DoubleGene> of(int[] radices) {
        int[] r = radices.clone();
        return Codec.of(Genotype.of(DoubleChromosome.of(0, 1, r.length)), g -> decode(g, r));
    }

    public static int[] decode(Genotype<DoubleGene> g, int[] radices) {
        int[] c = new int[radices.length];
        var ch = g.chromosome();
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.min(radices[i] - 1, Math.max(0, (int) Math.floor(ch.get(i).allele() * radices[i])));
        }
        return c;
    }

    /** Keys for {@code choice}: a gene whose option is unchanged keeps its key, a changed one sits mid-way in its option's interval. */
    public static Genotype<DoubleGene> encode(Genotype<DoubleGene> like, int[] old, int[] choice, int[] radices) {
        var ch = like == null ? null : like.chromosome();
        DoubleGene[] genes = new DoubleGene[radices.length];
        for (int i = 0; i < genes.length; i++) {
            genes[i] = old != null && old[i] == choice[i] ? ch.get(i)
                    : DoubleGene.of((choice[i] + 0.5) / radices[i], 0, 1);
        }
        return Genotype.of(DoubleChromosome.of(genes));
    }
}
