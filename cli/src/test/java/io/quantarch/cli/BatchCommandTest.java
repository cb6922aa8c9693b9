package io.quantarch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quantarch batch}: several runs in one process give the same results as separate commands. */
class BatchCommandTest {

    @Test
    void runsEveryRowAndMatchesSeparateRuns(@TempDir Path tmp) throws Exception {
        Path runs = tmp.resolve("runs.csv");
        Files.writeString(runs, "command\n"
                + "\"simulate --workload zoo:mnist_cnn --out " + tmp.resolve("a") + "\"\n"
                + "\"simulate --workload 'zoo:resnet18' --out " + tmp.resolve("b") + "\"\n");
        CliRunner r = CliRunner.run("batch", runs.toString(), "--log", tmp.resolve("log.csv").toString());
        assertEquals(0, r.exitCode(), r.err());
        CliRunner single = CliRunner.run("simulate", "--workload", "zoo:resnet18", "--out", tmp.resolve("c").toString());
        assertEquals(0, single.exitCode());
        Map<String, String> batch = SimulateCommandTest.summary(tmp.resolve("b"));
        Map<String, String> alone = SimulateCommandTest.summary(tmp.resolve("c"));
        assertEquals(alone, batch, "the same summary from batch and from a separate command");
        assertTrue(Files.readString(tmp.resolve("log.csv")).lines().count() == 3);
    }

    @Test
    void aRowThatIsNotASimulateOrNestRunIsRefusedBeforeAnyRuns(@TempDir Path tmp) throws Exception {
        Path runs = tmp.resolve("runs.csv");
        Files.writeString(runs, "command\n\"simulate --workload zoo:mnist_cnn --out " + tmp.resolve("a") + "\"\nexplore --space x\n");
        CliRunner r = CliRunner.run("batch", runs.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("line 3") && r.err().contains("explore"), r.err());
        assertFalse(Files.exists(tmp.resolve("a")), "nothing ran");
    }
}
