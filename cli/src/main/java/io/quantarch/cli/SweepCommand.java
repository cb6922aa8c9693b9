package io.quantarch.cli;

import io.quantarch.reports.csv.CsvTable;
import io.quantarch.cli.run.RunDirectory;
import io.quantarch.config.ConfigException;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.quality.QualityEvaluator;
import io.quantarch.workloads.quality.QualityReport;
import io.quantarch.workloads.quality.RealModel;
import io.quantarch.workloads.quality.StandardPolicies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code quantarch sweep}: the standard quantization table on the real models (README). */
@Command(name = "sweep", sortOptions = false,
        description = {"Quality of the real models under the standard quantization points (INT8, W4 g128 RTN/GPTQ, W4A8,",
                "FP8, MXFP4, MXINT8, NVFP4, ternary, SmoothQuant, Hadamard, KV4). Writes sweep.csv and sweep.md."})
final class SweepCommand implements Callable<Integer> {

    @Option(names = "--models", split = ",", defaultValue = "stories260k,mnist_cnn", paramLabel = "NAME[,NAME]",
            description = "Real models (default: stories260k,mnist_cnn).")
    List<String> models;

    @Option(names = {"--samples", "--eval"}, paramLabel = "N", description = "Evaluation samples per model (default per model: 20 windows, 9000 images).")
    Integer eval;

    @Option(names = "--out", paramLabel = "DIR", description = "Result directory (default results/sweep-<timestamp>).")
    Path out;

    private final Main.Io io;

    SweepCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws ConfigException, IOException {
        List<RealModel> ms = new ArrayList<>();
        for (String n : models) {
            ms.add(QualityCommand.model(n));
        }
        List<QuantPolicy> policies = StandardPolicies.table();
        try (RunDirectory dir = out == null ? RunDirectory.timestamped("sweep") : RunDirectory.at(out)) {
            List<QualityReport> reports = new ArrayList<>();
            int done = 0;
            int total = ms.size() * policies.size();
            long t0 = System.nanoTime();
            for (RealModel m : ms) {
                int n = QualityCommand.samples(m, eval, m.defaultEvalSamples(), m.maxEvalSamples(), "--eval");
                for (QuantPolicy p : policies) {
                    QualityReport r = QualityEvaluator.evaluate(m, p, n, m.defaultCalibrationSamples());
                    reports.add(r);
                    done++;
                    double elapsed = (System.nanoTime() - t0) / 1e9;
                    io.err().println(String.format(Locale.ROOT, "[%d/%d] %-11s %-46s %s %.4f (loss %+.4f)  %.0fs elapsed, ~%.0fs left",
                            done, total, m.name(), p.name(), r.metric(), r.value(), r.loss(), elapsed, elapsed / done * (total - done)));
                }
            }
            QualityCommand.write(dir.work(), reports);
            try (CsvTable t = CsvTable.create(dir.work().resolve("sweep.csv"), List.of("model", "policy", "weights", "inputs", "kv_cache",
                    "ptq", "metric", "value", "fp32_value", "quality_loss", "eval_samples"))) {
                for (QualityReport r : reports) {
                    var first = r.layers().get(0);
                    String kv = policies.stream().filter(p -> p.name().equals(r.policy())).findFirst().orElseThrow().defaults().kvCache().label();
                    t.row(r.model(), r.policy(), first.weights(), first.inputs(), kv, first.ptq(), r.metric(), r.value(), r.fp32Value(), r.loss(), r.evalSamples());
                }
            }
            Files.writeString(dir.work().resolve("sweep.md"), markdown(ms, policies, reports), StandardCharsets.UTF_8);
            Path d = dir.commit();
            io.out().print(markdown(ms, policies, reports));
            io.out().println("Results: " + d);
        }
        return 0;
    }

    static String markdown(List<RealModel> ms, List<QuantPolicy> policies, List<QualityReport> reports) {
        StringBuilder sb = new StringBuilder("| policy |");
        for (RealModel m : ms) {
            sb.append(' ').append(m.name()).append(' ').append(m.metric()).append(" |");
        }
        sb.append("\n|---|");
        sb.append("---|".repeat(ms.size())).append('\n');
        for (QuantPolicy p : policies) {
            sb.append("| ").append(p.name()).append(" |");
            for (RealModel m : ms) {
                QualityReport r = reports.stream().filter(x -> x.model().equals(m.name()) && x.policy().equals(p.name())).findFirst().orElseThrow();
                boolean kvOnly = !p.defaults().weights().quantized() && !p.defaults().inputs().quantized() && p.defaults().kvCache().quantized();
                if (kvOnly && m.kvLayers().isEmpty()) {
                    sb.append(" n/a (no KV cache) |");
                    continue;
                }
                sb.append(String.format(Locale.ROOT, m.lowerIsBetter() ? " %.3f |" : " %.2f |", r.value()));
            }
            sb.append('\n');
        }
        for (RealModel m : ms) {
            QualityReport r = reports.stream().filter(x -> x.model().equals(m.name())).findFirst().orElseThrow();
            sb.append("\n").append(m.name()).append(": ").append(r.evalSamples()).append(' ').append(m.sampleUnit())
                    .append(" of the evaluation split; calibration on the disjoint calibration split.");
        }
        return sb.append('\n').toString();
    }
}
