package io.quantarch.spark;

import io.quantarch.search.eval.Evaluation;
import io.quantarch.search.eval.Evaluator;
import io.quantarch.search.eval.LocalEvaluator;
import io.quantarch.search.space.DesignSpace;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Evaluates each batch (one generation) as one Spark job: the designs not yet evaluated are split into slices, each
 * task evaluates its slice on its executor's {@link LocalEvaluator} for the broadcast space, and {@code collect()}
 * returns the results in the order of the slices, so the i-th result belongs to the i-th design whatever the number of
 * executors. A lost executor's tasks are re-run by Spark; nothing reaches the driver twice. Tier-2 re-runs and other
 * {@link #map} work stay on the driver's threads.
 */
final class SparkEvaluator implements Evaluator {

    private final JavaSparkContext sc;
    private final Broadcast<SpaceShipment> shipment;
    private final LocalEvaluator driver;
    private final int slices;
    private final Map<String, Evaluation> done = new java.util.HashMap<>();
    private long jobs;
    private long designsShipped;

    SparkEvaluator(JavaSparkContext sc, SpaceShipment s, LocalEvaluator driver) {
        this.sc = sc;
        this.shipment = sc.broadcast(s);
        this.driver = driver;
        this.slices = Math.max(1, sc.defaultParallelism());
    }

    @Override
    public synchronized List<Evaluation> evaluate(List<int[]> choices) {
        Map<String, int[]> todo = new LinkedHashMap<>();
        for (int[] c : choices) {
            String k = DesignSpace.key(c);
            if (!done.containsKey(k)) {
                todo.putIfAbsent(k, c.clone());
            }
        }
        if (!todo.isEmpty()) {
            List<int[]> batch = new ArrayList<>(todo.values());
            List<Evaluation> out = sc.parallelize(batch, Math.min(batch.size(), 4 * slices))
                    .mapPartitions(new EvaluateSlice(shipment)).collect();
            if (out.size() != batch.size()) {
                throw new IllegalStateException("Spark returned " + out.size() + " evaluations for " + batch.size() + " designs");
            }
            for (int i = 0; i < batch.size(); i++) {
                done.put(DesignSpace.key(batch.get(i)), out.get(i));
            }
            jobs++;
            designsShipped += batch.size();
        }
        List<Evaluation> result = new ArrayList<>(choices.size());
        for (int[] c : choices) {
            result.add(done.get(DesignSpace.key(c)));
        }
        return result;
    }

    @Override
    public <T> List<T> map(List<Callable<T>> tasks) {
        return driver.map(tasks);
    }

    long jobs() {
        return jobs;
    }

    long designsShipped() {
        return designsShipped;
    }

    @Override
    public void close() {
        shipment.unpersist();
    }

    /** One task: its slice of designs, evaluated in order on the executor's evaluator for the shipped space. */
    static final class EvaluateSlice implements FlatMapFunction<Iterator<int[]>, Evaluation> {
        private final Broadcast<SpaceShipment> shipment;

        EvaluateSlice(Broadcast<SpaceShipment> shipment) {
            this.shipment = shipment;
        }

        @Override
        public Iterator<Evaluation> call(Iterator<int[]> designs) throws Exception {
            SpaceShipment s = shipment.value();
            LocalEvaluator ev = s.evaluator();
            List<int[]> slice = new ArrayList<>();
            designs.forEachRemaining(slice::add);
            if (s.taskDelayMillis() > 0) {
                Thread.sleep(s.taskDelayMillis() * slice.size());
            }
            return ev.evaluate(slice).iterator();
        }
    }
}
