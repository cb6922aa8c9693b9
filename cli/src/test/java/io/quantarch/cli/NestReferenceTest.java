package io.quantarch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every public Timeloop/Accelergy reference case (test resources {@code timeloop/}, see its PROVENANCE) through
 * {@code quantarch nest model}: with the case's ERT and ART, computes, cycles and per level and data space the reads,
 * fills, updates, temporal reductions, utilized capacity and instances equal Timeloop's; utilization within 0.001;
 * energy per level and data space and in total within 1%; area within 1%. Without the tables (quantarch's own cost
 * models) each storage level's energy per access is within 1.3x of Accelergy's and the total within 1.25x, except
 * where the arithmetic dominates (t00, see {@link #ownModel}).
 */
class NestReferenceTest {

    static final Path CASES = Path.of("src/test/resources/timeloop/cases");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(CASES)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    /** Timeloop's statistics: per (level, data space) counts and energy; totals. */
    record Stats(Map<String, double[]> rows, long computes, long cycles, double utilization, double energyPj, double areaUm2) { }

    static Stats parse(Path stats) throws IOException {
        String t = Files.readString(stats);
        Map<String, double[]> rows = new HashMap<>();
        double area = 0;
        String[] blocks = t.split("\nLevel \\d+\n-+\n");
        for (int i = 1; i < blocks.length; i++) {
            Matcher m = Pattern.compile("=== (\\S+) ===").matcher(blocks[i]);
            if (!m.find()) {
                continue;
            }
            String level = m.group(1);
            Matcher inst = Pattern.compile("Instances\\s*: (\\d+)").matcher(blocks[i]);
            long instances = inst.find() ? Long.parseLong(inst.group(1)) : 1;
            Matcher a = Pattern.compile("\n\\s+Area\\s*: ([0-9.]+) um\\^2").matcher(blocks[i]);
            Matcher at = Pattern.compile("Area \\(total\\)\\s*: ([0-9.]+) um\\^2").matcher(blocks[i]);
            area += at.find() ? Double.parseDouble(at.group(1)) : a.find() ? Double.parseDouble(a.group(1)) * instances : 0;
            for (String ds : List.of("Weights", "Inputs", "Outputs")) {
                Matcher d = Pattern.compile("\n    " + ds + ":\n(.*?)(?=\n    [A-Z][a-z]+:\n|\\z)", Pattern.DOTALL).matcher(blocks[i]);
                if (d.find()) {
                    String b = d.group(1);
                    rows.put(level + "/" + ds, new double[] {num(b, "Utilized capacity"), num(b, "Utilized instances \\(max\\)"),
                            num(b, "Scalar reads \\(per-instance\\)"), num(b, "Scalar fills \\(per-instance\\)"),
                            num(b, "Scalar updates \\(per-instance\\)"), num(b, "Temporal reductions \\(per-instance\\)"), num(b, "Energy \\(total\\)")});
                }
            }
        }
        long computes = (long) num(t, "Computes =");
        double perCompute = num(t.substring(t.lastIndexOf("fJ/Compute")), "Total\\s*=");
        return new Stats(rows, computes, (long) num(t, "\nCycles:"), num(t, "\nUtilization:") / 100, perCompute * computes / 1000, area);
    }

    static double num(String text, String key) {
        Matcher m = Pattern.compile(key + "\\s*:?\\s*([0-9.]+)").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    static CliRunner run(String c, Path out, boolean withTables) throws IOException {
        JsonNode j = new ObjectMapper().readTree(CASES.resolve(c).resolve("case.json").toFile());
        List<String> args = new ArrayList<>(List.of("nest", "model"));
        for (JsonNode a : j.get("arch")) {
            args.add("--arch");
            args.add(CASES.resolve(c).resolve(a.asText()).toString());
        }
        args.addAll(List.of("--problem", CASES.resolve(c).resolve(j.get("problem").asText()).toString(), "--mapping",
                CASES.resolve(c).resolve(j.get("mapping").asText()).toString(), "--out", out.toString()));
        if (withTables) {
            args.addAll(List.of("--ert", CASES.resolve(c).resolve(j.get("ert").asText()).toString(), "--art",
                    CASES.resolve(c).resolve(j.get("art").asText()).toString()));
        }
        return CliRunner.run(args.toArray(String[]::new));
    }

    static List<CSVRecord> csv(Path f) throws IOException {
        try (Reader r = Files.newBufferedReader(f)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    static Stats stats(String c) throws IOException {
        JsonNode j = new ObjectMapper().readTree(CASES.resolve(c).resolve("case.json").toFile());
        return parse(CASES.resolve(c).resolve(j.get("stats").asText()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void withAccelergysTablesEveryCountEqualsTimeloops(String c, @TempDir Path tmp) throws IOException {
        CliRunner r = run(c, tmp.resolve("o"), true);
        assertEquals(0, r.exitCode(), r.err());
        Stats ref = stats(c);
        List<CSVRecord> levels = csv(tmp.resolve("o/levels.csv"));
        assertEquals(ref.rows().size(), levels.size(), "one row per kept data space");
        for (CSVRecord l : levels) {
            double[] e = ref.rows().get(l.get("level") + "/" + l.get("dataspace"));
            String what = c + " " + l.get("level") + "/" + l.get("dataspace");
            assertTrue(e != null, what + " not in Timeloop's statistics");
            String[] cols = {"utilized_capacity", "utilized_instances", "reads", "fills", "updates", "temporal_reductions"};
            for (int i = 0; i < cols.length; i++) {
                assertEquals(e[i], Double.parseDouble(l.get(cols[i])), 0, what + " " + cols[i]);
            }
            assertEquals(e[6], Double.parseDouble(l.get("energy_pj")), Math.max(0.01 * e[6], 0.02), what + " energy");
        }
        CSVRecord s = csv(tmp.resolve("o/summary.csv")).get(0);
        assertEquals(ref.computes(), Long.parseLong(s.get("computes")));
        assertEquals(ref.cycles(), Long.parseLong(s.get("cycles")));
        assertEquals(ref.utilization(), Double.parseDouble(s.get("utilization")), 0.001);
        assertEquals(ref.energyPj(), Double.parseDouble(s.get("energy_pj")), 0.01 * ref.energyPj());
        assertEquals(ref.areaUm2(), Double.parseDouble(s.get("area_um2")), 0.01 * ref.areaUm2());
    }

    /**
     * quantarch's own models (CACTI SRAM, Aladdin register files, the DRAM table, the horowitz45 MAC) against Accelergy's
     * tables, storage level by storage level: energy per access (access-weighted over the level's data spaces) within
     * 1.3x; the total within 1.25x. The exception is t00, a register file feeding one MAC: there the arithmetic is 35% of
     * Accelergy's total and Accelergy's Aladdin 8-bit MAC (0.845 pJ at 40 nm) is 3x quantarch's (a Horowitz 8x8 multiply
     * and 8-bit add, 0.21 pJ; Bit Fusion's synthesized 8x8 PE is 0.30 pJ at 45 nm), so the total is 0.75x.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ownModel(String c, @TempDir Path tmp) throws IOException {
        CliRunner r = run(c, tmp.resolve("o"), false);
        assertEquals(0, r.exitCode(), r.err());
        Stats ref = stats(c);
        Map<String, double[]> perLevel = new HashMap<>();                   // ours: energy, accesses; theirs: energy, accesses
        for (CSVRecord l : csv(tmp.resolve("o/levels.csv"))) {
            double[] e = ref.rows().get(l.get("level") + "/" + l.get("dataspace"));
            double[] a = perLevel.computeIfAbsent(l.get("level"), k -> new double[4]);
            long used = Long.parseLong(l.get("utilized_instances"));
            a[0] += Double.parseDouble(l.get("energy_pj"));
            a[1] += used * (Double.parseDouble(l.get("reads")) + Double.parseDouble(l.get("fills")) + Double.parseDouble(l.get("updates")));
            a[2] += e[6];
            a[3] += e[1] * (e[2] + e[3] + e[4]);
        }
        for (Map.Entry<String, double[]> e : perLevel.entrySet()) {
            double[] a = e.getValue();
            double ratio = (a[0] / a[1]) / (a[2] / a[3]);
            assertTrue(ratio > 1 / 1.3 && ratio < 1.3, c + " " + e.getKey() + ": energy per access ratio " + ratio);
        }
        double total = Double.parseDouble(csv(tmp.resolve("o/summary.csv")).get(0).get("energy_pj")) / ref.energyPj();
        if (c.startsWith("t00")) {
            assertEquals(0.732, total, 0.01, "the arithmetic-dominated case, explained above");
        } else {
            assertTrue(total > 1 / 1.25 && total < 1.25, c + ": total energy ratio " + total);
        }
    }
}
