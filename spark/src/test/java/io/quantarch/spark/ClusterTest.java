package io.quantarch.spark;

import io.quantarch.search.eval.EvaluationEngine;
import io.quantarch.reports.explore.Explore;
import io.quantarch.search.space.DesignSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real standalone cluster on loopback (a master and two workers as separate processes): the exploration equals the
 * thread evaluator's byte for byte, and still does when a worker is killed in the middle of a generation.
 */
class ClusterTest {

    @Test
    void twoWorkerClusterEqualsThreadsAndSurvivesALostWorker(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path tmp) throws Exception {
        Path clusterJava = LoopbackCluster.clusterJavaHome();
        DesignSpace s = LocalModeTest.space();
        Path threads = tmp.resolve("threads");
        Explore.run(s, threads, 2, null, p -> { }, m -> { }, EvaluationEngine.THREADS);
        int generationRows = s.search().population() + 1;
        System.setProperty("quantarch.spark.taskDelayMs", "60");             // long enough generations to kill a worker in one
        try (LoopbackCluster cluster = new LoopbackCluster(tmp.resolve("cluster"), 2, clusterJava);
             SparkEngine engine = SparkEngine.connect(cluster.master(), List.of(cluster.appJar().toString()), null, Duration.ofSeconds(120))) {
            long deadline = System.currentTimeMillis() + 60_000;
            while (engine.executors() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(2, engine.executors(), "both workers' executors registered");
            Path whole = tmp.resolve("cluster-run");
            Explore.run(s, whole, 2, null, p -> { }, m -> { }, engine);
            LocalModeTest.assertSameBytes(threads, whole);

            Path survived = tmp.resolve("cluster-run-lost-worker");
            AtomicBoolean killed = new AtomicBoolean();
            Thread killer = new Thread(() -> {
                try {
                    Path ev = survived.resolve("evaluations.csv");
                    while (!Thread.currentThread().isInterrupted()) {
                        if (Files.exists(ev) && Files.readAllLines(ev).size() > generationRows) {   // generation 0 written, 1 running
                            cluster.killWorker(0);
                            killed.set(true);
                            return;
                        }
                        Thread.sleep(20);
                    }
                } catch (Exception e) {
                    Thread.currentThread().interrupt();
                }
            });
            killer.start();
            Explore.run(s, survived, 2, null, p -> { }, m -> { }, engine);
            killer.interrupt();
            killer.join();
            assertTrue(killed.get(), "a worker was killed during the run");
            LocalModeTest.assertSameBytes(threads, survived);
        } finally {
            System.clearProperty("quantarch.spark.taskDelayMs");
        }
    }

    @Test
    void badOrUnreachableMastersFailFastNamingTheUrl() throws Exception {
        SparkEngine.Unavailable bad = assertThrows(SparkEngine.Unavailable.class,
                () -> SparkEngine.connect("spork://127.0.0.1:7077", List.of(), null, Duration.ofSeconds(5)));
        assertTrue(bad.getMessage().contains("spork://127.0.0.1:7077"), bad.getMessage());
        int closed = LoopbackCluster.freePort();
        long t0 = System.nanoTime();
        SparkEngine.Unavailable down = assertThrows(SparkEngine.Unavailable.class,
                () -> SparkEngine.connect("spark://127.0.0.1:" + closed, List.of(), null, Duration.ofSeconds(5)));
        assertTrue(down.getMessage().contains("spark://127.0.0.1:" + closed), down.getMessage());
        assertTrue((System.nanoTime() - t0) / 1e9 < 15, "bounded time");
    }
}
