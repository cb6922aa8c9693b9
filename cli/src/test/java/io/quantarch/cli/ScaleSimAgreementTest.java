package io.quantarch.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code quantarch simulate} on SCALE-Sim's own configurations and topologies, against SCALE-Sim v2.0.2's
 * reports (simulator test resources, golden/scalesim): per layer, compute cycles (SCALE-Sim's total minus
 * stalls) equal, stall cycles equal, SRAM reads/writes equal, DRAM ifmap/filter reads equal, DRAM ofmap writes within 31 elements.
 */
class ScaleSimAgreementTest {

    @TempDir
    Path tmp;

    static Path resource(String name, Path dir) throws IOException {
        try (InputStream in = ScaleSimAgreementTest.class.getResourceAsStream("/golden/scalesim/" + name)) {
            Path p = dir.resolve(Path.of(name).getFileName());
            Files.copy(in, p);
            return p;
        }
    }

    static List<CSVRecord> csv(Reader r) throws IOException {
        List<CSVRecord> rows = new ArrayList<>();
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).forEach(rows::add);
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"A_os", "A_ws", "A_is", "D_ws_calc", "D_ws_bw4"})
    void perLayerCountsAgreeWithScaleSimsReports(String caseName) throws IOException {
        Map<String, CSVRecord> ref = new LinkedHashMap<>();
        String topology = null;
        try (Reader r = new InputStreamReader(getClass().getResourceAsStream("/golden/scalesim/results.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord rec : csv(r)) {
                if (rec.get("case").equals(caseName)) {
                    ref.put(rec.get("layer"), rec);
                }
            }
        }
        try (Reader r = new InputStreamReader(getClass().getResourceAsStream("/golden/scalesim/cases/cases.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord rec : csv(r)) {
                if (rec.get("case").equals(caseName)) {
                    topology = rec.get("topology");
                }
            }
        }
        Path cfg = resource("cases/" + caseName + ".cfg", tmp);
        Path topo = resource("cases/" + topology, tmp);
        Path out = tmp.resolve("out");
        CliRunner run = CliRunner.run("simulate", "--arch", cfg.toString(), "--workload", topo.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<CSVRecord> ours;
        try (Reader r = Files.newBufferedReader(out.resolve("layers.csv"))) {
            ours = csv(r);
        }
        assertEquals(ref.size(), ours.size());
        for (CSVRecord o : ours) {
            CSVRecord s = ref.get(o.get("layer"));
            String at = caseName + " " + o.get("layer") + ": ";
            long stalls = Long.parseLong(s.get("stall_cycles"));
            assertEquals(Long.parseLong(s.get("total_cycles")) - stalls, Long.parseLong(o.get("compute_cycles")), at + "compute cycles");
            assertEquals(stalls, Long.parseLong(o.get("stall_cycles")), at + "stall cycles");
            assertEquals(Long.parseLong(s.get("total_cycles")), Long.parseLong(o.get("total_cycles")), at + "total cycles");
            for (String c : List.of("sram_ifmap_reads", "sram_filter_reads", "sram_ofmap_writes")) {
                assertEquals(Long.parseLong(s.get(c)), Long.parseLong(o.get(c)), at + c);
            }
            // what the README states: DRAM ifmap and filter reads equal; ofmap writes within 31 elements (SCALE-Sim
            // counts a partly filled drain line as full)
            for (String c : List.of("dram_ifmap_reads", "dram_filter_reads")) {
                assertEquals(Double.parseDouble(s.get(c)), Double.parseDouble(o.get(c)), 0.0, at + c);
            }
            double want = Double.parseDouble(s.get("dram_ofmap_writes"));
            double got = Double.parseDouble(o.get("dram_ofmap_writes"));
            assertTrue(Math.abs(got - want) <= 31, at + "dram_ofmap_writes: " + got + " vs SCALE-Sim " + want);
            assertEquals(Double.parseDouble(s.get("mapping_efficiency_pct")) / 100, Double.parseDouble(o.get("mapping_efficiency")), 1e-5, at + "mapping efficiency");
            assertEquals(Double.parseDouble(s.get("overall_util_pct")) / 100, Double.parseDouble(o.get("utilization")), 1e-5, at + "utilization");
        }
    }
}
