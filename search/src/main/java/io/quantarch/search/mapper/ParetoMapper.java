package io.quantarch.search.mapper;

import io.jenetics.Alterer;
import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.Mutator;
import io.jenetics.UniformCrossover;
import io.jenetics.ext.moea.Vec;
import io.quantarch.search.moea.Individual;
import io.quantarch.search.moea.Nsga2;
import io.quantarch.simulator.nest.mapspace.KeyDecoder;
import io.quantarch.simulator.nest.mapspace.MapPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The energy-delay trade-off of one problem on one hierarchy, as an archive of every valid point priced that no other
 * dominates: the genetic mapper's runs for the front's two ends and its knee ({@code delay,energy}, {@code energy,delay},
 * {@code edp}; a fifth of the budget each), then NSGA-II (the project's {@link Nsga2} step, Deb et al. 2002) over the
 * same random keys minimising energy and cycles, restarted when it stops finding new points, for the rest. Generation
 * {@code g} draws from its own generator (seed, g).
 */
public final class ParetoMapper {

    /** The non-dominated mappings found, least cycles first, and the run that found them. */
    public record Front(List<MapPoint> points, List<MapperCost> costs, MapperResult run) { }

    private ParetoMapper() {
    }

    public static Front search(MapperRun run, int population) {
        KeyDecoder decoder = new KeyDecoder(run.evaluator.space());
        int keys = Math.max(1, decoder.keys());
        List<MapPoint> archive = new ArrayList<>();
        List<MapperCost> archiveCosts = new ArrayList<>();
        run.listen((p, c) -> {
            if (c.valid()) {
                archive(archive, archiveCosts, p, c);
            }
        });
        long share = run.budget / 5;
        for (String ends : List.of("delay,energy", "energy,delay", "edp")) {
            long upTo = Math.min(run.budget, run.evaluator.evaluations() + share);
            MapperRun inner = new MapperRun(run.evaluator, MapperObjective.parse(ends), upTo, run.seed, run.progress);
            inner.listen(run::seen);
            GeneticMapper.DEFAULT.search(inner);
        }
        Nsga2.BatchObjective<DoubleGene> objective = gs -> {
            List<MapPoint> points = new ArrayList<>(gs.size());
            for (Genotype<DoubleGene> g : gs) {
                points.add(decoder.decode(GeneticMapper.keysOf(g), true));
            }
            List<MapperCost> costs = run.evaluate(points);
            double[][] f = new double[gs.size()][];
            for (int i = 0; i < f.length; i++) {
                MapperCost c = costs.get(i);
                f[i] = c.valid() ? new double[] {c.energyPj(), c.cycles()} : new double[] {1e300 * (1 + c.violation()), 1e300 * (1 + c.violation())};
            }
            return f;
        };
        Alterer<DoubleGene, Vec<double[]>> alterer = Alterer.<DoubleGene, Vec<double[]>>of(new UniformCrossover<DoubleGene, Vec<double[]>>(0.8, 0.5),
                new Mutator<DoubleGene, Vec<double[]>>(Math.max(0.05, 1.0 / keys)));
        Nsga2<DoubleGene> nsga = new Nsga2<>(() -> Genotype.of(DoubleChromosome.of(0, 1, keys)), population, alterer, null, objective);
        int idle = 0;
        for (long g = 1; !run.spent() && idle < 3; ) {
            long start = run.evaluator.evaluations();
            List<Individual<DoubleGene>> pop = nsga.initial(new Random(MapperRun.mix(run.seed ^ 0x2545F4914F6CDD1DL, g++)));
            int quiet = 0;
            while (!run.spent() && quiet < 20) {
                long before = run.evaluator.evaluations();
                pop = nsga.step(pop, g, new Random(MapperRun.mix(run.seed ^ 0x2545F4914F6CDD1DL, g++)));
                quiet = run.evaluator.evaluations() - before < population / 4 ? quiet + 1 : 0;
            }
            idle = run.evaluator.evaluations() == start ? idle + 1 : 0;     // a small space, all of it seen
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < archive.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> archiveCosts.get(a).cycles() != archiveCosts.get(b).cycles()
                ? Long.compare(archiveCosts.get(a).cycles(), archiveCosts.get(b).cycles())
                : Double.compare(archiveCosts.get(a).energyPj(), archiveCosts.get(b).energyPj()));
        MapperResult r = new MapperResult("nsga2", run.best(), run.bestCost(), run.evaluator.evaluations(), run.evaluator.valid(), false,
                Double.NaN, 0, run.trace());
        return new Front(order.stream().map(archive::get).toList(), order.stream().map(archiveCosts::get).toList(), r);
    }

    /** Adds {@code c} unless an archived point is at least as good in both; drops the archived points it dominates. */
    static void archive(List<MapPoint> points, List<MapperCost> costs, MapPoint p, MapperCost c) {
        for (MapperCost o : costs) {
            if (o.energyPj() <= c.energyPj() && o.cycles() <= c.cycles()) {
                return;
            }
        }
        for (int i = costs.size() - 1; i >= 0; i--) {
            if (c.energyPj() <= costs.get(i).energyPj() && c.cycles() <= costs.get(i).cycles()) {
                costs.remove(i);
                points.remove(i);
            }
        }
        points.add(p);
        costs.add(c);
    }
}
