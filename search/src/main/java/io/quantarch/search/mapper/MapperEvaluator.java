package io.quantarch.search.mapper;

import io.quantarch.pricing.nest.NestPricing;
import io.quantarch.pricing.nest.NestResult;
import io.quantarch.simulator.nest.NestCounts;
import io.quantarch.simulator.nest.NestModel;
import io.quantarch.simulator.nest.mapspace.MapPoint;
import io.quantarch.simulator.nest.mapspace.MapSpace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prices mapspace points with the loop-nest model and a price table, a batch at a time on a fixed number of threads.
 * Points seen before come from a cache; a batch's distinct new points are counted in the order given, so the counts,
 * like the costs, do not depend on the thread count.
 */
public final class MapperEvaluator implements AutoCloseable {

    private static final int CACHE_LIMIT = 200_000;

    private final MapSpace space;
    private final NestPricing.Table prices;
    private final int threads;
    private final ExecutorService pool;
    private final Map<MapPoint, MapperCost> cache = new HashMap<>();
    private long evaluations;
    private long valid;

    public MapperEvaluator(MapSpace space, NestPricing.Table prices, int threads) {
        this.space = space;
        this.prices = prices;
        this.threads = Math.max(1, threads);
        this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "mapper");
            t.setDaemon(true);
            return t;
        });
    }

    public MapSpace space() {
        return space;
    }

    /** Distinct points priced so far (valid or not). */
    public long evaluations() {
        return evaluations;
    }

    /** Distinct valid points priced so far. */
    public long valid() {
        return valid;
    }

    public MapperCost evaluate(MapPoint p) {
        return evaluateAll(List.of(p)).get(0);
    }

    /** Costs of {@code points}, in order. */
    public List<MapperCost> evaluateAll(List<MapPoint> points) {
        return evaluateAll(points, true);
    }

    /** Costs of {@code points}, in order; without {@code cache}, points are neither looked up nor kept (an enumeration's are all new). */
    public List<MapperCost> evaluateAll(List<MapPoint> points, boolean useCache) {
        MapperCost[] out = new MapperCost[points.size()];
        Map<MapPoint, Integer> fresh = new java.util.LinkedHashMap<>();
        for (int i = 0; i < out.length; i++) {
            MapperCost c = useCache ? cache.get(points.get(i)) : null;
            if (c != null) {
                out[i] = c;
            } else {
                fresh.putIfAbsent(points.get(i), fresh.size());
            }
        }
        List<MapPoint> todo = new ArrayList<>(fresh.keySet());
        MapperCost[] priced = price(todo);
        for (int i = 0; i < todo.size(); i++) {
            evaluations++;
            valid += priced[i].valid() ? 1 : 0;
            if (useCache && cache.size() < CACHE_LIMIT) {
                cache.put(todo.get(i), priced[i]);
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                out[i] = priced[fresh.get(points.get(i))];
            }
        }
        return List.of(out);
    }

    private MapperCost[] price(List<MapPoint> todo) {
        MapperCost[] out = new MapperCost[todo.size()];
        if (pool == null || todo.size() < 2 * threads) {
            for (int i = 0; i < out.length; i++) {
                out[i] = cost(todo.get(i));
            }
            return out;
        }
        int chunk = (todo.size() + threads * 4 - 1) / (threads * 4);
        List<Future<?>> fs = new ArrayList<>();
        for (int from = 0; from < out.length; from += chunk) {
            int a = from;
            int b = Math.min(out.length, from + chunk);
            fs.add(pool.submit(() -> {
                for (int i = a; i < b; i++) {
                    out[i] = cost(todo.get(i));
                }
            }));
        }
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("mapper interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("mapper evaluation failed: " + e.getCause(), e.getCause());
            }
        }
        return out;
    }

    private MapperCost cost(MapPoint p) {
        double v = space.violation(p);
        if (v > 0) {
            return MapperCost.invalid(v);
        }
        NestResult r = result(p);
        return new MapperCost(true, r.energyPj(), r.cycles(), 0);
    }

    /** The full evaluation of a valid point: counts and prices per level. */
    public NestResult result(MapPoint p) {
        NestCounts c = NestModel.analyze(space.problem, space.arch, p.toMapping(space));
        return NestPricing.price(c, space.arch, prices);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
