package io.quantarch.cli;

import io.quantarch.cli.run.RunDirectory;
import io.quantarch.config.ConfigException;
import io.quantarch.reports.csv.CsvTable;
import io.quantarch.workloads.quality.RealModel;
import io.quantarch.workloads.quality.RealModels;
import io.quantarch.workloads.quality.ReferenceCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code quantarch reference}: the FP32 forward pass of a real model against its independent reference outputs. */
@Command(name = "reference", sortOptions = false,
        description = {"Reproduce a real model's FP32 reference figures with quantarch's own forward pass:",
                "stories260k: all 758 windows against the per-window NLL of the independent numpy reference;",
                "mnist_cnn: all 10,000 test images against 98.91%% and the reference predictions."})
final class ReferenceCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "A real model: stories260k or mnist_cnn.")
    String model;

    @Option(names = {"--samples", "--windows"}, paramLabel = "N",
            description = "Evaluation units to check (windows of 512 tokens, or images; default: all).")
    Integer samples;

    @Option(names = "--out", paramLabel = "DIR", description = "Result directory (default results/reference-<timestamp>).")
    Path out;

    private final Main.Io io;

    ReferenceCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws ConfigException, IOException {
        String name = model.trim().toLowerCase(Locale.ROOT);
        if (RealModels.REGISTRY.find(name).isEmpty()) {
            throw new ConfigException("--model", null, "one of " + RealModels.NAMES, "'" + model + "'");
        }
        RealModel m = RealModels.byName(name);
        ReferenceCheck c;
        try {
            c = m.checkAgainstReference(samples == null ? 0 : samples);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--samples", null, e.getMessage(), String.valueOf(samples));
        }
        try (RunDirectory dir = out == null ? RunDirectory.timestamped("reference") : RunDirectory.at(out)) {
            try (CsvTable t = CsvTable.create(dir.work().resolve(c.file()), c.columns())) {
                for (List<Object> row : c.rows()) {
                    t.row(row.toArray());
                }
            }
            Path done = dir.commit();
            io.out().println(c.summary());
            io.out().println("Results: " + done);
        }
        return c.agrees() ? 0 : 1;
    }
}
