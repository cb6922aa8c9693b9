package io.quantarch.reports.explore;

import io.quantarch.search.eval.Evaluation;
import io.quantarch.search.eval.LocalEvaluator;
import io.quantarch.search.space.Design;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.metric.Metrics;
import io.quantarch.search.run.SmallSpaces;
import io.quantarch.search.algorithm.ExhaustiveSearch;
import io.quantarch.search.algorithm.ParetoDp;
import io.quantarch.simulator.fpga.DataflowSimulator;
import io.quantarch.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FPGA dataflow design spaces: fpga.* genes, LUT/throughput metrics, device fit as feasibility. */
class FpgaSpaceTest {

    static String space(String genes, String objectives, String search) {
        return "version: 1\nname: mnist-fpga-small\nworkload: zoo:mnist_cnn\nquality: {synthetic: {seed: 3, rows: 8}}\n"
                + "architecture:\n  base: {version: 1, type: fpga-dataflow, device: zcu104, target_cycles: 4000}\n  genes:\n" + genes
                + "quantization:\n  default: {weights: int8_sym_channel, inputs: int8_sym_tensor}\n  genes:\n"
                + "    - layers: \"*\"\n      weights: [int4_sym_channel, int8_sym_channel, e2m1_channel]\n"
                + "    - layers: \"*\"\n      inputs: [int4_sym_tensor, int8_sym_tensor, e2m1_tensor]\n"
                + "objectives: " + objectives + "\nsearch: " + search + "\n";
    }

    static final String GENES = "    fpga.pe.conv2: [1, 4, 16]\n    fpga.simd.conv2: [8, 200]\n    fpga.device: [zcu104, pynq-z1]\n";

    /** Every evaluation's resources and throughput are those of the dataflow simulator on the decoded design; not fitting is infeasible. */
    @Test
    void evaluationsAreTheDataflowSimulatorsFiguresAndOverBudgetDesignsAreInfeasible() throws Exception {
        DesignSpace s = SmallSpaces.parse(space(GENES, "{synthetic_output_nsr: min, luts: min, frames_per_s: max}", "{algorithm: exhaustive}"));
        assertEquals(3 * 2 * 2 * 3 * 3, s.size().intValue());
        LocalEvaluator ev = new LocalEvaluator(s, 2);
        ev.prepare(null);
        List<int[]> all = new ArrayList<>();
        for (long i = 0; i < s.size().longValue(); i++) {
            all.add(ExhaustiveSearch.mixedRadix(i, s.radices()));
        }
        int unfit = 0;
        int mixed = 0;
        for (Evaluation e : ev.evaluate(all)) {
            Design d = s.decode(e.choice());
            String why = s.unsupported(d);
            if (why != null) {
                mixed++;
                assertTrue(why.contains("two integers or two minifloats"), why);
                assertTrue(!e.feasible());
                continue;
            }
            io.quantarch.pricing.fpga.PricedDataflow r = io.quantarch.pricing.Pricing.price(DataflowSimulator.run(d.fpga(), s.workload(), d.policy()));
            assertEquals(r.resources().luts(), e.metric(Metrics.LUTS), 0.0);
            assertEquals(r.framesPerSecond(), e.metric(Metrics.FRAMES_PER_S), 0.0);
            assertEquals(r.fits(), e.feasible(), d.fpga().device().name());
            if (!r.fits()) {
                unfit++;
                assertTrue(e.infeasible().startsWith("does not fit " + d.fpga().device().name() + ": "), e.infeasible());
            }
        }
        assertTrue(unfit > 0, "some designs overflow the small device");
        assertEquals(3 * 2 * 2 * 4, mixed, "int x minifloat pairs have no datapath");
        ev.close();
    }

    /** The exhaustive run's pareto.csv is the brute-force non-dominated set of its feasible evaluations. */
    @Test
    void exhaustiveFrontIsTheNonDominatedFeasibleSet(@TempDir Path tmp) throws Exception {
        DesignSpace s = SmallSpaces.parse(space(GENES, "{synthetic_output_nsr: min, luts: min, frames_per_s: max}", "{algorithm: exhaustive}"));
        Explore.run(s, tmp, 2, null, p -> { }, m -> { });
        List<String> ev = Files.readAllLines(tmp.resolve("evaluations.csv"));
        List<String> h = Arrays.asList(ev.get(0).split(","));
        assertTrue(h.contains("luts") && h.contains("frames_per_s") && !h.contains("energy_pj") && !h.contains("area_mm2"), h.toString());
        int q = h.indexOf("synthetic_output_nsr");
        int l = h.indexOf("luts");
        int f = h.indexOf("frames_per_s");
        int feasible = h.indexOf("feasible");
        List<double[]> pts = new ArrayList<>();
        for (String row : ev.subList(1, ev.size())) {
            String[] c = row.split(",", -1);
            if (feasible >= 0 && !c[feasible].equals("true") || c[l].isEmpty()) {
                continue;
            }
            pts.add(new double[] {Double.parseDouble(c[q]), Double.parseDouble(c[l]), -Double.parseDouble(c[f])});
        }
        Set<String> expect = new TreeSet<>();
        for (int i = 0; i < pts.size(); i++) {
            boolean dominated = false;
            for (double[] o : pts) {
                boolean le = true;
                boolean lt = false;
                for (int k = 0; k < 3; k++) {
                    le &= o[k] <= pts.get(i)[k];
                    lt |= o[k] < pts.get(i)[k];
                }
                dominated |= le && lt;
            }
            if (!dominated) {
                expect.add(pts.get(i)[0] + "|" + pts.get(i)[1] + "|" + -pts.get(i)[2]);
            }
        }
        List<String> front = Files.readAllLines(tmp.resolve("pareto.csv"));
        List<String> ph = Arrays.asList(front.get(0).split(","));
        Set<String> got = new TreeSet<>();
        for (String r : front.subList(1, front.size())) {
            String[] c = r.split(",", -1);
            got.add(Double.parseDouble(c[ph.indexOf("synthetic_output_nsr")]) + "|" + Double.parseDouble(c[ph.indexOf("luts")]) + "|"
                    + Double.parseDouble(c[ph.indexOf("frames_per_s")]));
        }
        assertTrue(got.size() >= 3 && got.size() == front.size() - 1, "a trade-off exists: " + got);
        assertEquals(expect, got);
    }

    @Test
    void badFpgaSpacesAreRejectedAtParseTime() {
        String[][] cases = {
                {space(GENES, "{synthetic_output_nsr: min, energy_pj: min}", "{algorithm: nsga2}"), "energy_pj"},
                {space("    fpga.pe.conv1: [1, 3]\n", "{synthetic_output_nsr: min, luts: min}", "{algorithm: nsga2}"), "a divisor of MH = 8 of conv1"},
                {space("    fpga.pe.pool1: [1]\n", "{synthetic_output_nsr: min, luts: min}", "{algorithm: nsga2}"), "pool1"},
                {space("    array: [16x16]\n", "{synthetic_output_nsr: min, luts: min}", "{algorithm: nsga2}"), "array"}};
        for (String[] c : cases) {
            ConfigException e = assertThrows(ConfigException.class, () -> SmallSpaces.parse(c[0]), c[1]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
        }
        assertNotNull(ParetoDp.unsuitable(assertDoesNotThrowParse(space(GENES, "{synthetic_output_nsr: min, luts: min}", "{algorithm: nsga2}"))));
    }

    private static DesignSpace assertDoesNotThrowParse(String yaml) {
        try {
            return SmallSpaces.parse(yaml);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
