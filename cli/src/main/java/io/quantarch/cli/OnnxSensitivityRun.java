package io.quantarch.cli;

import io.quantarch.cli.run.RunDirectory;
import io.quantarch.config.ConfigException;
import io.quantarch.numerics.format.Formats;
import io.quantarch.numerics.format.UnknownFormatException;
import io.quantarch.reports.csv.CsvTable;
import io.quantarch.workloads.onnx.OnnxFile;
import io.quantarch.workloads.onnx.exec.OnnxQuality;
import io.quantarch.workloads.onnx.proto.Onnx;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.policy.TensorQuant;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code sensitivity --model M.onnx --inputs DIR --formats F,...}: each Conv/ConvTranspose/Gemm/MatMul node of a
 * user's model quantized alone (its weights, or its activation input), against the FP32 run on the user's samples.
 */
final class OnnxSensitivityRun {

    private OnnxSensitivityRun() {
    }

    static int run(Main.Io io, Path model, List<String> formats, String role, Path inputs, Path out) throws ConfigException, IOException {
        if (inputs == null) {
            throw new ConfigException("--inputs", null, "a directory of input_N.pb files for the .onnx model", "none");
        }
        boolean weights = switch (role.toLowerCase(Locale.ROOT)) {
            case "weights" -> true;
            case "inputs" -> false;
            default -> throw new ConfigException("--role", null, "weights or inputs (for an .onnx model)", "'" + role + "'");   // open: a word
        };
        List<TensorQuant> fs = new ArrayList<>();
        for (String f : formats) {
            try {
                fs.add(TensorQuant.of(Formats.byName(f)));
            } catch (UnknownFormatException e) {
                throw ConfigException.of("--formats", e.getMessage());
            }
        }
        Onnx.Model m = OnnxFile.read(model);
        List<String> layers = m.getGraph().getNodeList().stream().filter(n -> Set.of("Conv", "ConvTranspose", "Gemm", "MatMul").contains(n.getOpType()))
                .map(n -> n.getName().isEmpty() ? n.getOutput(0) : n.getName()).toList();
        List<Path> samples = OnnxQuality.samples(inputs);
        String name = model.getFileName().toString();
        try (RunDirectory dir = out == null ? RunDirectory.timestamped("sensitivity") : RunDirectory.at(out);
             CsvTable t = CsvTable.create(dir.work().resolve("sensitivity.csv"),
                     List.of("model", "layer", "role", "format", "metric", "value", "fp32_value", "quality_loss", "eval_samples", "cached"))) {
            int k = 0;
            for (String l : layers) {
                for (TensorQuant f : fs) {
                    Optional<TensorQuant> q = Optional.of(f);
                    QuantPolicy p = new QuantPolicy(l + "." + role + "=" + f.label(), QuantPolicy.FP32.defaults(), List.of(new QuantPolicy.Override(l,
                            weights ? q : Optional.empty(), weights ? Optional.empty() : q, Optional.empty(), Optional.empty(), Optional.empty())));
                    OnnxQuality.Result r = OnnxQuality.evaluate(model, p, samples, null);
                    t.row(name, l, role, f.label(), "top1_agreement", r.top1Agreement(), 1.0, 1.0 - r.top1Agreement(), r.samples(), false);
                    t.row(name, l, role, f.label(), "output_sqnr_db", r.outputSqnrDb(), "", "", r.samples(), false);
                    io.err().println(String.format(Locale.ROOT, "[%d/%d] %s %s %s: top-1 agreement %.4f, output SQNR %.2f dB", ++k,
                            layers.size() * fs.size(), l, role, f.label(), r.top1Agreement(), r.outputSqnrDb()));
                }
            }
            t.close();
            Path d = dir.commit();
            io.out().println("Results: " + d.resolve("sensitivity.csv"));
        }
        return 0;
    }
}
