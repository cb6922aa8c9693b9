package io.quantarch.search.mapper;

import io.quantarch.simulator.nest.mapspace.MapPoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One mapper search in progress: the evaluator, the objective, the budget of distinct evaluations, the seed, and the
 * best point so far with its history (replaced only by a strictly better one, so ties keep the first found).
 */
public final class MapperRun {

    /** Told about progress: evaluations so far, the budget, the best cost so far (null before the first valid one). */
    public interface Progress {
        void report(long evaluations, long budget, MapperCost best);

        Progress NONE = (e, b, c) -> { };
    }

    /** The best objective after a number of evaluations. */
    public record TracePoint(long evaluations, double bestPrimary) { }

    final MapperEvaluator evaluator;
    final MapperObjective objective;
    final Comparator<MapperCost> order;
    final long budget;
    final long seed;
    final Progress progress;
    private MapPoint best;
    private MapperCost bestCost;
    private final List<TracePoint> trace = new ArrayList<>();

    public MapperRun(MapperEvaluator evaluator, MapperObjective objective, long budget, long seed, Progress progress) {
        this.evaluator = evaluator;
        this.objective = objective;
        this.order = objective.comparator();
        this.budget = budget;
        this.seed = seed;
        this.progress = progress == null ? Progress.NONE : progress;
    }

    /** Sees every point priced, in order (the Pareto mapper's archive). */
    interface Listener {
        void seen(MapPoint p, MapperCost c);
    }

    private Listener listener = (p, c) -> { };

    void listen(Listener l) {
        listener = l;
    }

    /** Offers points with their costs, in order; keeps the first strictly best. */
    void offer(List<MapPoint> points, List<MapperCost> costs) {
        for (int i = 0; i < points.size(); i++) {
            seen(points.get(i), costs.get(i));
        }
        progress.report(evaluator.evaluations(), budget, bestCost);
    }

    /** One priced point: the listener sees it, and it becomes the best if strictly better. */
    void seen(MapPoint p, MapperCost c) {
        listener.seen(p, c);
        if (c.valid() && (bestCost == null || order.compare(c, bestCost) < 0)) {
            best = p;
            bestCost = c;
            trace.add(new TracePoint(evaluator.evaluations(), objective.primary(c)));
        }
    }

    List<MapperCost> evaluate(List<MapPoint> points) {
        List<MapperCost> c = evaluator.evaluateAll(points);
        offer(points, c);
        return c;
    }

    boolean spent() {
        return evaluator.evaluations() >= budget;
    }

    MapPoint best() {
        return best;
    }

    MapperCost bestCost() {
        return bestCost;
    }

    List<TracePoint> trace() {
        return List.copyOf(trace);
    }

    static long mix(long seed, long step) {
        long z = seed * 0x9E3779B97F4A7C15L + step * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
