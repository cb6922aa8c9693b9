package io.quantarch.cli;

import io.quantarch.cli.run.RunDirectory;
import io.quantarch.config.ConfigException;
import io.quantarch.config.Text;
import io.quantarch.workloads.onnx.OnnxFile;
import io.quantarch.workloads.onnx.exec.OnnxQuality;
import io.quantarch.workloads.onnx.proto.Onnx;
import io.quantarch.workloads.policy.PolicyYaml;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.reports.csv.CsvTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code quality --model M.onnx --inputs DIR [--labels FILE]}: a user's model under a policy, against its FP32 run. */
final class OnnxQualityRun {

    private OnnxQualityRun() {
    }

    static int run(Main.Io io, Path model, Path policyFile, Path inputs, Path labelsFile, Path out) throws ConfigException, IOException {
        if (inputs == null) {
            throw new ConfigException("--inputs", null, "a directory of input_N.pb files for the .onnx model", "none");
        }
        Onnx.Model m = OnnxFile.read(model);
        QuantPolicy p = policyFile == null ? QuantPolicy.FP32 : PolicyYaml.read(policyFile);
        List<String> layers = m.getGraph().getNodeList().stream().filter(n -> Set.of("Conv", "ConvTranspose", "Gemm", "MatMul").contains(n.getOpType()))
                .map(n -> n.getName().isEmpty() ? n.getOutput(0) : n.getName()).toList();
        try {
            p.validateAgainst(model.getFileName().toString(), layers);
        } catch (IllegalArgumentException e) {
            throw ConfigException.of(policyFile.toString(), e.getMessage());
        }
        List<Path> samples = OnnxQuality.samples(inputs);
        int[] labels = labelsFile == null ? null : labels(labelsFile, samples.size());
        try (RunDirectory dir = out == null ? RunDirectory.timestamped("quality") : RunDirectory.at(out)) {
            io.err().println("quality: " + model.getFileName() + " under '" + p.name() + "', " + samples.size() + " sample(s)...");
            OnnxQuality.Result r = OnnxQuality.evaluate(model, p, samples, labels);
            try (CsvTable t = CsvTable.create(dir.work().resolve("quality.csv"), List.of("model", "policy", "metric", "value", "fp32_value",
                    "quality_loss", "eval_samples", "sample_unit"))) {
                String name = model.getFileName().toString();
                t.row(name, p.name(), "top1_agreement", r.top1Agreement(), 1.0, 1.0 - r.top1Agreement(), r.samples(), "samples");
                t.row(name, p.name(), "output_sqnr_db", r.outputSqnrDb(), "", "", r.samples(), "samples");
                if (labels != null) {
                    t.row(name, p.name(), "accuracy", r.accuracy(), r.fp32Accuracy(), r.fp32Accuracy() - r.accuracy(), r.samples(), "samples");
                }
            }
            Path done = dir.commit();
            io.out().println(String.format(Locale.ROOT, "%s under %s: top-1 agreement with FP32 %.4f over %d row(s), output SQNR %.2f dB%s on %d sample(s)",
                    model.getFileName(), p.name(), r.top1Agreement(), r.rows(), r.outputSqnrDb(),
                    labels == null ? "" : String.format(Locale.ROOT, ", accuracy %.4f (FP32 %.4f)", r.accuracy(), r.fp32Accuracy()), r.samples()));
            io.out().println("Results: " + done);
        }
        return 0;
    }

    private static int[] labels(Path file, int samples) throws ConfigException, IOException {
        if (!Files.isRegularFile(file)) {
            throw ConfigException.of(file.toString(), "file not found");
        }
        List<String> lines = Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.size() != samples) {
            throw new ConfigException(file, null, samples + " labels (one per sample)", lines.size() + " lines");
        }
        int[] v = new int[samples];
        for (int k = 0; k < samples; k++) {
            try {
                v[k] = Integer.parseInt(lines.get(k));
            } catch (NumberFormatException e) {
                throw new ConfigException(file, "line " + (k + 1), "a class index", "'" + Text.excerpt(lines.get(k)) + "'");
            }
        }
        return v;
    }
}
