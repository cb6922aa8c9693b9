package io.quantarch.cli;

import io.quantarch.reports.csv.CsvTable;
import io.quantarch.cli.run.RunDirectory;
import io.quantarch.cost.actions.Component;
import io.quantarch.cost.estimate.Breakdown;
import io.quantarch.cost.estimate.CostModel;
import io.quantarch.pricing.PricedResult;
import io.quantarch.pricing.Pricing;
import io.quantarch.cost.actions.CostModelSpec;
import io.quantarch.simulator.Architecture;
import io.quantarch.simulator.Compat;
import io.quantarch.simulator.Fidelity;
import io.quantarch.simulator.GemmStats;
import io.quantarch.simulator.LayerResult;
import io.quantarch.simulator.SimulationResult;
import io.quantarch.simulator.Simulator;
import io.quantarch.simulator.io.FpgaDataflowYaml;
import io.quantarch.simulator.nest.io.TimeloopArchitecture;
import io.quantarch.pricing.nest.ErtPrices;
import io.quantarch.pricing.nest.ModelPrices;
import io.quantarch.search.mapper.Mapper;
import io.quantarch.search.mapper.MapperObjective;
import io.quantarch.config.ConfigException;
import io.quantarch.workloads.layer.GemmOp;
import io.quantarch.workloads.layer.Workload;
import io.quantarch.workloads.policy.QuantPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code quantarch simulate}: a workload on an architecture under a quantization policy. */
@Command(name = "simulate", sortOptions = false,
        description = {"Simulate a workload on a systolic accelerator and price it. Writes DIR/layers.csv, DIR/summary.csv,",
                "DIR/actions.csv (every counted action and its energy), DIR/area.csv and DIR/cost_provenance.csv (the table's citations).",
                "An architecture with 'type: fpga-dataflow' maps the layers onto FINN-style folded matrix-vector units instead.",
                "Without --arch: a 32x32 weight-stationary INT8 array. A SCALE-Sim .cfg runs in compat: scalesim mode."})
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--arch", arity = "1..*", paramLabel = "ARCH", description = "Architecture: quantarch .yaml, SCALE-Sim .cfg, or a Timeloop v0.4 "
            + "hierarchy (with its component files) mapped by the mapper (--mapping auto).")
    List<Path> archFiles;

    Path arch;

    @Option(names = "--mapping", paramLabel = "auto", description = "With a Timeloop hierarchy: auto (each layer's best mapping, by the mapper).")
    String mapping;

    @Option(names = "--constraints", arity = "1..*", paramLabel = "FILE", description = "With a hierarchy: mapspace constraint files.")
    List<Path> constraints = new ArrayList<>();

    @Option(names = "--ert", paramLabel = "FILE", description = "With a hierarchy: Accelergy ERT (default: quantarch's cost models).")
    Path ert;

    @Option(names = "--art", paramLabel = "FILE", description = "With a hierarchy: Accelergy ART.")
    Path art;

    @Option(names = "--mapper-budget", defaultValue = "20000", paramLabel = "N", description = "With a hierarchy: evaluations per distinct layer shape.")
    long mapperBudget;

    @Option(names = "--objective", defaultValue = "edp", paramLabel = "METRICS", description = "With a hierarchy: the mapper's objective "
            + "(edp, energy, delay or a priority list).")
    String objective;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "With a hierarchy: the mapper's seed.")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "With a hierarchy: mapper threads (default: the machine's cores).")
    Integer threads;

    @Option(names = "--workload", required = true, paramLabel = "WORKLOAD",
            description = "zoo:NAME[,key=value...], a .yaml workload, an .onnx model, or a SCALE-Sim topology .csv.")
    String workload;

    @Option(names = "--input-shape", paramLabel = "NAME=DIMS", split = ",",
            description = "With an .onnx workload: the shape of a graph input whose dimensions are symbolic, e.g. input=1x3x224x224.")
    List<String> inputShapes = List.of();

    @Option(names = "--layers", paramLabel = "GLOBS", description = "Simulate only the layers matching these comma-separated name globs, "
            + "e.g. 'model.layers.0.*'.")
    String layers;

    @Option(names = "--policy", paramLabel = "POLICY.yaml", description = "Quantization policy (default: INT8 weights, inputs, outputs).")
    Path policy;

    @Option(names = "--compat", paramLabel = "MODE", description = "scalesim or none: overrides the architecture's accounting model.")
    String compat;

    @Option(names = "--cost-model", paramLabel = "MODEL", description = "Overrides the architecture's cost model: horowitz45, horowitz45@NODE "
            + "(7..130 nm), table:FILE.csv, horowitz45+table:FILE.csv.")
    String costModel;

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
        arch = archFiles == null ? null : archFiles.get(0);
        Workload w = selectedWorkload();
        boolean yaml = arch != null && arch.getFileName().toString().matches("(?i).*\\.ya?ml");
        if (yaml && HierarchySimulation.isHierarchy(arch)) {
            return hierarchy(w);
        }
        if (mapping != null || (archFiles != null && archFiles.size() > 1)) {
            throw new ConfigException(mapping != null ? "--mapping" : "--arch", null, "--mapping and several --arch files only with a Timeloop "
                    + "v0.4 hierarchy (architecture: nodes:)", arch == null ? "no --arch" : arch.toString());
        }
        if (yaml && FpgaDataflowYaml.isFpga(arch)) {
            return FpgaSimulation.run(io, arch, FpgaDataflowYaml.read(arch), w, Inputs.policy(policy, w, Simulator.defaultInt8Policy()), out);
        }
        Architecture a = architecture();
        Fidelity f;
        try {
            f = Fidelity.valueOf(fidelity.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--fidelity", null, "analytic or cycle", "'" + fidelity + "'");
        }
        CostModel cm = costModel != null ? Inputs.costModel(costModel) : Inputs.costModel(a, arch);
        if (costModel != null) {
            a = a.withCostModel(CostModelSpec.parse(costModel, null));
        }
        QuantPolicy p = Inputs.policy(policy, w, Simulator.defaultInt8Policy());
        long t0 = System.nanoTime();
        SimulationResult r;
        try {
            r = Simulator.run(a, w, p, f);
        } catch (IllegalArgumentException e) {
            throw ConfigException.of("--fidelity " + fidelity, e.getMessage());
        }
        PricedResult priced = Pricing.price(r, cm);
        double seconds = (System.nanoTime() - t0) / 1e9;
        try (RunDirectory dir = RunDirectory.at(out)) {
            writeLayers(dir.work().resolve("layers.csv"), priced);
            writeSummary(dir.work().resolve("summary.csv"), priced, p);
            CostTables.writeActions(dir.work().resolve("actions.csv"), priced);
            CostTables.writeArea(dir.work().resolve("area.csv"), priced);
            CostTables.writeProvenance(dir.work().resolve("cost_provenance.csv"), priced);
            if (a.compat() == Compat.SCALESIM) {
                ScaleSimReports.write(dir.work(), r);                         // SCALE-Sim's own three reports, for its users' scripts
            }
            Path done = dir.commit();
            io.out().println(String.format(Locale.ROOT, "%s on %s (%dx%d %s, %s, compat %s): %d layers, %.4g MACs, %d cycles (%d compute, %d stall), "
                            + "utilization %.1f%%, %.4g DRAM bytes, %.4g uJ (%.3g pJ/MAC), %.4g mm2 [%s]; simulated in %.2f s",
                    w.name(), a.name(), a.array().rows(), a.array().cols(), a.array().dataflow().label(), a.pe().name(), a.compat().label(),
                    w.layers().size(), (double) r.macs(), r.totalCycles(), r.computeCycles(), r.stallCycles(), 100 * r.utilization(),
                    r.dramBytes(), priced.totalEnergyPj() / 1e6, priced.energyPerMacPj(), priced.areaMm2(), cm.name(), seconds));
            io.out().println("Results: " + done);
        }
        return 0;
    }

    private Workload selectedWorkload() throws ConfigException {
        if (!inputShapes.isEmpty() && !workload.toLowerCase(java.util.Locale.ROOT).contains(".onnx")) {
            throw new ConfigException("--input-shape", null, "an .onnx --workload", "'" + workload + "'");
        }
        Workload w = Inputs.workload(inputShapes.isEmpty() ? workload : workload + "," + String.join(",", inputShapes));
        if (layers == null) {
            return w;
        }
        try {
            return w.select(layers);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--layers", null, "globs matching layers of " + w.name(), e.getMessage());
        }
    }

    private Architecture architecture() throws ConfigException {
        Architecture a = Inputs.architecture(arch);
        if (compat == null) {
            return a;
        }
        try {
            return a.withCompat(Compat.parse(compat));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--compat", null, "scalesim or none", "'" + compat + "'");
        }
    }

    private int hierarchy(Workload w) throws ConfigException, IOException {
        if (!"auto".equals(mapping)) {
            throw new ConfigException("--mapping", null, "auto (the mapper maps every layer of a Timeloop hierarchy)",
                    mapping == null ? "nothing" : "'" + mapping + "'");
        }
        if (mapperBudget < 1) {
            throw new ConfigException("--mapper-budget", null, "at least 1", Long.toString(mapperBudget));
        }
        MapperObjective goal;
        try {
            goal = MapperObjective.parse(objective);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--objective", null, "edp, energy, delay or a comma-separated list of them", "'" + objective + "'");
        }
        ModelPrices own = new io.quantarch.pricing.nest.ModelPrices(costModel == null ? "horowitz45" : costModel);
        QuantPolicy p = policy == null ? null : Inputs.policy(policy, w, Simulator.defaultInt8Policy());
        int n = Inputs.threads(threads);
        var settings = new Mapper.Settings(goal, "auto", mapperBudget, seed, n);
        HierarchySimulation.PriceSource prices = a -> ert == null ? own : ErtPrices.read(ert, art, a, own);
        prices.of(TimeloopArchitecture.read(archFiles));                      // a bad table fails before any mapping
        return HierarchySimulation.run(io, new HierarchySimulation.Job(archFiles, constraints, p, prices, settings), w, out);
    }

    static final List<String> LAYER_COLUMNS = List.of("layer", "type", "m", "n", "k", "repeat", "macs", "weights",
            "ifmap_bits", "filter_bits", "ofmap_bits", "compute_cycles", "stall_cycles", "vector_cycles", "total_cycles",
            "utilization", "mapping_efficiency", "sram_ifmap_reads", "sram_filter_reads", "sram_ofmap_writes", "sram_ofmap_reads",
            "dram_ifmap_reads", "dram_filter_reads", "dram_ofmap_writes", "dram_ofmap_reads",
            "dram_ifmap_bytes", "dram_filter_bytes", "dram_ofmap_write_bytes", "dram_ofmap_read_bytes", "dram_bytes", "energy_pj",
            "energy_dynamic_pj", "energy_leakage_pj");

    /** {@code energy_<component>_pj} for every component, in enum order. */
    static List<String> componentColumns(String prefix, String unit) {
        List<String> out = new ArrayList<>();
        for (Component c : Component.values()) {
            out.add(prefix + "_" + c.name().toLowerCase(Locale.ROOT) + "_" + unit);
        }
        return out;
    }

    static void writeLayers(Path file, PricedResult priced) throws IOException {
        SimulationResult r = priced.simulation();
        List<String> header = new ArrayList<>(LAYER_COLUMNS);
        header.addAll(componentColumns("energy", "pj"));
        header.addAll(componentColumns("energy_leakage", "pj"));
        try (CsvTable t = CsvTable.create(file, header)) {
            for (int i = 0; i < r.layers().size(); i++) {
                LayerResult l = r.layers().get(i);
                Breakdown dyn = priced.layerEnergyPj().get(i);
                Breakdown leak = priced.layerLeakagePj().get(i);
                List<GemmOp> gs = l.layer().gemms();
                GemmOp g = gs.isEmpty() ? null : gs.get(0);
                GemmStats s = l.gemm();
                List<Object> row = new ArrayList<>(List.of(l.layer().name(), l.layer().getClass().getSimpleName().toLowerCase(Locale.ROOT)));
                row.addAll(java.util.Arrays.asList(
                        g == null ? null : g.m(), g == null ? null : g.n(), g == null ? null : g.k(),
                        gs.stream().mapToLong(GemmOp::repeat).sum(), s.macs(), l.layer().parameters(),
                        l.bits().ifmapBits(), l.bits().filterBits(), l.bits().ofmapBits(),
                        s.computeCycles(), s.stallCycles(), l.vectorCycles(), l.totalCycles(),
                        s.computeCycles() > 0 ? l.utilization() : null, s.folds() > 0 ? s.mappingEfficiency() : null,
                        s.sramIfmapReads(), s.sramFilterReads(), s.sramOfmapWrites(), s.sramOfmapReads(),
                        s.dramIfmapReads(), s.dramFilterReads(), s.dramOfmapWrites(), s.dramOfmapReads(),
                        s.dramIfmapBytes(), s.dramFilterBytes(), s.dramOfmapWriteBytes(), s.dramOfmapReadBytes(), s.dramBytes(),
                        dyn.total() + leak.total(), dyn.total(), leak.total()));
                for (Component c : Component.values()) {
                    row.add(dyn.get(c) + leak.get(c));
                }
                for (Component c : Component.values()) {
                    row.add(leak.get(c));
                }
                t.row(row.toArray());
            }
        }
    }

    static void writeSummary(Path file, PricedResult priced, QuantPolicy p) throws IOException {
        SimulationResult r = priced.simulation();
        Architecture a = r.architecture();
        List<String> header = new ArrayList<>(List.of("workload", "architecture", "array", "dataflow", "pe", "compat", "fidelity", "policy",
                "layers", "macs", "weights", "compute_cycles", "stall_cycles", "vector_cycles", "total_cycles", "utilization",
                "dram_bytes", "clock_ghz", "latency_s", "cost_model", "energy_pj", "energy_per_mac_pj", "tops_per_w", "average_power_w",
                "area_mm2", "edp_pj_s", "energy_dynamic_pj", "energy_leakage_pj", "leakage_power_mw", "dram_technology", "sram_model"));
        header.addAll(componentColumns("energy", "pj"));
        header.addAll(componentColumns("energy_leakage", "pj"));
        header.addAll(componentColumns("area", "mm2"));
        double energy = priced.totalEnergyPj();
        List<Object> row = new ArrayList<>(java.util.Arrays.asList(r.workload().name(), a.name(), a.array().rows() + "x" + a.array().cols(),
                a.array().dataflow().label(), a.pe().describe(), a.compat().label(), r.fidelity().name().toLowerCase(Locale.ROOT), p.name(),
                r.layers().size(), r.macs(), r.workload().parameters(), r.computeCycles(), r.stallCycles(), r.vectorCycles(), r.totalCycles(),
                r.utilization(), r.dramBytes(), a.clockGhz(), r.latencySeconds(), priced.costModel().name(), energy, priced.energyPerMacPj(),
                energy == 0 ? null : 2.0 * r.macs() / energy,                     // ops per pJ = TOPS/W (1 MAC = 2 ops)
                priced.averagePowerW(), priced.areaMm2(), energy * r.latencySeconds(), priced.dynamicEnergyPj().total(),
                priced.leakageEnergyPj().total(), priced.leakageMw().total(), priced.inventory().dram().name(), priced.inventory().sramModel()));
        Breakdown e = priced.energyPj();
        for (Component c : Component.values()) {
            row.add(e.get(c));
        }
        Breakdown leak = priced.leakageEnergyPj();
        for (Component c : Component.values()) {
            row.add(leak.get(c));
        }
        for (Component c : Component.values()) {
            row.add(priced.areaUm2().get(c) / 1e6);
        }
        try (CsvTable t = CsvTable.create(file, header)) {
            t.row(row.toArray());
        }
    }
}
