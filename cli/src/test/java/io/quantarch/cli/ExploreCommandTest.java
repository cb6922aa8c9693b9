package io.quantarch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExploreCommandTest {

    static final String SPACE = """
            version: 1
            name: cli-small
            workload: zoo:resnet18
            quality: {synthetic: {seed: 1, rows: 4}}
            architecture:
              base: {version: 1, pe: {type: bit-fusion}}
              genes:
                array: [16x16, 32x32]
            quantization:
              default: {weights: int8_sym_channel, inputs: int8_sym_tensor}
              genes:
                - {layers: "layer4.*", weights: [int8_sym_channel, int4_sym_channel, int2_sym_channel]}
                - {layers: "fc", weights: [int8_sym_channel, int4_sym_channel]}
            objectives: {synthetic_output_nsr: min, energy_pj: min, area_mm2: min}
            constraints: ["area_mm2 <= 100"]
            search: {population: 8, generations: 2, seed: 1}
            """;

    @Test
    void writesFrontEvaluationsGenerationsAndRunJson(@TempDir Path tmp) throws Exception {
        Path space = tmp.resolve("space.yaml");
        Files.writeString(space, SPACE);
        Path out = tmp.resolve("run");
        CliRunner r = CliRunner.run("explore", "--space", space.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("designs on the Pareto front"), r.out());
        assertTrue(r.err().contains("gen 2/2"), "progress: " + r.err());
        List<String> pareto = Files.readAllLines(out.resolve("pareto.csv"));
        assertEquals("evaluation,generation,array,weights[layer4.*],weights[fc],synthetic_output_nsr,latency_s,energy_pj,area_mm2,edp_pj_s,weight_bytes",
                pareto.get(0));
        assertTrue(pareto.size() > 2);
        assertEquals(1 + 8 * 3, Files.readAllLines(out.resolve("evaluations.csv")).size());
        assertEquals(1 + 3, Files.readAllLines(out.resolve("generations.csv")).size());
        for (String plot : List.of("hypervolume.png", "front_synthetic_output_nsr_vs_energy_pj.png", "front_energy_pj_vs_area_mm2.png")) {
            assertTrue(Files.size(out.resolve("plots").resolve(plot)) > 1000, plot);
        }
        String json = Files.readString(out.resolve("run.json"));
        assertTrue(json.contains("\"seed\" : 1") && json.contains("\"designs_in_space\" : \"12\""), json);
        // rerunning a finished run resumes from its checkpoint and changes nothing
        String before = Files.readString(out.resolve("evaluations.csv"));
        CliRunner again = CliRunner.run("explore", "--space", space.toString(), "--out", out.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.err().contains("resuming"), again.err());
        assertEquals(before, Files.readString(out.resolve("evaluations.csv")));
        // exhaustive on 12 designs, and the exact DP, agree
        CliRunner ex = CliRunner.run("explore", "--space", space.toString(), "--out", tmp.resolve("ex").toString(), "--algorithm", "exhaustive");
        CliRunner dp = CliRunner.run("explore", "--space", space.toString(), "--out", tmp.resolve("dp").toString(), "--algorithm", "dp");
        assertEquals(0, ex.exitCode(), ex.err());
        assertEquals(0, dp.exitCode(), dp.err());
        assertEquals(withoutIndex(tmp.resolve("ex/pareto.csv")), withoutIndex(tmp.resolve("dp/pareto.csv")));
    }

    static java.util.Set<String> withoutIndex(Path p) throws Exception {
        java.util.Set<String> s = new java.util.TreeSet<>();
        for (String l : Files.readAllLines(p)) {
            s.add(l.substring(l.indexOf(',', l.indexOf(',') + 1) + 1));
        }
        return s;
    }

    @Test
    void badSpacesExitTwoWithOneLineNamingFileAndKey(@TempDir Path tmp) throws Exception {
        check(tmp, SPACE.replace("array: [16x16, 32x32]", "arrays: [16x16]"), "architecture.genes.arrays", "an architecture gene");
        check(tmp, SPACE.replace("array: [16x16, 32x32]", "array: [16by16]"), "array", "ROWSxCOLS");
        check(tmp, SPACE.replace("int2_sym_channel]", "int2_sym_chanel]"), "weights", "int2_sym_chanel");
        check(tmp, SPACE.replace("layers: \"fc\"", "layers: \"fcc\""), "layers", "nearest: fc");
        check(tmp, SPACE.replace("layers: \"fc\"", "layers: \"layer4.0.*\""), "genes", "in both");
        check(tmp, SPACE.replace("synthetic_output_nsr: min", "quality_loss: min"), "objectives", "synthetic");
        check(tmp, SPACE.replace("area_mm2 <= 100", "area < 100"), "constraints", "METRIC <= VALUE");
        check(tmp, SPACE.replace("version: 1\nname", "version: 2\nname"), "version", "version 1");
    }

    private static void check(Path tmp, String yaml, String key, String fragment) throws Exception {
        Path space = tmp.resolve("bad.yaml");
        Files.writeString(space, yaml);
        Path out = tmp.resolve("bad-out");
        CliRunner r = CliRunner.run("explore", "--space", space.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("bad.yaml") && r.err().contains(key) && r.err().contains(fragment), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out), "no result directory for a bad space");
    }

    @Test
    void refusesANonEmptyForeignDirectoryAndDpOnANonAdditiveSpace(@TempDir Path tmp) throws Exception {
        Path space = tmp.resolve("space.yaml");
        Files.writeString(space, SPACE);
        Path foreign = tmp.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        CliRunner r = CliRunner.run("explore", "--space", space.toString(), "--out", foreign.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--out") && r.err().contains("non-empty"), r.err());
        Files.writeString(space, SPACE.replace("area_mm2: min}", "edp: min}"));
        CliRunner dp = CliRunner.run("explore", "--space", space.toString(), "--out", tmp.resolve("dp").toString(), "--algorithm", "dp");
        assertEquals(2, dp.exitCode());
        assertTrue(dp.err().contains("edp_pj_s") && dp.err().contains("additive"), dp.err());
    }

    /** The built-in default study is the example file, so the README's rerun command reproduces it. */
    @Test
    void defaultStudyIsTheExampleSpace() throws Exception {
        String builtIn = new String(DefaultJob.class.getResourceAsStream(DefaultJob.SPACE).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(Files.readString(Path.of("..", "examples", "explore", "stories260k-pe.yaml")), builtIn);
        var s = DefaultJob.space();
        assertEquals("stories260k-pe", s.name());
        assertEquals(3, s.objectives().size());
    }
}
