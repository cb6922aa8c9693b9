package io.quantarch.cli;

import io.quantarch.reports.csv.CsvTable;
import io.quantarch.cli.run.RunDirectory;
import io.quantarch.config.ConfigException;
import io.quantarch.workloads.policy.PolicyYaml;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.quality.QualityEvaluator;
import io.quantarch.workloads.quality.QualityReport;
import io.quantarch.workloads.quality.RealModel;
import io.quantarch.workloads.quality.RealModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code quantarch quality}: a real model's quality under a quantization policy, with per-layer SQNR. */
@Command(name = "quality", sortOptions = false,
        description = {"Measure a real model's quality under a quantization policy (functional execution).",
                "Writes DIR/quality.csv (one row) and DIR/layers.csv (per-layer formats and SQNR)."})
final class QualityCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "stories260k, mnist_cnn, or an .onnx model (with --inputs).")
    String model;

    @Option(names = "--inputs", paramLabel = "DIR", description = "With an .onnx model: input_N.pb files, or test_data_set_K folders of them.")
    Path inputs;

    @Option(names = "--labels", paramLabel = "FILE", description = "With an .onnx model: one class index per sample (a line each), for accuracy.")
    Path labels;

    @Option(names = "--calibration-inputs", paramLabel = "DIR",
            description = "With an .onnx model: calibration samples (as --inputs) for static activation scales, GPTQ and SmoothQuant.")
    Path calibrationInputs;

    @Option(names = "--policy", paramLabel = "POLICY.yaml", description = "Quantization policy (default: FP32).")
    Path policy;

    @Option(names = {"--samples", "--eval"}, paramLabel = "N", description = "Evaluation samples (windows of 512 tokens, or images); default per model.")
    Integer eval;

    @Option(names = "--calibration", paramLabel = "N", description = "Calibration samples from the disjoint calibration split.")
    Integer calibration;

    @Option(names = "--out", paramLabel = "DIR", description = "Result directory (default results/quality-<timestamp>).")
    Path out;

    private final Main.Io io;

    QualityCommand(Main.Io io) {
        this.io = io;
    }

    static RealModel model(String name) throws ConfigException {
        try {
            return RealModels.byName(name);
        } catch (IllegalArgumentException e) {
            throw ConfigException.of("--model", e.getMessage());
        }
    }

    static int samples(RealModel m, Integer requested, int def, int max, String option) throws ConfigException {
        int n = requested == null ? def : requested;
        if (n < 1 || n > max) {
            throw new ConfigException(option, null, "1.." + max + " " + m.sampleUnit() + " for " + m.name(), String.valueOf(n));
        }
        return n;
    }

    @Override
    public Integer call() throws ConfigException, IOException {
        if (model.toLowerCase(Locale.ROOT).endsWith(".onnx")) {
            return OnnxQualityRun.run(io, new OnnxQualityRun.Options(Path.of(model), policy, inputs, labels, calibrationInputs, calibration, out));
        }
        if (inputs != null || labels != null || calibrationInputs != null) {
            throw new ConfigException(inputs != null ? "--inputs" : labels != null ? "--labels" : "--calibration-inputs", null, "an .onnx --model",
                    "'" + model + "'");
        }
        RealModel m = model(model);
        QuantPolicy p = policy == null ? QuantPolicy.FP32 : PolicyYaml.read(policy);
        try {
            p.validateAgainst(m.name(), m.policyLayers());
        } catch (IllegalArgumentException e) {
            throw ConfigException.of(policy.toString(), e.getMessage());
        }
        int n = samples(m, eval, m.defaultEvalSamples(), m.maxEvalSamples(), "--eval");
        int c = samples(m, calibration, m.defaultCalibrationSamples(), 100_000, "--calibration");
        try (RunDirectory dir = out == null ? RunDirectory.timestamped("quality") : RunDirectory.at(out)) {
            io.err().println("quality: " + m.name() + " under '" + p.name() + "', " + n + " " + m.sampleUnit() + "...");
            QualityReport r = QualityEvaluator.evaluate(m, p, n, c);
            write(dir.work(), List.of(r));
            writeLayers(dir.work().resolve("layers.csv"), r);
            Path done = dir.commit();
            io.out().println(String.format(Locale.ROOT, "%s under %s: %s %.4f (FP32 %.4f, loss %+.4f) on %d %s",
                    m.name(), p.name(), r.metric(), r.value(), r.fp32Value(), r.loss(), n, m.sampleUnit()));
            io.out().println("Results: " + done);
        }
        return 0;
    }

    static void write(Path dir, List<QualityReport> reports) throws IOException {
        try (CsvTable t = CsvTable.create(dir.resolve("quality.csv"), List.of("model", "policy", "metric", "value", "fp32_value",
                "quality_loss", "eval_samples", "sample_unit"))) {
            for (QualityReport r : reports) {
                t.row(r.model(), r.policy(), r.metric(), r.value(), r.fp32Value(), r.loss(), r.evalSamples(), r.sampleUnit());
            }
        }
    }

    static void writeLayers(Path file, QualityReport r) throws IOException {
        try (CsvTable t = CsvTable.create(file, List.of("layer", "weights", "inputs", "ptq", "weight_sqnr_db", "input_sqnr_db"))) {
            for (QualityReport.LayerReport l : r.layers()) {
                t.row(l.layer(), l.weights(), l.inputs(), l.ptq(), l.weightSqnrDb(), l.inputSqnrDb());
            }
        }
    }
}
