package io.quantarch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code explore --engine spark}: local[2] writes the bytes --engine threads writes; a bad or unreachable master exits 1, writing nothing. */
class ExploreSparkTest {

    @Test
    void sparkLocalModeWritesTheThreadEnginesBytes(@TempDir Path tmp) throws Exception {
        Path space = tmp.resolve("space.yaml");
        Files.writeString(space, ExploreCommandTest.SPACE.replace("generations: 2", "generations: 4"));
        CliRunner threads = CliRunner.run("explore", "--space", space.toString(), "--out", tmp.resolve("t").toString(), "--threads", "2");
        assertEquals(0, threads.exitCode(), threads.err());
        CliRunner spark = CliRunner.run("explore", "--space", space.toString(), "--out", tmp.resolve("s").toString(), "--engine", "spark",
                "--master", "local[2]");
        assertEquals(0, spark.exitCode(), spark.err());
        assertTrue(spark.err().contains("Spark local[2], 2 task slots"), spark.err());
        for (String f : List.of("pareto.csv", "evaluations.csv", "generations.csv")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("t").resolve(f)), Files.readAllBytes(tmp.resolve("s").resolve(f)), f);
        }
    }

    @Test
    void badAndUnreachableMastersExitOneNamingTheUrl(@TempDir Path tmp) throws Exception {
        Path space = tmp.resolve("space.yaml");
        Files.writeString(space, ExploreCommandTest.SPACE);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        for (String master : List.of("spark://127.0.0.1:" + port, "spork://127.0.0.1:7077", "local[0]")) {
            Path out = tmp.resolve("o" + Math.abs(master.hashCode()));
            long t0 = System.nanoTime();
            CliRunner r = CliRunner.run("explore", "--space", space.toString(), "--out", out.toString(), "--engine", "spark", "--master", master);
            assertEquals(1, r.exitCode(), master + ": " + r.err());
            assertTrue(r.err().contains(master), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(out), "no result directory for " + master);
            assertTrue((System.nanoTime() - t0) / 1e9 < 30, "bounded time");
        }
        CliRunner engine = CliRunner.run("explore", "--space", space.toString(), "--out", tmp.resolve("e").toString(), "--engine", "flink");
        assertEquals(2, engine.exitCode());
        assertTrue(engine.err().contains("--engine") && engine.err().contains("flink"), engine.err());
    }
}
