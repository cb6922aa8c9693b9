package io.quantarch.cli;

import io.quantarch.search.mapper.MapperAlgorithms;
import io.quantarch.cli.run.RunDirectory;
import io.quantarch.config.ConfigException;
import io.quantarch.config.YamlNode;
import io.quantarch.pricing.nest.NestPricing;
import io.quantarch.pricing.nest.NestResult;
import io.quantarch.reports.csv.CsvTable;
import io.quantarch.search.mapper.Mapper;
import io.quantarch.search.mapper.MapperObjective;
import io.quantarch.search.mapper.MapperResult;
import io.quantarch.search.mapper.MapperRun;
import io.quantarch.search.mapper.ParetoMapper;
import io.quantarch.simulator.nest.NestArchitecture;
import io.quantarch.simulator.nest.NestProblem;
import io.quantarch.simulator.nest.io.TimeloopConstraints;
import io.quantarch.simulator.nest.io.TimeloopMappingWriter;
import io.quantarch.simulator.nest.mapspace.MapSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code quantarch nest map}: the best mapping of one problem on one hierarchy under its constraints. */
@Command(name = "map", description = {"Find the best mapping: mapping.yaml (Timeloop's format), levels.csv, summary.csv, mapper.csv, trace.csv.",
        "Mapspace constraints come from the architecture (inline constraints:) and --constraints files."})
final class NestMapCommand extends NestCommand.NestInputs implements Callable<Integer> {

    @Option(names = "--constraints", arity = "1..*", paramLabel = "FILE", description = "Timeloop constraints file(s) (targets: lists), on top of the architecture's.")
    List<Path> constraints = new ArrayList<>();

    @Option(names = "--mapper", paramLabel = "FILE", description = "A Timeloop mapper file: its optimization_metrics set the objective.")
    Path mapperFile;

    @Option(names = "--objective", paramLabel = "METRICS", description = "edp (default), energy, delay, a priority list such as delay,energy, "
            + "or pareto (the energy-delay front: front.csv and front/NN.yaml; mapping.yaml is its least-EDP member).")
    String objective;

    @Option(names = "--algorithm", defaultValue = "auto", paramLabel = "NAME",
            description = "auto (exhaustive when the space fits the budget, else genetic), exhaustive, genetic, random-pruned.")
    String algorithm;

    @Option(names = "--budget", defaultValue = "100000", paramLabel = "EVALUATIONS", description = "Distinct mappings to evaluate at most.")
    long budget;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Random seed; the same seed gives the same mapping at any thread count.")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Evaluation threads (default: the machine's cores).")
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Result directory (written atomically).")
    Path out;

    private final Main.Io io;

    NestMapCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws ConfigException, IOException {
        if (budget < 1) {
            throw new ConfigException("--budget", null, "at least 1 evaluation", Long.toString(budget));
        }
        for (Path c : constraints) {
            if (!Files.isRegularFile(c)) {
                throw ConfigException.of(c.toString(), "file not found (--constraints)");
            }
        }
        RunDirectory.checkTarget(out);
        try {
            MapperAlgorithms.pick(algorithm, 1, 1);                   // a typo fails before any work
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--algorithm", null, "a mapper algorithm", e.getMessage());
        }
        boolean pareto = "pareto".equalsIgnoreCase(objective == null ? "" : objective.trim());
        MapperObjective goal = pareto ? MapperObjective.EDP : objective();
        NestProblem p = problem();
        NestArchitecture a = architecture(p);
        MapSpace space = MapSpace.of(p, a, TimeloopConstraints.read(arch, constraints, p, a));
        NestPricing.Table prices = NestPricing.table(a, prices(a));
        int n = Inputs.threads(threads);
        Mapper.Settings settings;
        try {
            settings = new Mapper.Settings(goal, algorithm, budget, seed, n);
            io.err().println(String.format(Locale.ROOT, "Mapping %s on %d levels: %s search, objective %s, budget %,d, seed %d", p.name(),
                    a.storage().size(), algorithm, goal.label(), budget, seed));
            if (pareto) {
                ParetoMapper.Front f = Mapper.pareto(space, prices, settings, new ProgressBar(io, goal));
                io.err().println();
                return writeFront(space, f, settings);
            }
            MapperResult r = Mapper.map(space, prices, settings, new ProgressBar(io, goal));
            io.err().println();
            return write(space, r, settings);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--algorithm", null, "a mapper algorithm", e.getMessage());
        }
    }

    /** The energy-delay front: front.csv and front/NN.yaml, and the least-EDP member as the run's mapping. */
    private int writeFront(MapSpace space, ParetoMapper.Front f, Mapper.Settings s) throws ConfigException, IOException {
        if (f.points().isEmpty()) {
            return write(space, f.run(), s);                                 // no valid mapping: the same message
        }
        int code = write(space, f.run(), s, dir -> {
            Files.createDirectories(dir.resolve("front"));
            try (CsvTable t = CsvTable.create(dir.resolve("front.csv"), List.of("point", "cycles", "energy_pj", "edp", "mapping"))) {
                for (int i = 0; i < f.points().size(); i++) {
                    String file = String.format(Locale.ROOT, "front/%02d.yaml", i);
                    Files.writeString(dir.resolve(file), TimeloopMappingWriter.yaml(space, f.points().get(i)));
                    t.text(List.of(Integer.toString(i), Long.toString(f.costs().get(i).cycles()), CsvTable.exact(f.costs().get(i).energyPj()),
                            CsvTable.exact(f.costs().get(i).edp()), file));
                }
            }
        });
        io.out().println(String.format(Locale.ROOT, "Energy-delay front: %d mappings from %,d cycles (%.6g pJ) to %,d cycles (%.6g pJ)",
                f.points().size(), f.costs().get(0).cycles(), f.costs().get(0).energyPj(), f.costs().getLast().cycles(),
                f.costs().getLast().energyPj()));
        return code;
    }

    /** Extra files written into the result directory before it is committed. */
    interface Extra {
        void write(Path dir) throws IOException;
    }

    private int write(MapSpace space, MapperResult r, Mapper.Settings s) throws ConfigException, IOException {
        return write(space, r, s, dir -> { });
    }

    private int write(MapSpace space, MapperResult r, Mapper.Settings s, Extra extra) throws ConfigException, IOException {
        if (!r.found()) {
            throw new ConfigException(String.join(", ", arch.stream().map(Path::toString).toList()), null,
                    "a mapping whose tiles fit every level and whose loops fit every mesh",
                    "none among the " + r.evaluations() + " mappings evaluated (" + r.algorithm() + (r.complete() ? ", the whole mapspace" : "")
                            + "): the constraints leave no valid mapping or the budget is too small");
        }
        NestResult best;
        try (var e = new io.quantarch.search.mapper.MapperEvaluator(space, NestPricing.table(space.arch, prices(space.arch)), 1)) {
            best = e.result(r.best());
        }
        try (RunDirectory dir = RunDirectory.at(out)) {
            Files.writeString(dir.work().resolve("mapping.yaml"), TimeloopMappingWriter.yaml(space, r.best()));
            NestCommand.write(dir.work(), best);
            writeMapper(dir.work(), r, s);
            extra.write(dir.work());
            Path done = dir.commit();
            io.out().println(String.format(Locale.ROOT, "%s: %s found %d cycles, %.6g pJ, EDP %.4g J*cycles after %,d evaluations (%,d valid%s)%s",
                    space.problem.name(), r.algorithm(), best.cycles(), best.energyPj(), best.edp(), r.evaluations(), r.valid(),
                    r.complete() ? ", the whole mapspace" : "", Double.isNaN(r.sizeBound()) ? ""
                            : String.format(Locale.ROOT, "; mapspace <= %.3g points", r.sizeBound())));
            io.out().println("Results: " + done);
        }
        return 0;
    }

    private static void writeMapper(Path dir, MapperResult r, Mapper.Settings s) throws IOException {
        try (CsvTable t = CsvTable.create(dir.resolve("mapper.csv"), List.of("algorithm", "objective", "seed", "budget", "evaluations", "valid",
                "complete", "mapspace_bound", "factorizations", "energy_pj", "cycles", "edp"))) {
            t.text(List.of(r.algorithm(), s.objective().label(), Long.toString(s.seed()), Long.toString(s.budget()), Long.toString(r.evaluations()),
                    Long.toString(r.valid()), Boolean.toString(r.complete()), CsvTable.exact(r.sizeBound()), Long.toString(r.factorizations()),
                    CsvTable.exact(r.cost().energyPj()), Long.toString(r.cost().cycles()), CsvTable.exact(r.cost().edp())));
        }
        try (CsvTable t = CsvTable.create(dir.resolve("trace.csv"), List.of("evaluations", "best_" + s.objective().metrics().get(0).label()))) {
            for (MapperRun.TracePoint p : r.trace()) {
                t.text(List.of(Long.toString(p.evaluations()), CsvTable.exact(p.bestPrimary())));
            }
        }
    }

    private MapperObjective objective() throws ConfigException {
        try {
            if (objective != null) {
                return MapperObjective.parse(objective);
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--objective", null, "edp, energy, delay or a comma-separated list of them", "'" + objective + "'");
        }
        if (mapperFile == null) {
            return MapperObjective.EDP;
        }
        YamlNode root = YamlNode.read(mapperFile);
        root.allowOnly("mapper", "variables");
        YamlNode m = root.get("mapper");
        String key = m.has("optimization_metrics") ? "optimization_metrics" : m.has("optimization_metric") ? "optimization_metric" : null;
        if (key == null) {
            return MapperObjective.EDP;
        }
        List<String> names = new ArrayList<>();
        for (YamlNode x : m.get(key).isList() ? m.get(key).list() : List.of(m.get(key))) {
            names.add(x.asText());
        }
        try {
            return MapperObjective.parse(String.join(",", names));
        } catch (IllegalArgumentException e) {
            throw m.get(key).errorAt("metrics among edp, energy and delay", names.toString());
        }
    }

    /** One line on the terminal (or a line per tenth of the budget in a log): evaluations and the best objective so far. */
    static final class ProgressBar implements MapperRun.Progress {
        private final Main.Io io;
        private final MapperObjective goal;
        private final boolean terminal = System.console() != null;
        private int lastDecile = -1;

        ProgressBar(Main.Io io, MapperObjective goal) {
            this.io = io;
            this.goal = goal;
        }

        @Override
        public void report(long evaluations, long budget, io.quantarch.search.mapper.MapperCost best) {
            double done = Math.min(1, (double) evaluations / budget);
            int filled = (int) Math.round(done * 24);
            String line = String.format(Locale.ROOT, "  [%s%s] %,d/%,d evaluations  best %s %s", "#".repeat(filled), ".".repeat(24 - filled),
                    evaluations, budget, goal.metrics().get(0).label(), best == null ? "(none valid yet)" : String.format(Locale.ROOT, "%.6g",
                            goal.primary(best)));
            int decile = (int) (done * 10);
            if (terminal) {
                io.err().print("\r" + line);
                io.err().flush();
            } else if (decile != lastDecile) {
                lastDecile = decile;
                io.err().println(line);
            }
        }
    }
}
