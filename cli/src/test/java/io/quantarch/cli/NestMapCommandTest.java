package io.quantarch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code quantarch nest map} on the reference designs whose mapping Timeloop's mapper found: with the same architecture,
 * inline constraints, ERT and objective, the mapping found has an EDP at most Timeloop's, and {@code nest model} reads
 * the written mapping.yaml back to the same numbers. Constraints that empty the mapspace are exit 2, naming the
 * constraint and why.
 */
class NestMapCommandTest {

    static List<String> inputs(String c, boolean withTables) throws IOException {
        Path dir = NestReferenceTest.CASES.resolve(c);
        JsonNode j = new ObjectMapper().readTree(dir.resolve("case.json").toFile());
        List<String> args = new ArrayList<>(List.of("--arch"));
        for (JsonNode a : j.get("arch")) {
            args.add(dir.resolve(a.asText()).toString());
        }
        args.addAll(List.of("--problem", dir.resolve(j.get("problem").asText()).toString()));
        if (withTables) {
            args.addAll(List.of("--ert", dir.resolve(j.get("ert").asText()).toString(), "--art", dir.resolve(j.get("art").asText()).toString()));
        }
        if (!j.get("mapper").isNull()) {
            args.addAll(List.of("--mapper", dir.resolve(j.get("mapper").asText()).toString()));
        }
        return args;
    }

    static CliRunner map(String c, Path out, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("nest", "map"));
        args.addAll(inputs(c, true));
        args.addAll(List.of("--out", out.toString()));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"simple_weight_stationary", "simple_output_stationary", "eyeriss_like", "simba_like"})
    void findsAMappingWithEdpAtMostTimeloopsMappers(String c, @TempDir Path tmp) throws IOException {
        CliRunner r = map(c, tmp.resolve("o"), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        NestReferenceTest.Stats timeloop = NestReferenceTest.stats(c);
        CSVRecord s = NestReferenceTest.csv(tmp.resolve("o/summary.csv")).get(0);
        double edp = Double.parseDouble(s.get("edp"));
        double theirs = timeloop.energyPj() * 1e-12 * timeloop.cycles();
        assertTrue(edp <= theirs, c + ": EDP " + edp + " against Timeloop's mapper's " + theirs);
        CSVRecord m = NestReferenceTest.csv(tmp.resolve("o/mapper.csv")).get(0);
        assertEquals(edp, Double.parseDouble(m.get("edp")), 0);

        List<String> model = new ArrayList<>(List.of("nest", "model"));
        model.addAll(inputs(c, true).stream().filter(a -> !a.equals("--mapper") && !a.endsWith("mapper.yaml")).toList());
        model.addAll(List.of("--mapping", tmp.resolve("o/mapping.yaml").toString(), "--out", tmp.resolve("back").toString()));
        CliRunner back = CliRunner.run(model.toArray(String[]::new));
        assertEquals(0, back.exitCode(), back.err());
        assertEquals(Files.readString(tmp.resolve("o/summary.csv")), Files.readString(tmp.resolve("back/summary.csv")));
        assertEquals(Files.readString(tmp.resolve("o/levels.csv")), Files.readString(tmp.resolve("back/levels.csv")));
    }

    @Test
    void theEnergyDelayFrontIsNonDominatedAndEachMappingReadsBack(@TempDir Path tmp) throws IOException {
        CliRunner r = map("eyeriss_like", tmp.resolve("o"), "--objective", "pareto", "--budget", "30000", "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        List<CSVRecord> front = NestReferenceTest.csv(tmp.resolve("o/front.csv"));
        assertTrue(front.size() >= 2, "a trade-off: " + front.size());
        double leastEdp = Double.POSITIVE_INFINITY;
        for (int i = 0; i < front.size(); i++) {
            CSVRecord p = front.get(i);
            if (i > 0) {
                assertTrue(Long.parseLong(p.get("cycles")) > Long.parseLong(front.get(i - 1).get("cycles")));
                assertTrue(Double.parseDouble(p.get("energy_pj")) < Double.parseDouble(front.get(i - 1).get("energy_pj")), "non-dominated");
            }
            leastEdp = Math.min(leastEdp, Double.parseDouble(p.get("edp")));
            List<String> model = new ArrayList<>(List.of("nest", "model"));
            model.addAll(inputs("eyeriss_like", true));
            model.addAll(List.of("--mapping", tmp.resolve("o").resolve(p.get("mapping")).toString(), "--out", tmp.resolve("b" + i).toString()));
            CliRunner back = CliRunner.run(model.toArray(String[]::new));
            assertEquals(0, back.exitCode(), back.err());
            CSVRecord b = NestReferenceTest.csv(tmp.resolve("b" + i + "/summary.csv")).get(0);
            assertEquals(p.get("cycles"), b.get("cycles"));
            assertEquals(Double.parseDouble(p.get("energy_pj")), Double.parseDouble(b.get("energy_pj")), 0);
        }
        assertEquals(leastEdp, Double.parseDouble(NestReferenceTest.csv(tmp.resolve("o/summary.csv")).get(0).get("edp")), 0,
                "mapping.yaml is the front's least-EDP member");
    }

    static final String T03 = "t03-conv1d+oc-3level-no-bypass";
    static final String T04 = "t04-conv1d+oc+ic-3levelspatial-kp";

    static CliRunner constrained(String c, Path tmp, String constraints) throws IOException {
        Path f = tmp.resolve("bad.constraints.yaml");
        Files.writeString(f, "constraints:\n  targets:\n" + constraints);
        List<String> args = new ArrayList<>(List.of("nest", "map"));
        args.addAll(inputs(c, false));
        args.addAll(List.of("--constraints", f.toString(), "--out", tmp.resolve("o").toString(), "--budget", "50"));
        return CliRunner.run(args.toArray(String[]::new));
    }

    static void bad(CliRunner r, Path tmp, String... fragments) {
        NestCommandTest.bad(r, tmp.resolve("o"), fragments);
    }

    @Test
    void aFactorThatDoesNotDivideTheBound(@TempDir Path tmp) throws IOException {
        bad(constrained(T03, tmp, "  - {target: GlobalBuffer, type: temporal, factors: K=5}\n"), tmp, "bad.constraints.yaml", "K=5 at GlobalBuffer",
                "does not divide");
    }

    @Test
    void spatialFactorsBeyondTheMesh(@TempDir Path tmp) throws IOException {
        bad(constrained(T04, tmp, "  - {target: PE, type: spatial, factors: K=32}\n"), tmp, "bad.constraints.yaml", "mesh of PE", "32");
    }

    @Test
    void keepAndBypassOfOneDataSpace(@TempDir Path tmp) throws IOException {
        bad(constrained(T03, tmp, "  - {target: GlobalBuffer, type: dataspace, keep: [Weights]}\n"
                + "  - {target: GlobalBuffer, type: bypass, bypass: [Weights]}\n"), tmp, "bad.constraints.yaml", "Weights", "both");
    }

    @Test
    void aTargetTheArchitectureLacks(@TempDir Path tmp) throws IOException {
        bad(constrained(T03, tmp, "  - {target: GlobalBufer, type: temporal, factors: K=1}\n"), tmp, "bad.constraints.yaml", "'GlobalBufer'",
                "GlobalBuffer");
    }

    @Test
    void bypassAtTheOutermostLevel(@TempDir Path tmp) throws IOException {
        bad(constrained(T03, tmp, "  - {target: MainMemory, type: bypass, bypass: [Inputs]}\n"), tmp, "bad.constraints.yaml", "outermost",
                "bypass of Inputs");
    }

    @Test
    void tilesThatCannotFitEvenAtTheirSmallest(@TempDir Path tmp) throws IOException {
        bad(constrained(T03, tmp, "  - {target: RegisterFile, type: temporal, factors: K=32 P=16 R=3}\n"
                + "  - {target: RegisterFile, type: dataspace, keep: [Weights, Inputs, Outputs]}\n"), tmp, "bad.constraints.yaml",
                "RegisterFile", "smallest such tiles");
    }

    @Test
    void aFactorGivenTwiceForOneLevel(@TempDir Path tmp) throws IOException {
        bad(constrained(T03, tmp, "  - {target: GlobalBuffer, type: temporal, factors: K=4}\n"
                + "  - {target: GlobalBuffer, type: temporal, factors: K=8}\n"), tmp, "bad.constraints.yaml", "a second one");
    }

    @Test
    void aSplitOnTemporalLoops(@TempDir Path tmp) throws IOException {
        bad(constrained(T03, tmp, "  - {target: GlobalBuffer, type: temporal, split: 1}\n"), tmp, "bad.constraints.yaml", "split");
    }

    @Test
    void anUnknownObjective(@TempDir Path tmp) throws IOException {
        List<String> args = new ArrayList<>(List.of("nest", "map"));
        args.addAll(inputs(T03, false));
        args.addAll(List.of("--objective", "latency", "--out", tmp.resolve("o").toString()));
        bad(CliRunner.run(args.toArray(String[]::new)), tmp, "--objective", "latency");
    }

    @Test
    void exhaustiveSearchOfTheTutorialMapspaceIsComplete(@TempDir Path tmp) throws IOException {
        List<String> args = new ArrayList<>(List.of("nest", "map"));
        args.addAll(inputs(T03, true));
        args.addAll(List.of("--algorithm", "exhaustive", "--budget", "10000000", "--out", tmp.resolve("x").toString()));
        CliRunner x = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, x.exitCode(), x.err());
        CSVRecord m = NestReferenceTest.csv(tmp.resolve("x/mapper.csv")).get(0);
        assertEquals("true", m.get("complete"));
        args = new ArrayList<>(List.of("nest", "map"));
        args.addAll(inputs(T03, true));
        args.addAll(List.of("--algorithm", "genetic", "--out", tmp.resolve("g").toString()));
        CliRunner g = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, g.exitCode(), g.err());
        CSVRecord gm = NestReferenceTest.csv(tmp.resolve("g/mapper.csv")).get(0);
        assertEquals(Double.parseDouble(m.get("edp")), Double.parseDouble(gm.get("edp")), 1e-9 * Double.parseDouble(m.get("edp")),
                "the genetic mapper reaches the exhaustive optimum of the tutorial's space");
    }
}
