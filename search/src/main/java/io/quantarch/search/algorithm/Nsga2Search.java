package io.quantarch.search.algorithm;

import io.jenetics.Alterer;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.UniformCrossover;
import io.jenetics.ext.moea.Vec;
import io.quantarch.config.component.Declaration;
import io.quantarch.search.moea.Individual;
import io.quantarch.search.moea.Nsga2;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.SearchSettings;

import java.util.List;
import java.util.Random;

/**
 * NSGA-II (Deb et al. 2002) on random keys: uniform crossover and per-gene mutation (probability 1 / genes unless
 * given), Deb's elitist survivor step ({@link Nsga2}); population x (generations + 1) evaluations.
 */
public record Nsga2Search() implements SearchAlgorithm {

    @Override
    public Declaration declaration() {
        return new Declaration("search", "nsga2", "NSGA-II on random keys with repair of unsupported formats",
                List.of(SearchSettings.Keys.POPULATION, SearchSettings.Keys.GENERATIONS, SearchSettings.Keys.CROSSOVER, SearchSettings.Keys.MUTATION,
                        SearchSettings.Keys.SEED));
    }

    @Override
    public String unsuitable(DesignSpace space) {
        return null;
    }

    @Override
    public int generations(DesignSpace space) {
        return space.search().generations();
    }

    @Override
    public long budget(DesignSpace space) {
        return space.search().budget();
    }

    @Override
    public List<Member> step(int g, List<Member> population, Random random, GenerationContext ctx) {
        SearchSettings s = ctx.space().search();
        RandomKeys keys = new RandomKeys(ctx.space());
        double pm = s.mutation() >= 0 ? s.mutation() : 1.0 / Math.max(1, keys.radices.length);
        Alterer<DoubleGene, Vec<double[]>> alterer = Alterer.<DoubleGene, Vec<double[]>>of(
                new UniformCrossover<DoubleGene, Vec<double[]>>(s.crossover(), 0.5), new StepMutator(pm, keys.radices, STEP_SHARE));
        Nsga2<DoubleGene> nsga = new Nsga2<>(keys.codec.encoding(), s.population(), alterer, keys::repair,
                (List<Genotype<DoubleGene>> gs) -> ctx.evaluate(gs.stream().map(keys::decode).toList()));
        int n = s.population();
        int cap = ARCHIVE_PER_MEMBER * n;
        if (g == 0) {
            List<Member> first = RandomKeys.members(nsga.initial(uniformSeeds(ctx.space(), n, random), random));
            return concat(first, FrontArchive.update(List.of(), first, cap));
        }
        List<Member> members = population.subList(0, Math.min(n, population.size()));
        List<Member> archive = population.subList(members.size(), population.size());
        int gapChildren = archive.size() >= 2 ? (int) Math.round(n * GAP_SHARE) : 0;
        List<Individual<DoubleGene>> parents = members.stream().map(RandomKeys::individual).toList();
        List<Genotype<DoubleGene>> children = new java.util.ArrayList<>(nsga.offspring(parents, g, random).subList(0, n - gapChildren));
        for (Genotype<DoubleGene> c : FrontArchive.gapChildren(archive, gapChildren, keys.radices, random)) {
            children.add(keys.repair(c));
        }
        List<Individual<DoubleGene>> evaluated = nsga.evaluate(children);
        List<Individual<DoubleGene>> combined = new java.util.ArrayList<>(parents);
        combined.addAll(evaluated);
        List<Member> survivors = RandomKeys.members(Nsga2.survivors(combined, n));
        return concat(survivors, FrontArchive.update(archive, RandomKeys.members(evaluated), cap));
    }

    /** The archive's size limit per population member. */
    static final int ARCHIVE_PER_MEMBER = 4;

    /** Share of each generation's children aimed at the archive's gaps (the rest are NSGA-II's own offspring). */
    static final double GAP_SHARE = 0.75;

    private static List<Member> concat(List<Member> a, List<Member> b) {
        List<Member> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Share of mutations that move a gene one option up or down rather than to a random option. */
    static final double STEP_SHARE = 0.9;

    /**
     * Uniform-precision designs for the initial population: every quantization gene at its k-th option (or its last),
     * for each k, on architectures spread over the architecture genes' combinations (at most a quarter of the
     * population in all). They are the ends and the spine of a mixed-precision front, which random designs (each gene
     * drawn independently) almost never reach on a space of many layers.
     */
    static List<Genotype<DoubleGene>> uniformSeeds(DesignSpace space, int population, Random random) {
        int nArch = space.archGenes().size();
        int[] radices = space.radices();
        int k = 0;
        for (int j = nArch; j < radices.length; j++) {
            k = Math.max(k, radices[j]);
        }
        if (k == 0) {
            return List.of();
        }
        long archCombos = 1;
        for (int i = 0; i < nArch; i++) {
            archCombos = Math.min(1L << 40, archCombos * radices[i]);
        }
        int perOption = (int) Math.max(1, Math.min(archCombos, population / 4 / k));
        List<Genotype<DoubleGene>> out = new java.util.ArrayList<>();
        for (int option = 0; option < k && out.size() < population / 4 + 1; option++) {
            for (int v = 0; v < perOption; v++) {
                int[] c = new int[radices.length];
                long a = perOption == archCombos ? v : (long) Math.floor(random.nextDouble() * archCombos);
                for (int i = nArch - 1; i >= 0; i--) {
                    c[i] = (int) (a % radices[i]);
                    a /= radices[i];
                }
                for (int j = nArch; j < radices.length; j++) {
                    c[j] = Math.min(option, radices[j] - 1);
                }
                out.add(ChoiceCodec.encode(null, null, c, radices));
            }
        }
        return out;
    }
}
