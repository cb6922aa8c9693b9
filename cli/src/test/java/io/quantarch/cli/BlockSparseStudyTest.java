package io.quantarch.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quantarch block-sparse-study} on one window: every setting, the baseline is itself, sparser reads less, INT8 reads a quarter. */
class BlockSparseStudyTest {

    @Test
    void oneWindowStudyWritesEverySettingAndItsPlot(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("b");
        CliRunner r = CliRunner.run("block-sparse-study", "--windows", "1", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(out.resolve("points.csv"))) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        assertEquals(16, rows.size());
        assertEquals(1.0, Double.parseDouble(rows.get(0).get("prefill_dram_reduction")), 0.0);
        double previous = 1;
        double previousMass = 1;
        for (CSVRecord row : rows) {
            if (row.get("series").equals("block-sparse fp32")) {
                double red = Double.parseDouble(row.get("prefill_dram_reduction"));
                double mass = Double.parseDouble(row.get("calibration_mass_retained"));
                assertTrue(red > previous && mass < previousMass, "lower density, fewer K/V reads, less mass kept: " + row.get("setting"));
                previous = red;
                previousMass = mass;
            }
            if (row.get("setting").equals("density 1.0 int8")) {
                // INT8 K and V move 8 bits per element plus one FP16 scale per token and head (head size 8): 10 of 32 bits
                assertEquals(32.0 / (8 + 16.0 / 8), Double.parseDouble(row.get("prefill_dram_reduction")), 1e-9, "INT8 K and V with scales");
                assertEquals(1.0, Double.parseDouble(row.get("keys_attended_fraction")), 0.0);
            }
        }
        assertTrue(Files.size(out.resolve("plots/perplexity_vs_dram.png")) > 1000);
        assertTrue(Files.readString(out.resolve("plots/perplexity_vs_dram.svg")).contains("<svg"));
    }

    @Test
    void badWindowCountExitsTwo(@TempDir Path tmp) {
        CliRunner r = CliRunner.run("block-sparse-study", "--windows", "0", "--out", tmp.resolve("x").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--windows") && r.err().contains("0"), r.err());
        assertFalse(Files.exists(tmp.resolve("x")));
    }
}
