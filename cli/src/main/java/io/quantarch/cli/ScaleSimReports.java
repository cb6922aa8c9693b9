package io.quantarch.cli;

import io.quantarch.simulator.Architecture;
import io.quantarch.simulator.GemmStats;
import io.quantarch.simulator.LayerResult;
import io.quantarch.simulator.SimulationResult;
import io.quantarch.simulator.Simulator;
import io.quantarch.simulator.memory.ScaleSimTrace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * SCALE-Sim v2's own report files for a compat-scalesim run, with its column names and number style, so its users'
 * scripts keep working: COMPUTE_REPORT.csv, BANDWIDTH_REPORT.csv and DETAILED_ACCESS_REPORT.csv, one row per layer
 * with a matrix product (LayerID counting those layers).
 */
final class ScaleSimReports {

    private ScaleSimReports() {
    }

    static void write(Path dir, SimulationResult r) throws IOException {
        Architecture a = r.architecture();
        List<String> compute = new ArrayList<>(List.of("LayerID, Total Cycles, Stall Cycles, Overall Util %, Mapping Efficiency %, Compute Util %,"));
        List<String> bandwidth = new ArrayList<>(List.of("LayerID, Avg IFMAP SRAM BW, Avg FILTER SRAM BW, Avg OFMAP SRAM BW, Avg IFMAP DRAM BW, "
                + "Avg FILTER DRAM BW, Avg OFMAP DRAM BW,"));
        List<String> detailed = new ArrayList<>(List.of("LayerID, SRAM IFMAP Start Cycle, SRAM IFMAP Stop Cycle, SRAM IFMAP Reads, "
                + "SRAM Filter Start Cycle, SRAM Filter Stop Cycle, SRAM Filter Reads, SRAM OFMAP Start Cycle, SRAM OFMAP Stop Cycle, "
                + "SRAM OFMAP Writes, DRAM IFMAP Start Cycle, DRAM IFMAP Stop Cycle, DRAM IFMAP Reads, DRAM Filter Start Cycle, "
                + "DRAM Filter Stop Cycle, DRAM Filter Reads, DRAM OFMAP Start Cycle, DRAM OFMAP Stop Cycle, DRAM OFMAP Writes,"));
        int id = 0;
        for (LayerResult l : r.layers()) {
            if (l.layer().gemms().isEmpty()) {
                continue;
            }
            GemmStats g = l.gemm();
            ScaleSimTrace t = Simulator.scaleSimTrace(a, l.layer(), g.stallCycles());
            long total = g.totalCycles();
            compute.add(row(id, total, g.stallCycles(), 100 * l.utilization(), 100 * g.mappingEfficiency(), 100 * t.computeUtil()));
            long[] sram = {g.sramIfmapReads(), g.sramFilterReads(), g.sramOfmapWrites()};
            long[] dram = {g.dramIfmapReads(), g.dramFilterReads(), g.dramOfmapWrites()};
            bandwidth.add(row(id, (double) sram[0] / total, (double) sram[1] / total, (double) sram[2] / total, perCycle(dram[0], t.dram()[0]),
                    perCycle(dram[1], t.dram()[1]), perCycle(dram[2], t.dram()[2])));
            List<Object> d = new ArrayList<>(List.of(id));
            for (int o = 0; o < 3; o++) {
                d.addAll(List.of((double) t.sram()[o][0], (double) t.sram()[o][1], sram[o]));
            }
            for (int o = 0; o < 3; o++) {
                d.addAll(List.of((double) t.dram()[o][0], (double) t.dram()[o][1], dram[o]));
            }
            detailed.add(row(d.toArray()));
            id++;
        }
        Files.write(dir.resolve("COMPUTE_REPORT.csv"), compute);
        Files.write(dir.resolve("BANDWIDTH_REPORT.csv"), bandwidth);
        Files.write(dir.resolve("DETAILED_ACCESS_REPORT.csv"), detailed);
    }

    /** Words per cycle over a span of cycles, both ends included (SCALE-Sim's DRAM bandwidth). */
    private static double perCycle(long words, long[] span) {
        return (double) words / (span[1] - span[0] + 1);
    }

    /** SCALE-Sim's row style: values joined by ", " with a trailing comma; floats in Python's repr. */
    private static String row(Object... values) {
        StringBuilder b = new StringBuilder();
        for (Object v : values) {
            b.append(v instanceof Double d ? Double.toString(d) : v.toString()).append(", ");
        }
        return b.substring(0, b.length() - 1);
    }
}
