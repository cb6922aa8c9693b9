package io.quantarch.reports.explore;

import io.quantarch.search.eval.Evaluation;
import io.quantarch.search.eval.LocalEvaluator;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.metric.Metrics;
import io.quantarch.search.run.SmallSpaces;
import io.quantarch.search.run.Exploration;
import io.quantarch.search.run.FrontPoint;
import io.quantarch.search.run.KendallTau;
import io.quantarch.search.run.SearchRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplorerTest {

    static final String OBJ2 = "{synthetic_output_nsr: min, energy_pj: min}";
    static final String OBJ3 = "{synthetic_output_nsr: min, energy_pj: min, area_mm2: min}";

    static DesignSpace space(String objectives, String a, int pop, int gens, long seed) throws Exception {
        return SmallSpaces.parse(SmallSpaces.resnet18(objectives,
                "{algorithm: " + a + ", population: " + pop + ", generations: " + gens + ", seed: " + seed + "}"));
    }

    static Exploration.Result explore(DesignSpace s, Path dir, int threads) throws Exception {
        return Explore.run(s, dir, threads, null, p -> { }, m -> { });
    }

    /** The DP's front is exactly the non-dominated set of an exhaustive enumeration: same designs, same values bit for bit. */
    @Test
    void dpFrontEqualsExhaustiveFront(@TempDir Path tmp) throws Exception {
        for (String obj : List.of(OBJ2, OBJ3)) {
            DesignSpace ex = space(obj, "exhaustive", 16, 0, 1);
            assertEquals(512, ex.size().intValue());
            Path a = tmp.resolve("ex" + obj.length());
            Path b = tmp.resolve("dp" + obj.length());
            Exploration.Result o1 = explore(ex, a, 2);
            Exploration.Result o2 = explore(space(obj, "dp", 16, 0, 1), b, 2);
            assertEquals(512, o1.evaluations());
            assertTrue(o1.front().size() >= 5, "a trade-off exists: " + o1.front().size());
            assertEquals(rows(a.resolve("pareto.csv")), rows(b.resolve("pareto.csv")));
        }
    }

    /** pareto.csv rows without the evaluation index and generation (which differ between algorithms), as a set. */
    static Set<String> rows(Path csv) throws Exception {
        Set<String> out = new TreeSet<>();
        List<String> lines = Files.readAllLines(csv);
        for (String l : lines.subList(1, lines.size())) {
            out.add(l.substring(l.indexOf(',', l.indexOf(',') + 1) + 1));
        }
        return out;
    }

    /** The archive is exactly the non-dominated subset of everything evaluated (brute force over evaluations.csv). */
    @Test
    void paretoCsvIsTheNonDominatedSetOfEvaluationsCsv(@TempDir Path tmp) throws Exception {
        DesignSpace s = space(OBJ2, "nsga2", 12, 6, 5);
        explore(s, tmp, 2);
        List<String> ev = Files.readAllLines(tmp.resolve("evaluations.csv"));
        List<String> h = Arrays.asList(ev.get(0).split(","));
        int q = h.indexOf("synthetic_output_nsr");
        int e = h.indexOf("energy_pj");
        List<double[]> pts = new ArrayList<>();
        for (String l : ev.subList(1, ev.size())) {
            String[] c = l.split(",", -1);
            pts.add(new double[] {Double.parseDouble(c[q]), Double.parseDouble(c[e])});
        }
        assertEquals(12 * 7, pts.size());
        Set<String> expected = new TreeSet<>();
        for (double[] p : pts) {
            boolean dominated = pts.stream().anyMatch(o -> o[0] <= p[0] && o[1] <= p[1] && (o[0] < p[0] || o[1] < p[1]));
            if (!dominated) {
                expected.add(p[0] + "|" + p[1]);
            }
        }
        Set<String> got = new TreeSet<>();
        List<String> par = Files.readAllLines(tmp.resolve("pareto.csv"));
        List<String> ph = Arrays.asList(par.get(0).split(","));
        for (String l : par.subList(1, par.size())) {
            String[] c = l.split(",", -1);
            got.add(Double.parseDouble(c[ph.indexOf("synthetic_output_nsr")]) + "|" + Double.parseDouble(c[ph.indexOf("energy_pj")]));
        }
        assertEquals(expected, got);
        // each front design's components (dynamic + leakage) add up to its energy objective, each with where its price comes from
        java.util.Map<String, Double> byDesign = new java.util.HashMap<>();
        for (String l : Files.readAllLines(tmp.resolve("front_components.csv")).subList(1, Files.readAllLines(tmp.resolve("front_components.csv")).size())) {
            String[] c = l.split(",", 5);
            byDesign.merge(c[0], Double.parseDouble(c[2]) + Double.parseDouble(c[3]), Double::sum);
            String source = c[4].replace("\"", "");                       // quoted when it holds a comma
            assertTrue(source.startsWith("cost table") || source.startsWith("sram model") || source.startsWith("dram "), source);
        }
        for (String l : par.subList(1, par.size())) {
            String[] c = l.split(",", -1);
            double energy = Double.parseDouble(c[ph.indexOf("energy_pj")]);
            assertEquals(energy, byDesign.get(c[0]), 1e-6 * energy, "design " + c[0]);
        }
    }

    @Test
    void sameSeedSameResultWhateverTheThreadCount(@TempDir Path tmp) throws Exception {
        DesignSpace s = space(OBJ3, "nsga2", 16, 8, 42);
        explore(s, tmp.resolve("t1"), 1);
        explore(s, tmp.resolve("t4"), 4);
        for (String f : List.of("pareto.csv", "evaluations.csv", "generations.csv")) {
            assertEquals(Files.readString(tmp.resolve("t1").resolve(f)), Files.readString(tmp.resolve("t4").resolve(f)), f);
        }
        explore(space(OBJ3, "nsga2", 16, 8, 43), tmp.resolve("other"), 2);
        assertFalse(Files.readString(tmp.resolve("t1/evaluations.csv")).equals(Files.readString(tmp.resolve("other/evaluations.csv"))),
                "another seed searches differently");
    }

    /**
     * A run that dies after generation 3's checkpoint, with half a row of generation 4 already in evaluations.csv,
     * resumes and ends byte-identical to an uninterrupted run: no evaluation lost or written twice.
     */
    @Test
    void killedRunResumesToTheSameResult(@TempDir Path tmp) throws Exception {
        for (String a : List.of("nsga2", "random")) {
            DesignSpace s = space(OBJ3, a, 16, 8, 7);
            Path full = tmp.resolve(a + "-full");
            Path killed = tmp.resolve(a + "-killed");
            explore(s, full, 2);
            try (LocalEvaluator ev = new LocalEvaluator(s, 2)) {
                ev.prepare(null);
                SearchRun dying = new SearchRun(s, ev, ev, killed, new CsvRunLog(killed, s), p -> {
                    if (p.generation() == 3) {
                        throw new IllegalStateException("killed");
                    }
                });
                assertThrows(IllegalStateException.class, dying::run);
            }
            Files.writeString(killed.resolve("evaluations.csv"), "999,4,32x32,int8_sym", StandardOpenOption.APPEND);
            Files.writeString(killed.resolve("generations.csv"), "4,80,", StandardOpenOption.APPEND);
            explore(s, killed, 3);
            for (String f : List.of("pareto.csv", "evaluations.csv", "generations.csv")) {
                assertEquals(Files.readString(full.resolve(f)), Files.readString(killed.resolve(f)), a + " " + f);
            }
        }
    }

    @Test
    void resumingWithAnotherSeedIsRefused(@TempDir Path tmp) throws Exception {
        explore(space(OBJ2, "nsga2", 8, 1, 1), tmp, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> explore(space(OBJ2, "nsga2", 8, 1, 2), tmp, 1));
        assertTrue(e.getMessage().contains("different space, algorithm or seed"), e.getMessage());
    }

    /** Formats the PE cannot run are repaired to ones it can; designs no option fixes are infeasible, never on the front. */
    @Test
    void unsupportedFormatsAreRepairedOrMarkedInfeasible(@TempDir Path tmp) throws Exception {
        String yaml = """
                version: 1
                workload: zoo:resnet18
                quality: {synthetic: {rows: 4}}
                architecture:
                  genes:
                    pe: [int-mac, {type: mx-dot, lanes: 32}]
                quantization:
                  default: {weights: int8_sym_channel, inputs: int8_sym_tensor}
                  genes:
                    - {layers: "layer4.*", weights: [int8_sym_channel, int4_sym_channel, mxfp4, mxint8]}
                    - {layers: "*", inputs: [int8_sym_tensor, mxint8]}
                objectives: {synthetic_output_nsr: min, energy_pj: min}
                search: {population: 8, generations: 3, seed: 1}
                """;
        DesignSpace s = SmallSpaces.parse(yaml);
        // mx-dot with int8 everywhere: the inputs gene moves to mxint8, layer4 to an MX format
        int[] bad = {1, 0, 0};
        int[] fixed = s.repair(bad);
        assertEquals(1, fixed[2], "inputs: mxint8");
        assertTrue(fixed[1] == 2 || fixed[1] == 3, "layer4 weights: an MX format, got " + Arrays.toString(fixed));
        String why = s.unsupported(s.decode(fixed));
        assertTrue(why != null && !why.startsWith("layer4"), "only default-decided layers remain unsupported: " + why);
        int[] intMac = s.repair(new int[] {0, 2, 1});
        assertNull(s.unsupported(s.decode(intMac)), Arrays.toString(intMac));
        assertEquals(0, intMac[2], "int-mac: inputs back to int8");
        // the default (int8 weights outside layer4) cannot run on mx-dot whatever the genes say: infeasible
        try (LocalEvaluator ev = new LocalEvaluator(s, 1)) {
            ev.prepare(null);
            Evaluation e = ev.evaluate(List.of(fixed)).get(0);
            assertFalse(e.feasible());
            assertTrue(e.infeasible().contains("mx-dot"), e.infeasible());
            assertTrue(Double.isNaN(e.metric(Metrics.ENERGY_PJ)));
        }
        Exploration.Result o = explore(s, tmp, 2);
        assertFalse(o.front().isEmpty());
        for (FrontPoint p : o.front()) {
            assertEquals(0, p.choice()[0], "only int-mac designs are feasible");
        }
    }

    @Test
    void kendallTauB() {
        assertEquals(1.0, KendallTau.tauB(new double[] {1, 2, 3, 4}, new double[] {10, 20, 30, 40}), 0);
        assertEquals(-1.0, KendallTau.tauB(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1}), 0);
        // with ties in both lists; the value scipy.stats.kendalltau (tau-b) gives for these lists
        assertEquals(-0.47140452079103173, KendallTau.tauB(new double[] {12, 2, 1, 12, 2}, new double[] {1, 4, 7, 1, 0}), 1e-15);
        assertTrue(Double.isNaN(KendallTau.tauB(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
    }
}
