package io.quantarch.spark;

import io.quantarch.search.eval.LocalEvaluator;
import io.quantarch.search.eval.QualityTable;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.SpaceYaml;
import io.quantarch.config.ConfigException;
import io.quantarch.config.YamlNode;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a worker needs to evaluate a run's designs, broadcast once per run: the space file's text (workers parse it
 * themselves; the workload and models load from the application jar or shared storage), the directory its relative
 * paths resolve against, and the driver's tier-1 quality table (so no worker measures sensitivities again).
 *
 * @param taskDelayMillis a pause before each design, for fault-injection tests only (0 otherwise)
 * @param run             identifies the shipment (search settings and the driver's start time): each run gets fresh
 *                        worker evaluators, and the tasks of one run share theirs
 */
record SpaceShipment(String yaml, String baseDir, String name, double[][] quality, double qualityBase, long taskDelayMillis, String run)
        implements Serializable {

    private static final ConcurrentHashMap<String, LocalEvaluator> EVALUATORS = new ConcurrentHashMap<>();

    static SpaceShipment of(DesignSpace space, Path baseDir, QualityTable table, long taskDelayMillis) {
        return new SpaceShipment(space.source(), baseDir == null ? null : baseDir.toAbsolutePath().toString(), space.name(),
                table.contributions(), table.base(), taskDelayMillis, space.search() + "@" + System.nanoTime());
    }

    /** This JVM's evaluator for the shipment (one per executor JVM and run; single-threaded: Spark runs tasks in parallel). */
    LocalEvaluator evaluator() {
        String k = run;                                                 // unique per shipment (start time)
        LocalEvaluator ev = EVALUATORS.get(k);
        if (ev != null) {
            return ev;
        }
        synchronized (EVALUATORS) {
            ev = EVALUATORS.get(k);
            if (ev == null) {
                EVALUATORS.values().forEach(LocalEvaluator::close);        // runs follow each other: an earlier run's cache goes
                EVALUATORS.clear();
                ev = build();
                EVALUATORS.put(k, ev);
            }
            return ev;
        }
    }

    private LocalEvaluator build() {
        try {
            DesignSpace space = SpaceYaml.parse(YamlNode.parse(name + ".yaml", yaml), yaml, baseDir == null ? null : Path.of(baseDir), name);
            LocalEvaluator ev = new LocalEvaluator(space, 1);
            ev.install(QualityTable.of(quality, qualityBase));
            return ev;
        } catch (ConfigException e) {
            throw new IllegalStateException("worker cannot parse the space the driver parsed: " + e.getMessage(), e);
        }
    }
}
