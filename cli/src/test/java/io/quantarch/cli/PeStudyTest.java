package io.quantarch.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reruns the ResNet-18 rows of examples/pe-kinds from its own architecture and policy files. The ratios asserted here
 * are regression pins of quantarch's own outputs (they catch drift, not disagreement with a paper); the papers' numbers
 * and the verdict for each (reproduced, direction only, not reproduced, consistency check) are in the README's first
 * table, and {@link #readmeTableMatchesWhatTheCommandsWrite} holds the README's table to what the commands write.
 */
class PeStudyTest {

    static final Path STUDY = Path.of("..", "examples", "pe-kinds");
    static final Map<String, Map<String, String>> RUNS = new HashMap<>();

    @TempDir
    static Path tmp;

    @BeforeAll
    static void runStudy() throws IOException {
        String[][] runs = {{"int-mac", "w8a8"}, {"bit-fusion", "w8a8"}, {"bit-fusion", "w4a4"}, {"bit-fusion", "w2a2"},
                {"mixpe", "w4g128a8"}, {"mixpe-multiplier", "w4g128a8"}, {"dequant-per-mac", "w4g128a8"}, {"mixpe-iso-area", "w4g128a8"}, {"bit-serial", "w8a8"},
                {"bit-serial", "w8a4"}, {"int-mac-16bit", "w8a8"}, {"stripes-iso-area", "w8a8"}, {"stripes-iso-area", "w8a4"}};
        for (String[] r : runs) {
            Path out = tmp.resolve(r[0] + "-" + r[1]);
            CliRunner c = CliRunner.run("simulate", "--arch", STUDY.resolve("arch-" + r[0] + ".yaml").toString(), "--policy",
                    STUDY.resolve(r[1] + ".yaml").toString(), "--workload", "zoo:resnet18", "--out", out.toString());
            assertEquals(0, c.exitCode(), c.err());
            RUNS.put(r[0] + "/" + r[1], SimulateCommandTest.summary(out));
        }
    }

    static double v(String run, String key) {
        return Double.parseDouble(RUNS.get(run).get(key));
    }

    static double perMac(String run, String key) {
        return v(run, key) / v(run, "macs");
    }

    @Test
    void bitFusionAreaAndEnergyAgainstItsSynthesisTable() {
        double intMacPe = v("int-mac/w8a8", "area_pe_array_mm2") * 1e6 / 1024;
        assertEquals(687.6, intMacPe, 0.03 * 687.6, "fixed 8x8 PE area vs Bit Fusion synthesis");
        double areaRatio = v("bit-fusion/w8a8", "area_pe_array_mm2") / v("int-mac/w8a8", "area_pe_array_mm2");
        assertEquals(3.35, areaRatio, 0.01, "published 2.52x; the README says 33% high");
        double powerRatio = v("bit-fusion/w8a8", "energy_pe_array_pj") / v("int-mac/w8a8", "energy_pe_array_pj");
        // published 2.0x; 2.78 before the PE calibration (issue 18) cut the fixed PE's register energy 13x: the fusible PE's
        // shift-add tree is now the whole excess (PeCalibrationTest in pricing shows it), the README says so
        assertEquals(4.49, powerRatio, 0.01, "published 2.0x; the README says 2.2x high and why");
        double e8 = perMac("bit-fusion/w8a8", "energy_pe_array_pj");
        assertEquals(0.26, perMac("bit-fusion/w4a4", "energy_pe_array_pj") / e8, 0.01);
        assertEquals(0.057, perMac("bit-fusion/w2a2", "energy_pe_array_pj") / e8, 0.002);
        // 3.8 and 11.8 before pipelined folds: the remaining gap to 4 and 16 is each fold-tile's max(T, R) at short streams
        assertEquals(3.70, v("bit-fusion/w8a8", "compute_cycles") / v("bit-fusion/w4a4", "compute_cycles"), 0.05);
        assertEquals(10.5, v("bit-fusion/w8a8", "compute_cycles") / v("bit-fusion/w2a2", "compute_cycles"), 0.1);
    }

    @Test
    void mixPeDequantizesPerGroupAndWinsOnEnergyNotOnCyclesUnlessAtEqualArea() {
        assertEquals(v("dequant-per-mac/w4g128a8", "total_cycles"), v("mixpe/w4g128a8", "total_cycles"));
        // regression pin of our own output (1.64 before the shift-add count fix, 1.61 before issue 18's memory and register
        // recalibration: with SRAM and DRAM cheaper, the per-MAC dequantizers are a larger share of the baseline's energy)
        assertEquals(3.02, v("dequant-per-mac/w4g128a8", "energy_pj") / v("mixpe/w4g128a8", "energy_pj"), 0.01);
        double isoArea = v("mixpe-iso-area/w4g128a8", "area_mm2") / v("dequant-per-mac/w4g128a8", "area_mm2");
        assertTrue(isoArea > 0.98 && isoArea <= 1.0, "iso-area within 2%: " + isoArea);
        // regression pin (3.42 on a 96x96 array before the shift-add fix grew each PE by a fourth shifter and adder; 3.28 before
        // pipelined folds, whose once-per-layer fill and drain favour the larger array's longer streams; the array is now
        // sized for iso-area against the CACTI-priced SRAMs)
        assertEquals(3.77, v("dequant-per-mac/w4g128a8", "total_cycles") / v("mixpe-iso-area/w4g128a8", "total_cycles"), 0.01);
        // one dequantization per 128-weight group instead of one per MAC
        double perGroup = v("mixpe/w4g128a8", "energy_dequant_unit_pj") - v("mixpe/w4g128a8", "energy_leakage_dequant_unit_pj");
        double perMac = v("dequant-per-mac/w4g128a8", "energy_dequant_unit_pj") - v("dequant-per-mac/w4g128a8", "energy_leakage_dequant_unit_pj");
        assertTrue(perMac / perGroup > 40, perMac + " vs " + perGroup);
    }

    /**
     * The ablation of MixPE's shift-add (MixPE, arXiv 2411.16158, claims shift-and-add is the cheaper product for low-bit
     * weights): the same per-group dequantization with a 4x8 integer multiplier. With Horowitz-priced parts the
     * multiplier wins; the README states it as "not reproduced". Regression pins of our own figures.
     */
    @Test
    void mixPesShiftAddAgainstAMultiplierWithTheSameDequantization() {
        assertEquals(v("mixpe/w4g128a8", "total_cycles"), v("mixpe-multiplier/w4g128a8", "total_cycles"));
        assertEquals(v("mixpe/w4g128a8", "energy_dequant_unit_pj"), v("mixpe-multiplier/w4g128a8", "energy_dequant_unit_pj"), 1e-6,
                "the same dequantization work");
        assertEquals(1.89, v("mixpe/w4g128a8", "energy_pe_array_pj") / v("mixpe-multiplier/w4g128a8", "energy_pe_array_pj"), 0.01);
        assertEquals(0.68, v("mixpe-multiplier/w4g128a8", "area_pe_array_mm2") / v("mixpe/w4g128a8", "area_pe_array_mm2"), 0.01);
    }

    /**
     * Stripes (Judd et al., MICRO 2016): 1.92x average speed-up over a bit-parallel 16-bit design at +32 % area. Our
     * tile of 16-lane serial units in 1.32x the 16-bit array's PE area; the README states "not reproduced" with these
     * regression pins of our own figures.
     */
    @Test
    void stripesTileAtPlus32PercentArea() {
        double area = v("stripes-iso-area/w8a8", "area_pe_array_mm2") / v("int-mac-16bit/w8a8", "area_pe_array_mm2");
        assertEquals(1.32, area, 0.01, "the paper's +32 % area");
        assertEquals(0.58, v("int-mac-16bit/w8a8", "total_cycles") / v("stripes-iso-area/w8a8", "total_cycles"), 0.01);
        assertEquals(1.05, v("int-mac-16bit/w8a8", "total_cycles") / v("stripes-iso-area/w8a4", "total_cycles"), 0.01);
        assertTrue(v("stripes-iso-area/w8a8", "total_cycles") / v("stripes-iso-area/w8a4", "total_cycles") > 1.7, "time follows activation bits");
    }

    @Test
    void bitSerialTimeScalesWithActivationBits() {
        // 2.00 with pipelined folds (1.86 when every fold paid its fill and drain)
        assertEquals(2.00, v("bit-serial/w8a8", "compute_cycles") / v("bit-serial/w8a4", "compute_cycles"), 0.01);
        assertEquals(0.148, v("int-mac/w8a8", "total_cycles") / v("bit-serial/w8a8", "total_cycles"), 0.005);
        assertTrue(Files.exists(STUDY.resolve("README.md")));
    }

    /**
     * The README's ResNet-18 table states what the commands write: for every row this test reruns, total cycles equal
     * and energy and area equal to the table's rounding (a README claim that drifts from its CSV fails here).
     */
    @Test
    void readmeTableMatchesWhatTheCommandsWrite() throws IOException {
        String readme = Files.readString(STUDY.resolve("README.md"));
        String table = readme.substring(readme.indexOf("## ResNet-18"));
        table = table.substring(0, table.indexOf("\n\n", table.indexOf("|---")));
        int checked = 0;
        for (String line : table.split("\n")) {
            String[] c = line.split("\\|");
            if (c.length < 12 || c[1].isBlank() || c[1].contains("pe") && c[2].contains("policy") || c[1].startsWith("-")) {
                continue;
            }
            String run = c[1].strip() + "/" + c[2].strip();
            if (!RUNS.containsKey(run)) {
                continue;
            }
            assertEquals(Long.parseLong(c[3].strip()), (long) v(run, "total_cycles"), run + " total_cycles in the README");
            assertEquals(Double.parseDouble(c[5].strip()), v(run, "energy_pj") / 1e6, 0.005 + 1e-9, run + " energy_uj in the README");
            assertEquals(Double.parseDouble(c[11].strip()), v(run, "area_mm2"), 0.0005 + 1e-9, run + " area_mm2 in the README");
            checked++;
        }
        assertEquals(RUNS.size(), checked, "every rerun row is in the README table");
    }
}
