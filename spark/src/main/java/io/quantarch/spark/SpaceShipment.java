package io.quantarch.spark;

import io.quantarch.search.eval.LocalEvaluator;
import io.quantarch.search.eval.QualityTable;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.SpaceYaml;
import io.quantarch.workloads.io.ConfigException;
import io.quantarch.workloads.io.YamlNode;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a worker needs to evaluate a run's designs, broadcast once per run: the space file's text (workers parse it
 * themselves; the workload and models load from the application jar or shared storage), the directory its relative
 * paths resolve against, and the driver's tier-1 quality table (so no worker measures sensitivities again).
 *
 * @param taskDelayMillis a pause before each design, for fault-injection tests only (0 otherwise)
 * @param run             identifies the run (search settings and a start time): each run gets fresh worker evaluators
 */
record SpaceShipment(String yaml, String baseDir, String name, double[][] quality, double qualityBase, long taskDelayMillis, String run)
        implements Serializable {

    private static final ConcurrentHashMap<String, LocalEvaluator> EVALUATORS = new ConcurrentHashMap<>();

    static SpaceShipment of(DesignSpace space, Path baseDir, QualityTable table, long taskDelayMillis) {
        return new SpaceShipment(space.source(), baseDir == null ? null : baseDir.toAbsolutePath().toString(), space.name(),
                table.contributions(), table.base(), taskDelayMillis, space.search() + "@" + System.nanoTime());
    }

    /** Identifies the shipment: equal keys, equal evaluations. */
    String key() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(yaml.getBytes(StandardCharsets.UTF_8));
            md.update(String.valueOf(baseDir).getBytes(StandardCharsets.UTF_8));
            for (double[] row : quality) {
                for (double v : row) {
                    md.update(Double.toString(v).getBytes(StandardCharsets.UTF_8));
                }
            }
            md.update(Double.toString(qualityBase).getBytes(StandardCharsets.UTF_8));
            md.update(run.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This JVM's evaluator for the shipment (one per executor JVM and run; single-threaded: Spark runs tasks in parallel). */
    LocalEvaluator evaluator() {
        String k = key();
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
