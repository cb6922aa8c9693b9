package io.quantarch.cost.memory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SramModelTest {

    static double ratio(double a, double b) {
        return Math.max(a / b, b / a);
    }

    @Test
    void gridPointsAreCactisOwnNumbers() {
        // cacti-sram-grid.csv row "45,131072,64,1,0.0322859,0.026065,0.00334055,0.429589": a 128 KiB 64-bit macro at 45 nm
        CactiSurface.Point p = CactiSurface.GRID.macro(131072, 64, 1, 45);
        assertEquals(32.2859, p.readPj(), 1e-9);
        assertEquals(26.065, p.writePj(), 1e-9);
        assertEquals(429589, p.areaUm2(), 1e-6);
    }

    /** CACTI runs that are not grid points (off-grid capacities, words and nodes): the surface predicts CACTI itself. */
    @Test
    void theSurfacePredictsHeldOutCactiRuns() throws IOException {
        List<Double> readErr = new ArrayList<>();
        List<Double> areaErr = new ArrayList<>();
        try (var in = SramModelTest.class.getResourceAsStream("/cacti/holdout.csv")) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                CactiSurface.Point p = CactiSurface.GRID.macro(Long.parseLong(r.get("capacity_bytes")), Integer.parseInt(r.get("word_bits")),
                        1, Integer.parseInt(r.get("node_nm")));
                readErr.add(ratio(p.readPj(), Double.parseDouble(r.get("read_nj")) * 1e3));
                areaErr.add(ratio(p.areaUm2(), Double.parseDouble(r.get("area_mm2")) * 1e6));
            }
        }
        readErr.sort(null);
        areaErr.sort(null);
        double readMedian = readErr.get(readErr.size() / 2);
        double readMax = readErr.get(readErr.size() - 1);
        double areaMax = areaErr.get(areaErr.size() - 1);
        System.out.printf("held-out CACTI runs: read energy median ratio %.3f, max %.3f; area max %.3f%n", readMedian, readMax, areaMax);
        assertEquals(40, readErr.size());
        assertTrue(readMedian < 1.15, "median " + readMedian);
        assertTrue(readMax < 1.5, "max " + readMax);
        assertTrue(areaMax < 1.5, "area max " + areaMax);
    }

    /**
     * Accelergy's own energy reference tables for the SRAMs of the Timeloop/Accelergy exercise cases (reference/timeloop,
     * ref/*.ERT.yaml), which it computes with this CACTI and configuration: a storage level's energy per access within 1.3x.
     */
    @Test
    void accelergysSramEnergiesWithinTheIssuesFactor() {
        // simple_weight_stationary shared_glb: 16384 x 64 bits at 45 nm (the smartbuffer's SRAM has one bank); ERT read 32.377775,
        // write 26.156875 pJ, each with a 14-bit address adder (Aladdin) of 0.0919 pJ
        CactiSurface.Point glb = CactiSurface.GRID.macro(16384 * 8, 64, 1, 45);
        assertEquals(32.377775, glb.readPj() + 0.0919, 0.01);
        assertEquals(26.156875, glb.writePj() + 0.0919, 0.01);
        // pe_spad: 192 x 16 bits at 45 nm; ERT read 0.680237, write 1.582678 pJ (each with an 8-bit address adder, 0.0525 pJ)
        CactiSurface.Point spad = CactiSurface.GRID.macro(192 * 2, 16, 1, 45);
        assertTrue(ratio(spad.readPj() + 0.0525, 0.680237) < 1.3, "spad read " + spad.readPj());
        assertTrue(ratio(spad.writePj() + 0.0525, 1.582678) < 1.3, "spad write " + spad.writePj());
        // tutorials' GlobalBuffer / MainMemory: 32768 x 64 bits at 40 nm; ERT read 43.353054, write 30.878292 pJ
        CactiSurface.Point gb = CactiSurface.GRID.macro(32768 * 8, 64, 1, 40);
        assertTrue(ratio(gb.readPj(), 43.353054) < 1.3, "40 nm read " + gb.readPj());
        assertTrue(ratio(gb.writePj(), 30.878292) < 1.3, "40 nm write " + gb.writePj());
    }

    @Test
    void banksAndWordsChangeWhatAnAccessPays() {
        PricingNode at45 = new PricingNode(45, null, 1, 1);
        SramCosts mono = new CactiSram().costs(new SramMacro(262144, 256, 1), at45);
        SramCosts banked = new CactiSram().costs(new SramMacro(262144, 64, 4), at45);
        // per bit, four 64 kB banks of 64-bit words beat one 256 kB macro with 256-bit words, at about the same area
        assertTrue(banked.readPjPerBit() < mono.readPjPerBit(), banked + " vs " + mono);
        assertTrue(ratio(banked.areaUm2(), mono.areaUm2()) < 1.3, banked.areaUm2() + " vs " + mono.areaUm2());
        // and a smaller node is cheaper per access
        SramCosts at16 = new CactiSram().costs(new SramMacro(262144, 64, 4), new PricingNode(16, null, 1, 1));
        assertTrue(at16.readPj() < banked.readPj() * 0.5, at16 + " vs " + banked);
    }

    @Test
    void dramTechnologiesAreCitedAndNeverScaled() {
        for (DramTechnology d : DramTechnologies.REGISTRY.all()) {
            assertTrue(d.citation().length() > 40, d.name());
            assertTrue(d.pjPerBit() > 1 && d.pjPerBit() < 100, d.name());
        }
        assertEquals(8.0, DramTechnologies.byName("lpddr4").pjPerBit(), 0);
        assertEquals(3.9, DramTechnologies.byName("hbm2").pjPerBit(), 0);
        assertEquals(256.0, DramTechnologies.byName("hbm2").channelGBs(), 0);
        // JEDEC peak bandwidth = pins x transfers: LPDDR4-4266 x16 = 8.53 GB/s, HBM3 6.4 Gb/s x 1024 = 819.2 GB/s
        for (DramTechnology d : DramTechnologies.REGISTRY.all()) {
            assertEquals(d.channelBits() * d.megaTransfers() / 8 / 1000, d.channelGBs(), 0.01, d.name());
        }
    }

    /** Accelergy's register file (t00..t04: 64 x 8 bits at 40 nm, ERT 0.42564 pJ per access) and 16-bit register (0.144 pJ). */
    @Test
    void registerFilesAndRegistersAsAladdinPricesThem() {
        assertEquals(0.42564, RegisterFile.accessPj(64, 8, 40), 1e-4);
        assertEquals(0.144, RegisterFile.accessPj(1, 16, 40), 1e-4);
        assertTrue(RegisterFile.accessPj(64, 8, 7) < 0.1 * RegisterFile.accessPj(64, 8, 40));
    }
}
