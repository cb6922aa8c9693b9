package io.quantarch.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sparse-attention study README's two result tables state what its commands write: every number of every row,
 * to the precision the README prints, equals the study's {@code points.csv} on the README's 8 windows (regression
 * pins of our own outputs: a README claim that drifts from its CSV fails here).
 */
class AttentionReadmeTest {

    static final Path README = Path.of("..", "examples", "sparse-attention", "README.md");
    static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    static Map<String, CSVRecord> run(String command, Path out) throws Exception {
        CliRunner r = CliRunner.run(command, "--windows", "8", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        Map<String, CSVRecord> rows = new HashMap<>();
        try (Reader in = Files.newBufferedReader(out.resolve("points.csv"))) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                rows.put(rec.get("setting"), rec);
            }
        }
        return rows;
    }

    /** The table whose header starts with {@code header}: each row's label and cells. */
    static List<String[]> table(String header) throws Exception {
        String readme = Files.readString(README);
        int at = readme.indexOf(header);
        assertTrue(at >= 0, "README table " + header);
        String t = readme.substring(at, readme.indexOf("\n\n", at));
        return t.lines().skip(2).map(l -> l.substring(1, l.length() - 1).split("\\|")).toList();
    }

    /** The README's number equals the CSV's at the README's printed precision. */
    static void same(String where, String cell, double csv) {
        Matcher m = NUMBER.matcher(cell);
        assertTrue(m.find(), where + ": no number in '" + cell + "'");
        String shown = m.group();
        int decimals = shown.contains(".") ? shown.length() - shown.indexOf('.') - 1 : 0;
        assertEquals(Double.parseDouble(shown), csv, 0.5 * Math.pow(10, -decimals) + 1e-9, where + ": README '" + cell.strip() + "' vs CSV " + csv);
    }

    @Test
    void spAttenTableEqualsTheStudysOutput(@TempDir Path tmp) throws Exception {
        Map<String, CSVRecord> csv = run("attention-study", tmp.resolve("a"));
        Map<String, String> label = Map.of("progressive 8 of 12 MSBs (36 % of heads refetch)", "progressive 8/12 MSBs",
                "tokens 0.5, no local window", "tokens 0.5 no window");
        List<String[]> rows = table("| setting | perplexity | decode K/V reads | decode speed-up |");
        assertEquals(8, rows.size());
        for (String[] c : rows) {
            String name = label.getOrDefault(c[0].strip(), c[0].strip());
            CSVRecord r = csv.get(name);
            assertTrue(r != null, "no study row '" + name + "'");
            same(name + " perplexity", c[1], Double.parseDouble(r.get("perplexity")));
            same(name + " K/V reads", c[2], Double.parseDouble(r.get("decode_dram_reduction")));
            same(name + " speed-up", c[3], Double.parseDouble(r.get("decode_speedup")));
        }
    }

    @Test
    void blockSparseTableEqualsTheStudysOutput(@TempDir Path tmp) throws Exception {
        Map<String, CSVRecord> csv = run("block-sparse-study", tmp.resolve("b"));
        Map<String, String> label = Map.of("dense, INT8 Q/K/V and P", "density 1.0 int8", "dense, INT8 Q/K/V, INT4 P", "density 1.0 int8/P int4",
                "density 0.5, INT8 Q/K/V, INT4 P", "density 0.5 int8/P int4", "density 0.3, INT8 Q/K/V and P", "density 0.3 int8",
                "dense, INT4 Q/K, INT4 P, INT8 V", "density 1.0 int4 QK");
        List<String[]> rows = table("| setting | calibration mass kept | perplexity | prefill K/V reads | prefill speed-up |");
        assertEquals(9, rows.size());
        for (String[] c : rows) {
            String name = label.getOrDefault(c[0].strip(), c[0].strip());
            CSVRecord r = csv.get(name);
            assertTrue(r != null, "no study row '" + name + "'");
            same(name + " mass", c[1], Double.parseDouble(r.get("calibration_mass_retained")));
            same(name + " perplexity", c[2], Double.parseDouble(r.get("perplexity")));
            same(name + " K/V reads", c[3], Double.parseDouble(r.get("prefill_dram_reduction")));
            same(name + " speed-up", c[4], Double.parseDouble(r.get("prefill_speedup")));
        }
    }
}
