package io.quantarch.cli;

import io.quantarch.cli.run.CsvTable;
import io.quantarch.cli.run.RunDirectory;
import io.quantarch.simulator.Architecture;
import io.quantarch.simulator.Compat;
import io.quantarch.simulator.Fidelity;
import io.quantarch.simulator.GemmStats;
import io.quantarch.simulator.LayerResult;
import io.quantarch.simulator.SimulationResult;
import io.quantarch.simulator.Simulator;
import io.quantarch.workloads.io.ConfigException;
import io.quantarch.workloads.layer.GemmOp;
import io.quantarch.workloads.layer.Workload;
import io.quantarch.workloads.policy.QuantPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code quantarch simulate}: a workload on an architecture under a quantization policy. */
@Command(name = "simulate", sortOptions = false,
        description = {"Simulate a workload on a systolic accelerator. Writes DIR/layers.csv and DIR/summary.csv.",
                "Without --arch: a 32x32 weight-stationary INT8 array. A SCALE-Sim .cfg runs in compat: scalesim mode."})
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--arch", paramLabel = "ARCH", description = "Architecture: quantarch .yaml or SCALE-Sim .cfg.")
    Path arch;

    @Option(names = "--workload", required = true, paramLabel = "WORKLOAD", description = "zoo:NAME[,key=value...], a .yaml workload, or a SCALE-Sim topology .csv.")
    String workload;

    @Option(names = "--policy", paramLabel = "POLICY.yaml", description = "Quantization policy (default: INT8 weights, inputs, outputs).")
    Path policy;

    @Option(names = "--compat", paramLabel = "MODE", description = "scalesim or none: overrides the architecture's accounting model.")
    String compat;

    @Option(names = "--fidelity", defaultValue = "analytic", paramLabel = "F", description = "analytic (default) or cycle (cycle-stepped array).")
    String fidelity;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Result directory (written atomically).")
    Path out;

    private final Main.Io io;

    SimulateCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws ConfigException, IOException {
        Workload w = Inputs.workload(workload);
        Architecture a = Inputs.architecture(arch);
        if (compat != null) {
            try {
                a = a.withCompat(Compat.parse(compat));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--compat", null, "scalesim or none", "'" + compat + "'");
            }
        }
        Fidelity f;
        try {
            f = Fidelity.valueOf(fidelity.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--fidelity", null, "analytic or cycle", "'" + fidelity + "'");
        }
        QuantPolicy p = Inputs.policy(policy, w, Simulator.defaultInt8Policy());
        long t0 = System.nanoTime();
        SimulationResult r;
        try {
            r = Simulator.run(a, w, p, f);
        } catch (IllegalArgumentException e) {
            throw ConfigException.of("--fidelity " + fidelity, e.getMessage());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        try (RunDirectory dir = RunDirectory.at(out)) {
            writeLayers(dir.work().resolve("layers.csv"), r);
            writeSummary(dir.work().resolve("summary.csv"), r, p);
            Path done = dir.commit();
            io.out().println(String.format(Locale.ROOT, "%s on %s (%dx%d %s, compat %s): %d layers, %.4g MACs, %d cycles (%d compute, %d stall), "
                            + "utilization %.1f%%, %.4g DRAM bytes; simulated in %.2f s",
                    w.name(), a.name(), a.array().rows(), a.array().cols(), a.array().dataflow().label(), a.compat().label(),
                    w.layers().size(), (double) r.macs(), r.totalCycles(), r.computeCycles(), r.stallCycles(), 100 * r.utilization(),
                    r.dramBytes(), seconds));
            io.out().println("Results: " + done);
        }
        return 0;
    }

    static final List<String> LAYER_COLUMNS = List.of("layer", "type", "m", "n", "k", "repeat", "macs", "weights",
            "ifmap_bits", "filter_bits", "ofmap_bits", "compute_cycles", "stall_cycles", "vector_cycles", "total_cycles",
            "utilization", "mapping_efficiency", "sram_ifmap_reads", "sram_filter_reads", "sram_ofmap_writes", "sram_ofmap_reads",
            "dram_ifmap_reads", "dram_filter_reads", "dram_ofmap_writes", "dram_ofmap_reads",
            "dram_ifmap_bytes", "dram_filter_bytes", "dram_ofmap_write_bytes", "dram_ofmap_read_bytes", "dram_bytes");

    static void writeLayers(Path file, SimulationResult r) throws IOException {
        try (CsvTable t = CsvTable.create(file, LAYER_COLUMNS)) {
            for (LayerResult l : r.layers()) {
                List<GemmOp> gs = l.layer().gemms();
                GemmOp g = gs.isEmpty() ? null : gs.get(0);
                GemmStats s = l.gemm();
                t.row(l.layer().name(), l.layer().getClass().getSimpleName().toLowerCase(Locale.ROOT),
                        g == null ? null : g.m(), g == null ? null : g.n(), g == null ? null : g.k(),
                        gs.stream().mapToLong(GemmOp::repeat).sum(), s.macs(), l.layer().parameters(),
                        l.bits().ifmapBits(), l.bits().filterBits(), l.bits().ofmapBits(),
                        s.computeCycles(), s.stallCycles(), l.vectorCycles(), l.totalCycles(),
                        s.computeCycles() > 0 ? l.utilization() : null, s.folds() > 0 ? s.mappingEfficiency() : null,
                        s.sramIfmapReads(), s.sramFilterReads(), s.sramOfmapWrites(), s.sramOfmapReads(),
                        s.dramIfmapReads(), s.dramFilterReads(), s.dramOfmapWrites(), s.dramOfmapReads(),
                        s.dramIfmapBytes(), s.dramFilterBytes(), s.dramOfmapWriteBytes(), s.dramOfmapReadBytes(), s.dramBytes());
            }
        }
    }

    static void writeSummary(Path file, SimulationResult r, QuantPolicy p) throws IOException {
        Architecture a = r.architecture();
        try (CsvTable t = CsvTable.create(file, List.of("workload", "architecture", "array", "dataflow", "pe", "compat", "fidelity", "policy",
                "layers", "macs", "weights", "compute_cycles", "stall_cycles", "vector_cycles", "total_cycles", "utilization",
                "dram_bytes", "clock_ghz", "latency_s"))) {
            t.row(r.workload().name(), a.name(), a.array().rows() + "x" + a.array().cols(), a.array().dataflow().label(), a.pe().describe(),
                    a.compat().label(), r.fidelity().name().toLowerCase(Locale.ROOT), p.name(), r.layers().size(), r.macs(),
                    r.workload().parameters(), r.computeCycles(), r.stallCycles(), r.vectorCycles(), r.totalCycles(), r.utilization(),
                    r.dramBytes(), a.clockGhz(), r.latencySeconds());
        }
    }
}
