package io.quantarch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command's result directory holds run.json (command line, inputs' hashes, timings), and one --out rule holds for all. */
class RunJsonTest {

    @Test
    void simulateWritesRunJsonWithItsInputsHashes(@TempDir Path tmp) throws IOException {
        Path policy = Path.of("..", "examples", "pe-kinds", "w4a4.yaml");
        CliRunner r = CliRunner.run("simulate", "--workload", "zoo:resnet18", "--arch", "../examples/pe-kinds/arch-bit-fusion.yaml",
                "--policy", policy.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(tmp.resolve("o/run.json").toFile());
        assertTrue(j.get("command").asText().startsWith("quantarch simulate --workload zoo:resnet18"));
        assertEquals(64, j.get("inputs_sha256").get(policy.toString()).asText().length(), "the policy's SHA-256");
        assertTrue(j.get("seconds").asDouble() > 0);
    }

    @Test
    void everyCommandRefusesANonEmptyOutWithExit2(@TempDir Path tmp) throws IOException {
        Path out = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        for (String[] args : new String[][] {{"simulate", "--workload", "zoo:resnet18", "--out", out.toString()},
                {"nest", "model", "--arch", "../examples/tour/nest/arch.yaml", "../examples/tour/nest/intmac.yaml",
                        "../examples/tour/nest/smartbuffer_SRAM.yaml", "--problem", "../examples/tour/nest/problem.yaml", "--mapping",
                        "../examples/tour/nest/mapping.yaml", "--out", out.toString()},
                {"reference", "--model", "mnist_cnn", "--samples", "10", "--out", out.toString()}}) {
            CliRunner r = CliRunner.run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains("--out") && r.err().contains("new or empty directory"), r.err());
            assertEquals("mine", Files.readString(out.resolve("keep.txt")));
        }
    }
}
