package io.quantarch.search.mapper;

import io.quantarch.simulator.nest.mapspace.Enumerator;
import io.quantarch.simulator.nest.mapspace.KeyDecoder;
import io.quantarch.simulator.nest.mapspace.MapPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Timeloop's {@code random_pruned} search as a baseline: a uniformly random factorization (each free prime to a random
 * slot), then {@code permutationsPerFactorization} random orders, splits and bypass choices for it, with no repair, so
 * invalid points are spent as Timeloop spends them. Sample {@code i} draws from its own generator (seed, i).
 */
public record RandomPrunedMapper(int permutationsPerFactorization) implements MapperAlgorithm {

    static final int BATCH = 1024;

    public RandomPrunedMapper {
        if (permutationsPerFactorization < 1) {
            throw new IllegalArgumentException("at least one permutation per factorization");
        }
    }

    @Override
    public String name() {
        return "random-pruned";
    }

    @Override
    public MapperResult search(MapperRun run) {
        KeyDecoder decoder = new KeyDecoder(run.evaluator.space());
        long sample = 0;
        long stale = 0;
        while (!run.spent() && stale < 64) {
            long before = run.evaluator.evaluations();
            List<MapPoint> batch = new ArrayList<>(BATCH);
            while (batch.size() < BATCH) {
                Random r = new Random(MapperRun.mix(run.seed, sample++));
                double[] keys = new double[decoder.keys()];
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = r.nextDouble();
                }
                int primes = decoder.primeKeys();
                for (int v = 0; v < permutationsPerFactorization && batch.size() < BATCH; v++) {
                    for (int i = primes; i < keys.length; i++) {
                        keys[i] = r.nextDouble();
                    }
                    batch.add(decoder.decode(keys, false));
                }
            }
            run.evaluate(batch);
            stale = run.evaluator.evaluations() == before ? stale + 1 : 0;   // a small space, all seen
        }
        Enumerator e = new Enumerator(run.evaluator.space());
        return new MapperResult(name(), run.best(), run.bestCost(), run.evaluator.evaluations(), run.evaluator.valid(), false,
                e.sizeBound(), e.factorizations(), run.trace());
    }
}
