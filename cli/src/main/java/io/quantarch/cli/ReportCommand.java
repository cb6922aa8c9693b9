package io.quantarch.cli;

import io.quantarch.reports.RunReport;
import io.quantarch.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code quantarch report DIR}: rebuilds an exploration run's plots and report.html from its CSV files. */
@Command(name = "report", sortOptions = false,
        description = {"Rebuild DIR/report.html (self-contained: the question, Pareto front projections, hypervolume convergence, the",
                "front table, and one design's per-layer latency/energy, per-gene quality and roofline) and DIR/plots/report/*.png|svg",
                "from the run's CSV files alone. --compare overlays other runs of the same space on the convergence plot."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "An exploration run directory (run.json, pareto.csv, ...).")
    Path dir;

    @Option(names = "--compare", split = ",", paramLabel = "DIR", description = "Other run directories of the same space (baselines).")
    List<Path> compare = new ArrayList<>();

    @Option(names = "--point", paramLabel = "EVALUATION", description = "The front design to break down (its evaluation number); default: the knee.")
    Long point;

    private final Main.Io io;

    ReportCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws ConfigException, IOException {
        for (Path p : concat()) {
            if (!Files.exists(p.resolve("run.json")) || !Files.exists(p.resolve("pareto.csv"))) {
                throw new ConfigException(p.toString(), null, "an exploration run directory with run.json and pareto.csv",
                        Files.isDirectory(p) ? "a directory without them" : "no such directory");
            }
        }
        RunReport.Result out;
        try {
            out = RunReport.write(dir, compare, point);
        } catch (IllegalArgumentException e) {
            throw ConfigException.of("--point " + point, e.getMessage());
        }
        out.hypervolumes().forEach(v -> io.out().println("final hypervolume" + (out.renormalised() ? " (runs re-normalised together)" : "")
                + ", " + v));
        io.out().println("Report: " + out.html().toAbsolutePath().normalize());
        return 0;
    }

    private List<Path> concat() {
        List<Path> all = new ArrayList<>();
        all.add(dir);
        all.addAll(compare);
        return all;
    }
}
