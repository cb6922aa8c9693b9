package io.quantarch.cli;

import io.quantarch.config.ConfigException;
import io.quantarch.config.Names;
import io.quantarch.cli.run.RunDirectory;
import io.quantarch.workloads.policy.PolicyYaml;
import io.quantarch.pricing.nest.ErtPrices;
import io.quantarch.pricing.nest.ModelPrices;
import io.quantarch.pricing.nest.NestPrices;
import io.quantarch.pricing.nest.NestPricing;
import io.quantarch.pricing.nest.NestResult;
import io.quantarch.reports.csv.CsvTable;
import io.quantarch.simulator.nest.LayerProblems;
import io.quantarch.simulator.nest.NestArchitecture;
import io.quantarch.simulator.nest.NestCounts;
import io.quantarch.simulator.nest.NestMapping;
import io.quantarch.simulator.nest.NestModel;
import io.quantarch.simulator.nest.NestProblem;
import io.quantarch.simulator.nest.io.Precision;
import io.quantarch.simulator.nest.io.TimeloopArchitecture;
import io.quantarch.simulator.nest.io.TimeloopMapping;
import io.quantarch.simulator.nest.io.TimeloopProblem;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.layer.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code quantarch nest}: the loop-nest model of any memory hierarchy, on Timeloop v0.4 files. */
@Command(name = "nest", description = {"Loop-nest model of a memory hierarchy (Timeloop v0.4 files).",
        "  quantarch nest model --arch A.yaml --problem P.yaml --mapping M.yaml [--ert ERT.yaml] [--art ART.yaml] --out DIR"},
        subcommands = {NestCommand.Model.class, NestMapCommand.class})
final class NestCommand implements Callable<Integer> {

    private final Main.Io io;

    NestCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        io.out().println("Usage: quantarch nest model --arch A.yaml [--arch B.yaml ...] --problem P.yaml --mapping M.yaml [--ert ERT.yaml] "
                + "[--art ART.yaml] [--policy POLICY.yaml] --out DIR");
        return 0;
    }

    /** The inputs every nest command shares. */
    static class NestInputs {
        @Option(names = "--arch", required = true, arity = "1..*", paramLabel = "FILE", description = "Timeloop architecture file(s), merged in order (--arch A.yaml B.yaml or --arch A.yaml --arch B.yaml).")
        List<Path> arch;

        @Option(names = "--problem", paramLabel = "FILE", description = "Timeloop problem file.")
        Path problem;

        @Option(names = "--workload", paramLabel = "WORKLOAD", description = "Instead of --problem: a workload (zoo:resnet18) with --layer.")
        String workload;

        @Option(names = "--layer", paramLabel = "NAME", description = "The layer of --workload to map.")
        String layer;

        @Option(names = "--policy", paramLabel = "FILE", description = "Quantization policy: bits per element of Weights and Inputs at every "
                + "level, Outputs at the outermost.")
        Path policy;

        @Option(names = "--ert", paramLabel = "FILE", description = "Accelergy ERT: energy per action (default: quantarch's cost models).")
        Path ert;

        @Option(names = "--art", paramLabel = "FILE", description = "Accelergy ART: area per component.")
        Path art;

        @Option(names = "--cost-model", defaultValue = "horowitz45", paramLabel = "TABLE", description = "Cost table without --ert.")
        String costTable;

        NestProblem problem() throws ConfigException {
            if ((problem == null) == (workload == null)) {
                throw new ConfigException("--problem / --workload", null, "either --problem FILE or --workload W --layer NAME",
                        problem == null ? "neither" : "both");
            }
            if (problem != null) {
                return TimeloopProblem.read(problem);
            }
            Workload w = Inputs.workload(workload);
            if (layer == null) {
                throw new ConfigException("--layer", null, "the name of a layer of " + w.name(), "nothing");
            }
            Layer l = w.layers().stream().filter(x -> x.name().equals(layer)).findFirst().orElseThrow(() -> new ConfigException("--layer",
                    null, "a layer of " + w.name() + Names.didYouMean(w.layers().stream().map(Layer::name).toList(), layer),
                    "'" + layer + "'"));
            try {
                return LayerProblems.of(l);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--layer", null, "a convolution or matrix layer", e.getMessage());
            }
        }

        NestArchitecture architecture(NestProblem p) throws ConfigException {
            NestArchitecture a = TimeloopArchitecture.read(arch);
            if (policy == null) {
                return a;
            }
            return Precision.apply(a, PolicyYaml.read(policy), p);
        }

        NestPrices prices(NestArchitecture a) throws ConfigException {
            ModelPrices own = new ModelPrices(costTable);
            return ert == null ? own : ErtPrices.read(ert, art, a, own);
        }
    }

    @Command(name = "model", description = "Evaluate one mapping: per-level counts and energy (levels.csv), totals (summary.csv).")
    static final class Model extends NestInputs implements Callable<Integer> {

        @Option(names = "--mapping", required = true, paramLabel = "FILE", description = "Timeloop mapping file.")
        Path mapping;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Result directory (written atomically).")
        Path out;

        private final Main.Io io;

        Model(Main.Io io) {
            this.io = io;
        }

        @Override
        public Integer call() throws ConfigException, IOException {
            NestProblem p = problem();
            NestArchitecture a = architecture(p);
            NestMapping m = TimeloopMapping.read(mapping, p, a);
            NestPrices prices = prices(a);
            NestCounts c;
            try {
                c = NestModel.analyze(p, a, m);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(mapping.toString(), null, "tiles that fit their levels", e.getMessage());
            }
            NestResult r = NestPricing.price(c, a, prices);
            try (RunDirectory dir = RunDirectory.at(out)) {
                write(dir.work(), r);
                Path done = dir.commit();
                io.out().println(String.format(Locale.ROOT, "%s on %d levels: %d computes, %d cycles, utilization %.4f, %.6g pJ (%.4f pJ/compute), "
                        + "%.6g um2 [%s]", p.name(), a.storage().size(), r.computes(), r.cycles(), r.utilization(), r.energyPj(),
                        r.energyPj() / r.computes(), r.areaUm2(), r.prices()));
                io.out().println("Results: " + done);
            }
            return 0;
        }
    }

    /** {@code levels.csv} and {@code summary.csv}: the stable columns of issue 19. */
    static void write(Path dir, NestResult r) throws IOException {
        try (CsvTable t = CsvTable.create(dir.resolve("levels.csv"), List.of("level", "dataspace", "instances", "utilized_instances",
                "utilized_capacity", "reads", "fills", "updates", "temporal_reductions", "bits", "energy_pj", "energy_per_access_pj"))) {
            for (NestResult.LevelStats s : r.levels()) {
                t.text(List.of(s.level(), s.dataSpace(), Long.toString(s.instances()), Long.toString(s.utilizedInstances()),
                        Long.toString(s.utilizedCapacity()), Long.toString(s.reads()), Long.toString(s.fills()), Long.toString(s.updates()),
                        Long.toString(s.temporalReductions()), Integer.toString(s.bits()), CsvTable.exact(s.energyPj()),
                        CsvTable.exact(s.energyPerAccessPj())));
            }
        }
        try (CsvTable t = CsvTable.create(dir.resolve("summary.csv"), List.of("computes", "cycles", "utilization", "energy_pj", "area_um2", "edp",
                "compute_energy_pj", "leakage_pj", "throttling", "prices"))) {
            t.text(List.of(Long.toString(r.computes()), Long.toString(r.cycles()), CsvTable.exact(r.utilization()), CsvTable.exact(r.energyPj()),
                    CsvTable.exact(r.areaUm2()), CsvTable.exact(r.edp()), CsvTable.exact(r.computeEnergyPj()), CsvTable.exact(r.leakagePj()),
                    CsvTable.exact(r.throttling()), r.prices()));
        }
    }
}
