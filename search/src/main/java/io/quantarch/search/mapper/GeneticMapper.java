package io.quantarch.search.mapper;

import io.jenetics.Alterer;
import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.Mutator;
import io.jenetics.Phenotype;
import io.jenetics.UniformCrossover;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import io.quantarch.simulator.nest.mapspace.Enumerator;
import io.quantarch.simulator.nest.mapspace.KeyDecoder;
import io.quantarch.simulator.nest.mapspace.MapPoint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A random-key genetic mapper (as GAMMA-style mappers, Kao and Krishna, ICCAD 2020): genotypes are Jenetics
 * {@link DoubleChromosome}s of the {@link KeyDecoder}'s keys, decoded with repair; binary tournaments pick parents,
 * Jenetics' uniform crossover and mutator make children, and the best {@code population} distinct points of parents and
 * children survive (elitist), fresh random genotypes filling in for duplicates. After {@code stall} generations without
 * a better point, steepest descent ({@link LocalSearch}) polishes the best {@code population x localShare / 4} distinct
 * survivors, and the search restarts from a fresh population seeded with them, until the budget is spent. Generation
 * {@code g} (counted across restarts) draws from its own generator (seed, g).
 */
public record GeneticMapper(int population, double crossover, double mutation, double localShare, int stall) implements MapperAlgorithm {

    public static final GeneticMapper DEFAULT = new GeneticMapper(64, 0.8, 0.05, 0.3, 40);

    public GeneticMapper {
        if (population < 4 || crossover < 0 || crossover > 1 || mutation < 0 || mutation > 1 || localShare < 0 || localShare > 1 || stall < 1) {
            throw new IllegalArgumentException("population >= 4, rates and share in [0, 1], stall >= 1");
        }
    }

    @Override
    public String name() {
        return "genetic";
    }

    private record Member(Genotype<DoubleGene> genotype, MapPoint point, MapperCost cost) { }

    @Override
    public MapperResult search(MapperRun run) {
        KeyDecoder decoder = new KeyDecoder(run.evaluator.space());
        int keys = Math.max(1, decoder.keys());
        Alterer<DoubleGene, Double> alterer = Alterer.<DoubleGene, Double>of(new UniformCrossover<DoubleGene, Double>(crossover, 0.5),
                new Mutator<DoubleGene, Double>(Math.max(mutation, 1.0 / keys)));
        long g = 0;
        int idle = 0;
        while (!run.spent() && idle < 3) {
            long before = run.evaluator.evaluations();
            List<Member> pop = evaluate(run, decoder, fresh(keys, population, new Random(MapperRun.mix(run.seed, g++))));
            pop = survivors(run, pop, List.of(), keys, g);
            int quiet = 0;
            while (!run.spent() && quiet < stall) {
                MapperCost best = run.bestCost();
                Random r = new Random(MapperRun.mix(run.seed, g));
                pop = survivors(run, pop, evaluate(run, decoder, children(pop, alterer, r, g)), keys, g);
                g++;
                quiet = best != null && run.bestCost() == best ? quiet + 1 : 0;
            }
            polish(run, decoder, pop);
            idle = run.evaluator.evaluations() == before ? idle + 1 : 0;      // a small space, all of it seen
        }
        Enumerator e = new Enumerator(run.evaluator.space());
        return new MapperResult(name(), run.best(), run.bestCost(), run.evaluator.evaluations(), run.evaluator.valid(), false,
                e.sizeBound(), e.factorizations(), run.trace());
    }

    /** Steepest descent from the best few distinct survivors; the polished ones seed the next restart. */
    private List<Member> polish(MapperRun run, KeyDecoder decoder, List<Member> pop) {
        List<Member> out = new ArrayList<>();
        int n = Math.max(1, (int) Math.round(population * localShare / 4));
        for (int i = 0; i < Math.min(n, pop.size()) && !run.spent(); i++) {
            if (!pop.get(i).cost().valid()) {
                break;
            }
            double[] k = keysOf(pop.get(i).genotype());
            MapperCost c = LocalSearch.descend(run, decoder, k, pop.get(i).cost());
            out.add(new Member(genotype(k), decoder.decode(k, true), c));
        }
        return out;
    }

    private List<Genotype<DoubleGene>> children(List<Member> pop, Alterer<DoubleGene, Double> alterer, Random r, long g) {
        return RandomRegistry.with(r, x -> {
            List<Phenotype<DoubleGene, Double>> parents = new ArrayList<>(population);
            for (int i = 0; i < population; i++) {
                int a = r.nextInt(pop.size());
                int b = r.nextInt(pop.size());
                parents.add(Phenotype.of(pop.get(Math.min(a, b)).genotype(), g, 0.0));   // pop is sorted: the lower index is better
            }
            List<Genotype<DoubleGene>> out = new ArrayList<>(population);
            for (Phenotype<DoubleGene, Double> p : alterer.alter(ISeq.of(parents), g).population()) {
                out.add(p.genotype());
            }
            return out;
        });
    }

    private static List<Member> evaluate(MapperRun run, KeyDecoder decoder, List<Genotype<DoubleGene>> gs) {
        List<MapPoint> points = new ArrayList<>(gs.size());
        for (Genotype<DoubleGene> g : gs) {
            points.add(decoder.decode(keysOf(g), true));
        }
        List<MapperCost> costs = run.evaluate(points);
        List<Member> out = new ArrayList<>(gs.size());
        for (int i = 0; i < gs.size(); i++) {
            out.add(new Member(gs.get(i), points.get(i), costs.get(i)));
        }
        return out;
    }

    /** The best distinct points of both lists (parents first on ties), topped up with fresh genotypes, sorted best first. */
    private List<Member> survivors(MapperRun run, List<Member> parents, List<Member> children, int keys, long g) {
        List<Member> all = new ArrayList<>(parents);
        all.addAll(children);
        all.sort((a, b) -> run.order.compare(a.cost(), b.cost()));          // stable: parents before children on ties
        List<Member> out = new ArrayList<>(population);
        Set<MapPoint> seen = new HashSet<>();
        for (Member m : all) {
            if (out.size() < population && seen.add(m.point())) {
                out.add(m);
            }
        }
        if (out.size() < population && !run.spent()) {
            KeyDecoder decoder = new KeyDecoder(run.evaluator.space());
            out.addAll(evaluate(run, decoder, fresh(keys, population - out.size(), new Random(MapperRun.mix(run.seed ^ 0x5DEECE66DL, g)))));
            out.sort((a, b) -> run.order.compare(a.cost(), b.cost()));
        }
        return out;
    }

    private static List<Genotype<DoubleGene>> fresh(int keys, int n, Random r) {
        List<Genotype<DoubleGene>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            DoubleGene[] genes = new DoubleGene[keys];
            for (int k = 0; k < keys; k++) {
                genes[k] = DoubleGene.of(r.nextDouble(), 0, 1);
            }
            out.add(Genotype.of(DoubleChromosome.of(genes)));
        }
        return out;
    }

    static Genotype<DoubleGene> genotype(double[] keys) {
        DoubleGene[] genes = new DoubleGene[keys.length];
        for (int k = 0; k < keys.length; k++) {
            genes[k] = DoubleGene.of(keys[k], 0, 1);
        }
        return Genotype.of(DoubleChromosome.of(genes));
    }

    static double[] keysOf(Genotype<DoubleGene> g) {
        double[] k = new double[g.chromosome().length()];
        for (int i = 0; i < k.length; i++) {
            k[i] = g.chromosome().get(i).allele();
        }
        return k;
    }
}
