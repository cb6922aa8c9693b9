package io.quantarch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quantarch nest model}: bad input exits 2 with one line naming the file and what was wrong; nothing is written. */
class NestCommandTest {

    static final Path T03 = NestReferenceTest.CASES.resolve("t03-conv1d+oc-3level-bypass");

    static CliRunner run(Path arch, Path problem, Path mapping, Path out, String... extra) {
        String[] base = {"nest", "model", "--arch", arch.toString(), "--problem", problem.toString(), "--mapping", mapping.toString(),
                "--out", out.toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return CliRunner.run(all);
    }

    static Path arch() {
        return T03.resolve("arch/3level.arch.yaml");
    }

    static Path problem() throws IOException {
        try (var s = Files.list(T03.resolve("prob"))) {
            return s.findFirst().orElseThrow();
        }
    }

    static Path mapping() throws IOException {
        try (var s = Files.list(T03.resolve("map"))) {
            return s.findFirst().orElseThrow();
        }
    }

    static void bad(CliRunner r, Path out, String... fragments) {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "'" + f + "' missing from: " + r.err());
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void unknownNodeTagNamesTheFileAndTheTag(@TempDir Path tmp) throws IOException {
        Path a = tmp.resolve("a.yaml");
        Files.writeString(a, Files.readString(arch()).replaceFirst("!Component", "!Componnent"));
        bad(run(a, problem(), mapping(), tmp.resolve("o")), tmp.resolve("o"), "a.yaml", "!Componnent", "!Container");
    }

    @Test
    void factorsThatDoNotMultiplyToTheBound(@TempDir Path tmp) throws IOException {
        Path m = tmp.resolve("m.yaml");
        Files.writeString(m, Files.readString(mapping()).replace("factors: R=1 P=16 K=16", "factors: R=1 P=8 K=16"));
        bad(run(arch(), problem(), m, tmp.resolve("o")), tmp.resolve("o"), "m.yaml", "bound 16", "product of 8");
    }

    @Test
    void aTileThatDoesNotFitItsLevel(@TempDir Path tmp) throws IOException {
        Path a = tmp.resolve("a.yaml");
        Files.writeString(a, Files.readString(arch()).replace("depth: 64", "depth: 1"));
        bad(run(a, problem(), mapping(), tmp.resolve("o")), tmp.resolve("o"), "RegisterFile", "capacity");
    }

    @Test
    void anErtLackingAnActionTheModelNeeds(@TempDir Path tmp) throws IOException {
        Path ert = tmp.resolve("e.yaml");
        Files.writeString(ert, Files.readString(T03.resolve("ref/timeloop-model.ERT.yaml")).replaceFirst("name: update", "name: updat"));
        bad(run(arch(), problem(), mapping(), tmp.resolve("o"), "--ert", ert.toString()), tmp.resolve("o"), "e.yaml", "update");
    }

    @Test
    void variablesAndExpressionsInAttributes(@TempDir Path tmp) throws IOException {
        Path a = tmp.resolve("a.yaml");
        Files.writeString(a, "variables:\n  version: 0.4\n  BUF_WORDS: 32\n" + Files.readString(arch()).replace("depth: 64", "depth: BUF_WORDS * 2")
                .replace("datawidth: 8\n\n  - !Component\n    name: MACC", "datawidth: max(4, 8)\n\n  - !Component\n    name: MACC"));
        CliRunner r = run(a, problem(), mapping(), tmp.resolve("o"), "--ert", T03.resolve("ref/timeloop-model.ERT.yaml").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("60471.9"), r.out());
        Files.writeString(a, "variables:\n  BUF_WORDS: 32\n" + Files.readString(arch()).replace("depth: 64", "depth: BUF_WORD * 2"));
        bad(run(a, problem(), mapping(), tmp.resolve("p")), tmp.resolve("p"), "a.yaml", "BUF_WORD", "BUF_WORDS");
    }

    /** examples/nest: INT4 weights, INT8 inputs, 24-bit partial sums on the simple weight-stationary design (its README's table). */
    @Test
    void perOperandPrecisionOnTheWeightStationaryDesign(@TempDir Path tmp) throws IOException {
        Path c = NestReferenceTest.CASES.resolve("simple_weight_stationary");
        java.util.Map<String, java.util.Map<String, Double>> e = new java.util.HashMap<>();
        for (String arch : new String[] {c.resolve("arch/arch.yaml").toString(), "../examples/nest/simple-ws-w4a8-psum24.arch.yaml"}) {
            Path out = tmp.resolve(e.isEmpty() ? "w16" : "w4");
            CliRunner r = CliRunner.run("nest", "model", "--arch", arch, "--arch", c.resolve("arch/components/intmac.yaml").toString(), "--arch",
                    c.resolve("arch/components/smartbuffer_SRAM.yaml").toString(), "--problem", c.resolve("prob/default_problem.yaml").toString(),
                    "--mapping", c.resolve("map/timeloop-mapper.map.yaml").toString(), "--out", out.toString());
            assertEquals(0, r.exitCode(), r.err());
            java.util.Map<String, Double> m = new java.util.HashMap<>();
            for (var row : NestReferenceTest.csv(out.resolve("levels.csv"))) {
                m.put(row.get("level") + "/" + row.get("dataspace"), Double.parseDouble(row.get("energy_pj")));
            }
            m.put("total", Double.parseDouble(NestReferenceTest.csv(out.resolve("summary.csv")).get(0).get("energy_pj")));
            e.put(out.getFileName().toString(), m);
        }
        var w16 = e.get("w16");
        var w4 = e.get("w4");
        assertEquals(4.0, w16.get("DRAM/Weights") / w4.get("DRAM/Weights"), 1e-9, "a 16-bit slot holds four INT4 weights");
        assertEquals(2.0, w16.get("DRAM/Inputs") / w4.get("DRAM/Inputs"), 1e-3);
        assertEquals(0.5, w16.get("shared_glb/Outputs") / w4.get("shared_glb/Outputs"), 1e-3, "24-bit partial sums: 2 per access, not 4");
        assertEquals(1.006, w4.get("total") / w16.get("total"), 0.001);
        // the README's table states what the commands write, at its printed precision (a regression pin of our own figures)
        String readme = java.nio.file.Files.readString(Path.of("..", "examples", "nest", "README.md"));
        java.util.Map<String, String> key = java.util.Map.of("DRAM Weights", "DRAM/Weights", "DRAM Inputs", "DRAM/Inputs", "DRAM Outputs", "DRAM/Outputs",
                "global buffer Weights", "shared_glb/Weights", "global buffer Inputs", "shared_glb/Inputs",
                "global buffer Outputs (partial sums)", "shared_glb/Outputs", "**total** (incl. MACs, leakage)", "total");
        int checked = 0;
        for (String line : readme.lines().filter(l -> l.startsWith("| ")).toList()) {
            String[] cell = line.substring(1, line.length() - 1).split("\\|");
            String k = key.get(cell[0].strip());
            if (k == null) {
                continue;
            }
            for (int col = 2; col <= 3; col++) {
                String shown = cell[col].replace("*", "").strip();
                int decimals = shown.length() - shown.indexOf('.') - 1;
                double csv = (col == 2 ? w16 : w4).get(k) / 1e6;
                assertEquals(Double.parseDouble(shown), csv, 0.5 * Math.pow(10, -decimals) + 1e-9, cell[0].strip() + " column " + col + " in examples/nest/README.md");
            }
            checked++;
        }
        assertEquals(7, checked, "every energy row of the README table");
    }
}
