package io.quantarch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QualityCommandTest {

    @TempDir
    Path tmp;

    @Test
    void qualityWritesOneRowAndPerLayerSqnr() throws IOException {
        Path policy = tmp.resolve("p.yaml");
        Files.writeString(policy, """
                version: 1
                name: w8a8
                default:
                  weights: int8_sym_channel
                  inputs: int8_sym_tensor
                """);
        Path out = tmp.resolve("run");
        CliRunner r = CliRunner.run("quality", "--model", "mnist_cnn", "--policy", policy.toString(), "--eval", "500",
                "--calibration", "64", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> q = Files.readAllLines(out.resolve("quality.csv"));
        assertEquals("model,policy,metric,value,fp32_value,quality_loss,eval_samples,sample_unit", q.get(0));
        assertTrue(q.get(1).startsWith("mnist_cnn,w8a8,accuracy_pct,"), q.get(1));
        List<String> layers = Files.readAllLines(out.resolve("layers.csv"));
        assertEquals(4, layers.size());
        assertTrue(layers.get(1).startsWith("conv1,int8_sym_channel,int8_sym_tensor,rtn,"), layers.get(1));
    }

    @Test
    void badPolicyOrModelExitsTwoWithoutAResultDirectory() throws IOException {
        Path policy = tmp.resolve("p.yaml");
        Files.writeString(policy, "version: 1\noverrides:\n  - layers: conv3\n    weights: int4_sym_channel\n");
        Path out = tmp.resolve("run");
        CliRunner r = CliRunner.run("quality", "--model", "mnist_cnn", "--policy", policy.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("p.yaml") && r.err().contains("'conv3' matches no layer") && r.err().contains("conv1"), r.err());
        assertFalse(Files.exists(out));
        r = CliRunner.run("quality", "--model", "resnet", "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("stories260k, mnist_cnn"), r.err());
        r = CliRunner.run("quality", "--model", "stories260k", "--eval", "743", "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("1..742"), r.err());
        Files.writeString(policy, "version: 1\ndefault:\n  weights: int4_sym_g12x\n");
        r = CliRunner.run("quality", "--model", "mnist_cnn", "--policy", policy.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("default.weights"), r.err());
        assertFalse(Files.exists(out));
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
