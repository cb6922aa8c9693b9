package io.quantarch.cli;

import io.quantarch.reports.csv.CsvTable;
import io.quantarch.cli.run.RunDirectory;
import io.quantarch.numerics.format.Formats;
import io.quantarch.numerics.format.UnknownFormatException;
import io.quantarch.config.ConfigException;
import io.quantarch.workloads.policy.TensorQuant;
import io.quantarch.workloads.quality.RealModel;
import io.quantarch.workloads.quality.Sensitivity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code quantarch sensitivity}: per-layer quality when one layer's tensor is quantized, cached on disk. */
@Command(name = "sensitivity", sortOptions = false,
        description = {"Per-layer sensitivity: quality when only one layer's weights (or inputs, or KV cache) use a format.",
                "Entries are cached under ~/.cache/quantarch (or $QUANTARCH_CACHE) by a content hash. Writes sensitivity.csv."})
final class SensitivityCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "stories260k, mnist_cnn, or an .onnx model (with --inputs).")
    String model;

    @Option(names = "--inputs", paramLabel = "DIR", description = "With an .onnx model: input_N.pb files, or test_data_set_K folders of them.")
    Path inputs;

    @Option(names = "--labels", paramLabel = "FILE", description = "With an .onnx model: one class index per sample, for accuracy.")
    Path labels;

    @Option(names = "--calibration-inputs", paramLabel = "DIR", description = "With an .onnx model: calibration samples for static activation scales.")
    Path calibrationInputs;

    @Option(names = "--formats", required = true, split = ",", paramLabel = "F[,F]", description = "Formats to try on each layer.")
    List<String> formats;

    @Option(names = "--role", defaultValue = "weights", paramLabel = "ROLE", description = "weights (default), inputs or kv_cache.")
    String role;

    @Option(names = {"--samples", "--eval"}, paramLabel = "N", description = "Evaluation samples (default: 4 windows / 2000 images).")
    Integer eval;

    @Option(names = "--out", paramLabel = "DIR", description = "Result directory (default results/sensitivity-<timestamp>).")
    Path out;

    private final Main.Io io;

    SensitivityCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws ConfigException, IOException {
        if (model.toLowerCase(Locale.ROOT).endsWith(".onnx")) {
            return OnnxSensitivityRun.run(io, new OnnxQualityRun.Options(Path.of(model), null, inputs, labels, calibrationInputs, null, out),
                    formats, role);
        }
        if (inputs != null || labels != null || calibrationInputs != null) {
            throw new ConfigException(inputs != null ? "--inputs" : labels != null ? "--labels" : "--calibration-inputs", null, "an .onnx --model",
                    "'" + model + "'");
        }
        RealModel m = QualityCommand.model(model);
        Sensitivity.Role r = switch (role.toLowerCase(Locale.ROOT)) {
            case "weights" -> Sensitivity.Role.WEIGHTS;
            case "inputs" -> Sensitivity.Role.INPUTS;
            case "kv_cache" -> Sensitivity.Role.KV_CACHE;
            default -> throw new ConfigException("--role", null, "weights, inputs or kv_cache", "'" + role + "'");   // open: a command-line word
        };
        List<TensorQuant> fs = formats(formats);
        int n = QualityCommand.samples(m, eval, m.lowerIsBetter() ? 4 : 2000, m.maxEvalSamples(), "--eval");
        List<String> layers = r == Sensitivity.Role.KV_CACHE ? m.kvLayers() : m.linearLayers();
        if (layers.isEmpty()) {
            throw new ConfigException("--role", null, "a role the model has", m.name() + " has no KV cache");
        }
        Sensitivity s = new Sensitivity(m, n, m.defaultCalibrationSamples(), Sensitivity.defaultCacheDir());
        try (RunDirectory dir = out == null ? RunDirectory.timestamped("sensitivity") : RunDirectory.at(out);
             CsvTable t = SensitivityCommand.table(dir)) {
            int k = 0;
            for (String l : layers) {
                for (TensorQuant f : fs) {
                    Sensitivity.Entry e = s.entry(l, r, f);
                    t.row(m.name(), l, r.name().toLowerCase(Locale.ROOT), e.format(), m.metric(), e.quality(), e.fp32(), e.loss(), n, e.cached());
                    io.err().println(String.format(Locale.ROOT, "[%d/%d] %s %s %s: %s %.4f (loss %+.4f)%s", ++k, layers.size() * fs.size(),
                            l, r.name().toLowerCase(Locale.ROOT), e.format(), m.metric(), e.quality(), e.loss(), e.cached() ? " (cached)" : ""));
                }
            }
            t.close();
            Path d = dir.commit();
            io.out().println("Results: " + d.resolve(SensitivityCommand.FILE));
        }
        return 0;
    }

    static final String FILE = "sensitivity.csv";

    /** The result table both sensitivity paths (built-in models, .onnx models) write, one row per layer, format and metric. */
    static CsvTable table(RunDirectory dir) throws java.io.IOException {
        return CsvTable.create(dir.work().resolve(FILE),
                List.of("model", "layer", "role", "format", "metric", "value", "fp32_value", "quality_loss", "eval_samples", "cached"));
    }

    /** The {@code --formats} list as tensor quantizers; an unknown name is bad input with its suggestion. */
    static List<TensorQuant> formats(List<String> names) throws ConfigException {
        List<TensorQuant> fs = new ArrayList<>();
        for (String f : names) {
            try {
                fs.add(TensorQuant.of(Formats.byName(f)));
            } catch (UnknownFormatException e) {
                throw ConfigException.of("--formats", e.getMessage());
            }
        }
        return fs;
    }
}
