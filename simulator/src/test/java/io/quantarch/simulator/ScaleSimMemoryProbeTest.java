package io.quantarch.simulator;

import io.quantarch.simulator.array.ArraySpec;
import io.quantarch.simulator.array.Dataflow;
import io.quantarch.simulator.array.FoldPlan;
import io.quantarch.simulator.memory.MemorySpec;
import io.quantarch.simulator.memory.OperandLayout;
import io.quantarch.simulator.memory.ScaleSimMemory;
import io.quantarch.workloads.layer.Conv2d;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

class ScaleSimMemoryProbeTest {
    @Test
    void probe() throws Exception {
        var in = getClass().getResourceAsStream("/golden/scalesim/results.csv");
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int rows = Integer.parseInt(r.get("array_rows"));
            int cols = Integer.parseInt(r.get("array_cols"));
            Dataflow df = Dataflow.parse(r.get("dataflow"));
            Conv2d c = new Conv2d(r.get("layer"), 1, Integer.parseInt(r.get("channels")), Integer.parseInt(r.get("num_filters")),
                    Integer.parseInt(r.get("ifmap_h")), Integer.parseInt(r.get("ifmap_w")), Integer.parseInt(r.get("filt_h")), Integer.parseInt(r.get("filt_w")),
                    Integer.parseInt(r.get("stride_h")), Integer.parseInt(r.get("stride_w")), 0, 0, 1, false);
            var g = c.gemms().get(0);
            FoldPlan p = FoldPlan.of(new ArraySpec(rows, cols, df), g.m(), g.n(), g.k());
            double bw = r.get("bw_mode").equals("USER") ? Double.parseDouble(r.get("user_dram_bw_words_per_cycle")) : Double.POSITIVE_INFINITY;
            MemorySpec mem = new MemorySpec(Double.parseDouble(r.get("ifmap_sram_kb")), Double.parseDouble(r.get("filter_sram_kb")), Double.parseDouble(r.get("ofmap_sram_kb")), bw, true);
            long t0 = System.nanoTime();
            ScaleSimMemory.Result res = ScaleSimMemory.run(p, OperandLayout.conv(c), mem);
            System.out.printf("%s %s cyc %d/%d stall %d/%s ifmapDram %d/%s filterDram %d/%s  %.1fms%n", r.get("case"), r.get("layer"),
                    p.computeCycles() - 1 + res.stallCycles(), Long.parseLong(r.get("total_cycles")), res.stallCycles(), r.get("stall_cycles"),
                    res.dramIfmapReads(), r.get("dram_ifmap_reads"), res.dramFilterReads(), r.get("dram_filter_reads"), (System.nanoTime() - t0) / 1e6);
        }
    }
}
