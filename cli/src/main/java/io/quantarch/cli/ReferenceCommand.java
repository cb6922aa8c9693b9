package io.quantarch.cli;

import io.quantarch.reports.csv.CsvTable;
import io.quantarch.cli.run.RunDirectory;
import io.quantarch.config.ConfigException;
import io.quantarch.workloads.model.LlamaCheckpoint;
import io.quantarch.workloads.model.LlamaModel;
import io.quantarch.workloads.model.MnistCnnCheckpoint;
import io.quantarch.workloads.model.MnistCnnModel;
import io.quantarch.workloads.model.MnistData;
import io.quantarch.workloads.model.Resources;
import io.quantarch.workloads.model.Stories260k;
import io.quantarch.workloads.tensor.ActivationObserver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/** {@code quantarch reference}: the FP32 forward pass of a real model against its PROVENANCE figures, in full. */
@Command(name = "reference", sortOptions = false,
        description = {"Reproduce a real model's FP32 reference figures with quantarch's own forward pass:",
                "stories260k: all 758 windows against the per-window NLL of the independent numpy reference;",
                "mnist_cnn: all 10,000 test images against 98.91% and the reference predictions."})
final class ReferenceCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "stories260k or mnist_cnn.")
    String model;

    @Option(names = "--windows", paramLabel = "N", description = "stories260k: windows to evaluate (default all 758).")
    Integer windows;

    @Option(names = "--out", paramLabel = "DIR", description = "Result directory (default results/reference-<timestamp>).")
    Path out;

    private final Main.Io io;

    ReferenceCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws ConfigException, IOException {
        return switch (model.trim().toLowerCase(Locale.ROOT)) {
            case "stories260k" -> stories();
            case "mnist_cnn" -> mnist();
            default -> throw new ConfigException("--model", null, "stories260k or mnist_cnn", "'" + model + "'");
        };
    }

    private int stories() throws IOException, ConfigException {
        int n = windows == null ? Stories260k.WINDOWS : windows;
        if (n < 1 || n > Stories260k.WINDOWS) {
            throw new ConfigException("--windows", null, "1.." + Stories260k.WINDOWS, String.valueOf(n));
        }
        LlamaModel m = LlamaModel.fp32(LlamaCheckpoint.stories260k());
        double[] ref = Stories260k.referenceWindowNll();
        int[] tokens = Stories260k.tokens();
        AtomicInteger done = new AtomicInteger();
        long t0 = System.nanoTime();
        double[] ours = IntStream.range(0, n).parallel().mapToDouble(w -> {
            double v = m.windowNll(tokens, w * Stories260k.WINDOW, Stories260k.WINDOW, ActivationObserver.NONE) / Stories260k.WINDOW;
            int d = done.incrementAndGet();
            if (d % 50 == 0 || d == n) {
                double s = (System.nanoTime() - t0) / 1e9;
                io.err().println(String.format(Locale.ROOT, "reference: %d/%d windows, %.0fs elapsed, ~%.0fs left", d, n, s, s / d * (n - d)));
            }
            return v;
        }).toArray();
        double maxDiff = 0;
        double sum = 0;
        double refSum = 0;
        try (RunDirectory dir = out == null ? RunDirectory.timestamped("reference") : RunDirectory.at(out)) {
            try (CsvTable t = CsvTable.create(dir.work().resolve("windows.csv"), List.of("window", "mean_nll_nats", "reference_mean_nll_nats", "abs_diff"))) {
                for (int w = 0; w < n; w++) {
                    double d = Math.abs(ours[w] - ref[w]);
                    maxDiff = Math.max(maxDiff, d);
                    sum += ours[w];
                    refSum += ref[w];
                    t.row(w, ours[w], ref[w], d);
                }
            }
            Path done2 = dir.commit();
            io.out().println(String.format(Locale.ROOT, "stories260k FP32, %d windows: mean NLL %.5f nats/token (reference %.5f), perplexity %.4f (reference %.4f); "
                            + "max per-window |difference| %.2e nats (required < 1e-4)",
                    n, sum / n, refSum / n, Math.exp(sum / n), Math.exp(refSum / n), maxDiff));
            io.out().println("Results: " + done2);
        }
        return maxDiff < 1e-4 ? 0 : 1;
    }

    private int mnist() throws IOException {
        MnistCnnModel m = MnistCnnModel.fp32(MnistCnnCheckpoint.bundled());
        MnistData d = MnistData.testSet();
        byte[] refPred = Resources.bundled("mnist-cnn/reference_predictions_test.u8");
        int[] pred = IntStream.range(0, d.count()).parallel().map(i -> m.predict(d.pixels(), i * MnistData.PIXELS)).toArray();
        int correct = 0;
        int agree = 0;
        try (RunDirectory dir = out == null ? RunDirectory.timestamped("reference") : RunDirectory.at(out)) {
            try (CsvTable t = CsvTable.create(dir.work().resolve("predictions.csv"), List.of("image", "label", "prediction", "reference_prediction"))) {
                for (int i = 0; i < d.count(); i++) {
                    correct += pred[i] == d.labels()[i] ? 1 : 0;
                    agree += pred[i] == (refPred[i] & 0xFF) ? 1 : 0;
                    t.row(i, d.labels()[i], pred[i], refPred[i] & 0xFF);
                }
            }
            Path done = dir.commit();
            io.out().println(String.format(Locale.ROOT, "mnist_cnn FP32: %.2f%% top-1 on %d test images (reference 98.91%%); %d/%d predictions equal the reference",
                    100.0 * correct / d.count(), d.count(), agree, d.count()));
            io.out().println("Results: " + done);
        }
        return correct == 9891 && agree == d.count() ? 0 : 1;
    }
}
