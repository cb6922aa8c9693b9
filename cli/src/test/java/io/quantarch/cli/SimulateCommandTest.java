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

    static java.util.Map<String, String> summary(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("summary.csv"));
        String[] h = lines.get(0).split(",");
        List<String> v = parseCsvLine(lines.get(1));
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < h.length; i++) {
            m.put(h[i], v.get(i));
        }
        return m;
    }

    static List<String> parseCsvLine(String line) throws IOException {
        return org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.StringReader(line)).getRecords().get(0).toList();
    }

    @Test
    void energyAndAreaArePricedAndActionsAddUpToTheTotal() throws IOException {
        Path out = tmp.resolve("priced");
        CliRunner r = CliRunner.run("simulate", "--workload", "zoo:resnet18", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        java.util.Map<String, String> s = summary(out);
        double energy = Double.parseDouble(s.get("energy_pj"));
        assertEquals("horowitz45", s.get("cost_model"));
        // PE array 0.723 + CACTI SRAMs (4 banks of 64 kB twice, 16 banks of 16 kB) 0.836 + 0.836 + 0.812 + vector unit 0.380 mm2
        assertEquals(3.58751, Double.parseDouble(s.get("area_mm2")), 1e-4);
        double components = 0;
        for (String c : List.of("pe_array", "ifmap_sram", "filter_sram", "ofmap_sram", "dram", "vector_unit", "dequant_unit", "topk_engine")) {
            components += Double.parseDouble(s.get("energy_" + c + "_pj"));
        }
        assertEquals(energy, components, 1e-5 * energy);
        double actions = 0;
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(out.resolve("actions.csv")))) {
            for (var rec : parser) {
                actions += Double.parseDouble(rec.get("energy_pj"));
            }
        }
        // the actions price the dynamic energy; leakage is the leakage power over the latency
        double dynamic = Double.parseDouble(s.get("energy_dynamic_pj"));
        double leakage = Double.parseDouble(s.get("energy_leakage_pj"));
        assertEquals(dynamic, actions, 1e-5 * dynamic);
        assertEquals(energy, dynamic + leakage, 1e-5 * energy);
        assertEquals(Double.parseDouble(s.get("leakage_power_mw")) * Double.parseDouble(s.get("latency_s")) * 1e9, leakage, 1e-4 * leakage);
        assertTrue(leakage > 0.005 * energy && leakage < 0.2 * energy, leakage + " of " + energy);
        String provenance = Files.readString(out.resolve("cost_provenance.csv"));
        assertTrue(provenance.contains("Horowitz") && provenance.contains("citation"), provenance.substring(0, 200));
        assertTrue(Files.readString(out.resolve("area.csv")).contains("pe_array,multiplier,int:8x8,1024,282,288768"));
        // a smaller node prices the same counts lower
        Path out7 = tmp.resolve("priced7");
        assertEquals(0, CliRunner.run("simulate", "--workload", "zoo:resnet18", "--cost-model", "horowitz45@7", "--out", out7.toString()).exitCode());
        assertTrue(Double.parseDouble(summary(out7).get("energy_pj")) < energy);
        assertEquals(s.get("total_cycles"), summary(out7).get("total_cycles"));
    }

    @Test
    void peKindsRunFromTheArchitectureFileAndALlmDecodeLayerCanBeSelected() throws IOException {
        Path arch = tmp.resolve("fusion.yaml");
        Files.writeString(arch, "version: 1\narray: {rows: 32, cols: 32, dataflow: ws}\npe: {type: bit-fusion}\n");
        Path p4 = tmp.resolve("w4a4.yaml");
        Files.writeString(p4, "version: 1\ndefault: {weights: int4_sym_channel, inputs: int4_sym_tensor, outputs: int8_sym_tensor, kv_cache: int4_sym_channel}\n");
        Path p8 = tmp.resolve("w8a8.yaml");
        Files.writeString(p8, "version: 1\ndefault: {weights: int8_sym_channel, inputs: int8_sym_tensor, outputs: int8_sym_tensor, kv_cache: int8_sym_channel}\n");
        String llm = "zoo:llama2_7b,phase=decode,seq=512";
        for (Path p : List.of(p4, p8)) {
            CliRunner r = CliRunner.run("simulate", "--arch", arch.toString(), "--workload", llm, "--layers", "model.layers.0.*",
                    "--policy", p.toString(), "--out", tmp.resolve("llm-" + p.getFileName()).toString());
            assertEquals(0, r.exitCode(), r.err());
        }
        java.util.Map<String, String> s4 = summary(tmp.resolve("llm-w4a4.yaml"));
        java.util.Map<String, String> s8 = summary(tmp.resolve("llm-w8a8.yaml"));
        List<String> rows = Files.readAllLines(tmp.resolve("llm-w4a4.yaml/layers.csv"));
        assertEquals(13, rows.size() - 1, "the 13 layers of decoder block 0");
        assertTrue(rows.stream().skip(1).allMatch(l -> l.startsWith("model.layers.0.")), rows.toString());
        assertEquals("13", s4.get("layers"));
        assertTrue(Double.parseDouble(s4.get("energy_pe_array_pj")) < Double.parseDouble(s8.get("energy_pe_array_pj")) / 2,
                "4x4 fused products cost less than a quarter of the unit's 8x8 energy per MAC");
        // a format the PE cannot run is bad input naming the PE and the formats
        Path fp8 = tmp.resolve("fp8.yaml");
        Files.writeString(fp8, "version: 1\ndefault: {weights: fp8_e4m3_channel, inputs: fp8_e4m3_tensor}\n");
        CliRunner bad = CliRunner.run("simulate", "--arch", arch.toString(), "--workload", "zoo:resnet18", "--policy", fp8.toString(),
                "--out", tmp.resolve("bad").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("bit-fusion") && bad.err().contains("fp8_e4m3_channel x fp8_e4m3_tensor"), bad.err());
        assertFalse(Files.exists(tmp.resolve("bad")));
    }

    @Test
    void badCostModelsTablesAndLayerGlobsExitTwo() throws IOException {
        Path out = tmp.resolve("o");
        CliRunner r = CliRunner.run("simulate", "--workload", "zoo:resnet18", "--cost-model", "horowits45", "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--cost-model") && r.err().contains("horowitz45"), r.err());
        Path table = tmp.resolve("mine.csv");
        Files.writeString(table, "unit,size,energy_pj,area_um2,source,citation\nint_add,8,0.03,36,me,my notes\nint_mult,8,-1,282,me,my notes\n");
        Path arch = tmp.resolve("a.yaml");
        Files.writeString(arch, "version: 1\ncost_model: table:mine.csv\n");
        r = CliRunner.run("simulate", "--arch", arch.toString(), "--workload", "zoo:resnet18", "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("a.yaml") && r.err().contains("cost_model") && r.err().contains("mine.csv: line 3, column 'energy_pj'")
                && r.err().contains("'-1'"), r.err());
        Files.writeString(table, "unit,size,energy_pj,area_um2,source,citation\nint_add,8,0.03,36,me,my notes\n");
        r = CliRunner.run("simulate", "--arch", arch.toString(), "--workload", "zoo:resnet18", "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no energy for [int_mult"), r.err());
        // overriding only the SRAM rows of the built-in table (priced by the table's SRAM model): SRAM energy changes, nothing else does
        Files.writeString(table, "unit,size,energy_pj,area_um2,source,citation\nsram_64b_access,262144,5,,CACTI,my CACTI run\n");
        Files.writeString(arch, "version: 1\ncost_model: horowitz45+table:mine.csv\nmemory: {sram_model: table}\n");
        r = CliRunner.run("simulate", "--arch", arch.toString(), "--workload", "zoo:resnet18", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        Path baseArch = tmp.resolve("base.yaml");
        Files.writeString(baseArch, "version: 1\nmemory: {sram_model: table}\n");
        r = CliRunner.run("simulate", "--arch", baseArch.toString(), "--workload", "zoo:resnet18", "--out", tmp.resolve("base").toString());
        java.util.Map<String, String> mine = summary(out);
        java.util.Map<String, String> base = summary(tmp.resolve("base"));
        assertEquals(base.get("energy_pe_array_pj"), mine.get("energy_pe_array_pj"));
        assertEquals(base.get("energy_dram_pj"), mine.get("energy_dram_pj"));
        assertTrue(Double.parseDouble(mine.get("energy_ifmap_sram_pj")) < Double.parseDouble(base.get("energy_ifmap_sram_pj")) / 5);
        r = CliRunner.run("simulate", "--workload", "zoo:resnet18", "--layers", "layer9.*", "--out", tmp.resolve("g").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--layers") && r.err().contains("layer9.*") && r.err().contains("nearest"), r.err());
    }
}
