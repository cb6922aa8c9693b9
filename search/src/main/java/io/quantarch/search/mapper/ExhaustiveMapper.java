package io.quantarch.search.mapper;

import io.quantarch.simulator.nest.mapspace.Enumerator;
import io.quantarch.simulator.nest.mapspace.MapPoint;

import java.util.ArrayList;
import java.util.List;

/**
 * Every valid point of the mapspace, in the enumerator's order, priced a batch at a time: the true optimum when the
 * budget covers the space ({@code complete}), else the best of the points reached.
 */
public record ExhaustiveMapper() implements MapperAlgorithm {

    static final int BATCH = 4096;

    @Override
    public String name() {
        return "exhaustive";
    }

    @Override
    public MapperResult search(MapperRun run) {
        Enumerator e = new Enumerator(run.evaluator.space());
        List<MapPoint> batch = new ArrayList<>(BATCH);
        boolean[] stopped = {false};
        for (long f = 0; f < e.factorizations() && !stopped[0]; f++) {
            e.visitFactorization(f, p -> {
                batch.add(p);
                if (batch.size() == BATCH) {
                    flush(run, batch);
                    stopped[0] = run.spent();
                }
                return !stopped[0];
            });
        }
        if (!stopped[0]) {
            flush(run, batch);
        }
        return new MapperResult(name(), run.best(), run.bestCost(), run.evaluator.evaluations(), run.evaluator.valid(), !stopped[0],
                e.sizeBound(), e.factorizations(), run.trace());
    }

    private static void flush(MapperRun run, List<MapPoint> batch) {
        if (!batch.isEmpty()) {
            List<MapPoint> points = List.copyOf(batch);
            run.offer(points, run.evaluator.evaluateAll(points, false));
            batch.clear();
        }
    }
}
