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

class SimulateCommandTest {

    @TempDir
    Path tmp;

    @Test
    void zooModelOnTheDefaultArchitectureWritesLayersAndSummary() throws IOException {
        Path out = tmp.resolve("r18");
        CliRunner r = CliRunner.run("simulate", "--workload", "zoo:resnet18", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> layers = Files.readAllLines(out.resolve("layers.csv"));
        assertTrue(layers.get(0).startsWith("layer,type,m,n,k,repeat,macs,weights,"));
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        String[] h = summary.get(0).split(",");
        String[] v = summary.get(1).split(",");
        assertEquals(h.length, v.length);
        assertEquals("1814073344", v[List.of(h).indexOf("macs")]);
        assertEquals("11689512", v[List.of(h).indexOf("weights")]);
        assertTrue(List.of(h).containsAll(List.of("total_cycles", "compute_cycles", "stall_cycles", "utilization", "dram_bytes")));
    }

    @Test
    void fourBitWeightsMoveHalfTheFilterBytesOfEightBitOnes() throws IOException {
        Path p8 = tmp.resolve("p8.yaml");
        Path p4 = tmp.resolve("p4.yaml");
        Files.writeString(p8, "version: 1\ndefault: {weights: int8_sym_tensor, inputs: int8_sym_tensor, outputs: int8_sym_tensor}\n");
        Files.writeString(p4, "version: 1\ndefault: {weights: int4_sym_tensor, inputs: int8_sym_tensor, outputs: int8_sym_tensor}\n");
        assertEquals(0, CliRunner.run("simulate", "--workload", "zoo:bert_base,seq=128", "--policy", p8.toString(), "--out", tmp.resolve("a").toString()).exitCode());
        assertEquals(0, CliRunner.run("simulate", "--workload", "zoo:bert_base,seq=128", "--policy", p4.toString(), "--out", tmp.resolve("b").toString()).exitCode());
        double f8 = column(tmp.resolve("a/layers.csv"), "encoder.layer.0.intermediate.dense", "dram_filter_bytes");
        double f4 = column(tmp.resolve("b/layers.csv"), "encoder.layer.0.intermediate.dense", "dram_filter_bytes");
        assertEquals(0.5, f4 / f8, 1e-9, "int4 vs int8 weight bytes");
    }

    static double column(Path csv, String layer, String col) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> h = List.of(lines.get(0).split(","));
        for (String l : lines) {
            if (l.startsWith(layer + ",")) {
                return Double.parseDouble(l.split(",", -1)[h.indexOf(col)]);
            }
        }
        throw new AssertionError(layer + " not in " + csv);
    }

    @Test
    void cycleFidelityGivesTheSameCyclesOnSmallLayers() throws IOException {
        Path w = tmp.resolve("w.yaml");
        Files.writeString(w, """
                version: 1
                layers:
                  - {name: fc, type: gemm, m: 20, n: 40, k: 50}
                  - {name: conv, type: conv2d, in_channels: 3, out_channels: 10, input: 9, kernel: 3, padding: 1}
                """);
        Path arch = tmp.resolve("a.yaml");
        Files.writeString(arch, "version: 1\narray: {rows: 8, cols: 4, dataflow: os}\nmemory: {dram_bytes_per_cycle: unlimited}\n");
        assertEquals(0, CliRunner.run("simulate", "--arch", arch.toString(), "--workload", w.toString(), "--out", tmp.resolve("an").toString()).exitCode());
        CliRunner c = CliRunner.run("simulate", "--arch", arch.toString(), "--workload", w.toString(), "--fidelity", "cycle", "--out", tmp.resolve("cy").toString());
        assertEquals(0, c.exitCode(), c.err());
        assertEquals(Files.readAllLines(tmp.resolve("an/layers.csv")), Files.readAllLines(tmp.resolve("cy/layers.csv")));
    }

    @Test
    void badArchitectureAndWorkloadInputsExitTwoNamingFileAndKey() throws IOException {
        Path cfg = tmp.resolve("bad.cfg");
        Files.writeString(cfg, "[architecture_presets]\nArrayHeight: 32\nArrayWidht: 32\n");
        Path out = tmp.resolve("o");
        CliRunner r = CliRunner.run("simulate", "--arch", cfg.toString(), "--workload", "zoo:resnet18", "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("bad.cfg") && r.err().contains("line 3") && r.err().contains("ArrayWidth"), r.err());
        Files.writeString(cfg, "[architecture_presets]\nArrayHeight: 32\nArrayWidth: x\nIfmapSramSzkB: 1\nFilterSramSzkB: 1\nOfmapSramSzkB: 1\nDataflow: ws\n");
        r = CliRunner.run("simulate", "--arch", cfg.toString(), "--workload", "zoo:resnet18", "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("line 3, key 'ArrayWidth'") && r.err().contains("'x'"), r.err());
        Path yaml = tmp.resolve("a.yaml");
        Files.writeString(yaml, "version: 1\narray: {rows: 32, cols: 32, dataflow: xs}\n");
        r = CliRunner.run("simulate", "--arch", yaml.toString(), "--workload", "zoo:resnet18", "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("array.dataflow") && r.err().contains("'xs'"), r.err());
        r = CliRunner.run("simulate", "--workload", "zoo:resnet181", "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("resnet18"), r.err());
        Path topo = tmp.resolve("t.csv");
        Files.writeString(topo, "Layer, M, N, K,\nfc,1,2,\n");
        r = CliRunner.run("simulate", "--workload", topo.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("t.csv") && r.err().contains("line 2"), r.err());
        assertFalse(Files.exists(out), "no result directory after bad input");
        assertFalse(r.err().contains("\tat "));
    }
}
