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

/** {@code quantarch attention-study} on one window: every setting written, the baseline is itself, pruning reads less. */
class AttentionStudyTest {

    @Test
    void oneWindowStudyWritesEverySettingAndItsPlot(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("a");
        CliRunner r = CliRunner.run("attention-study", "--windows", "1", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(out.resolve("points.csv"))) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        assertEquals(20, rows.size());
        assertEquals(1.0, Double.parseDouble(rows.get(0).get("decode_dram_reduction")), 0.0);
        double previous = 1;
        for (CSVRecord row : rows) {
            if (row.get("series").equals("token pruning (fp32)")) {
                double red = Double.parseDouble(row.get("decode_dram_reduction"));
                assertTrue(red > previous, "lower keep ratio, fewer K/V reads: " + row.get("setting"));
                previous = red;
            }
        }
        // 12-bit dense K/V: 12 bits per element plus one FP16 scale per token and head of 8 elements, 14 of fp32's 32 bits
        assertEquals(32.0 / (12 + 16.0 / 8), Double.parseDouble(rows.get(1).get("decode_dram_reduction")), 1e-5, "12-bit K/V with scales");
        assertTrue(Files.size(out.resolve("plots/perplexity_vs_dram.png")) > 1000);
        assertTrue(Files.readString(out.resolve("plots/perplexity_vs_dram.svg")).contains("<svg"));
    }

    @Test
    void badWindowCountExitsTwo(@TempDir Path tmp) {
        CliRunner r = CliRunner.run("attention-study", "--windows", "5000", "--out", tmp.resolve("x").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--windows") && r.err().contains("5000"), r.err());
        assertFalse(Files.exists(tmp.resolve("x")));
    }
}
