package io.quantarch.cli;

import io.quantarch.cli.run.RunDirectory;
import io.quantarch.config.ConfigException;
import io.quantarch.reports.csv.CsvTable;
import io.quantarch.workloads.onnx.exec.OnnxRealModel;
import io.quantarch.workloads.quality.ModelQuantizer;
import io.quantarch.workloads.quality.QualityEvaluator;
import io.quantarch.workloads.quality.QualityReport;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.policy.TensorQuant;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code sensitivity --model M.onnx --inputs DIR --formats F,...}: each Conv/ConvTranspose/Gemm/MatMul node of a
 * user's model quantized alone (its weights, or its activation input), against the FP32 run on the user's samples.
 */
final class OnnxSensitivityRun {

    private OnnxSensitivityRun() {
    }

    static int run(Main.Io io, OnnxQualityRun.Options o, List<String> formats, String role) throws ConfigException, IOException {
        Path model = o.model();
        Path out = o.out();
        if (o.inputs() == null) {
            throw new ConfigException("--inputs", null, "a directory of input_N.pb files for the .onnx model", "none");
        }
        boolean weights = switch (role.toLowerCase(Locale.ROOT)) {
            case "weights" -> true;
            case "inputs" -> false;
            default -> throw new ConfigException("--role", null, "weights or inputs (for an .onnx model)", "'" + role + "'");   // open: a word
        };
        List<TensorQuant> fs = SensitivityCommand.formats(formats);
        OnnxRealModel rm = OnnxRealModel.load(model, o.inputs(), o.labels(), o.calibrationInputs());
        List<String> layers = rm.policyLayers();
        String name = model.getFileName().toString();
        try (RunDirectory dir = out == null ? RunDirectory.timestamped("sensitivity") : RunDirectory.at(out);
             CsvTable t = SensitivityCommand.table(dir)) {
            int k = 0;
            for (String l : layers) {
                for (TensorQuant f : fs) {
                    Optional<TensorQuant> q = Optional.of(f);
                    QuantPolicy p = new QuantPolicy(l + "." + role + "=" + f.label(), QuantPolicy.FP32.defaults(), List.of(new QuantPolicy.Override(l,
                            weights ? q : Optional.empty(), weights ? Optional.empty() : q, Optional.empty(), Optional.empty(), Optional.empty())));
                    ModelQuantizer.Build b = ModelQuantizer.build(rm, p, rm.calibrationSamples());
                    double[] as = rm.agreementAndSqnr(b.execution(), rm.maxEvalSamples());
                    int n = rm.maxEvalSamples();
                    if (o.labels() != null) {
                        QualityReport qr = QualityEvaluator.report(rm, p, b, n);
                        t.row(name, l, role, f.label(), qr.metric(), qr.value(), qr.fp32Value(), qr.loss(), n, false);
                    }
                    t.row(name, l, role, f.label(), "top1_agreement", as[0], 1.0, 1.0 - as[0], n, false);
                    t.row(name, l, role, f.label(), "output_sqnr_db", as[1], "", "", n, false);
                    io.err().println(String.format(Locale.ROOT, "[%d/%d] %s %s %s: top-1 agreement %.4f, output SQNR %.2f dB", ++k,
                            layers.size() * fs.size(), l, role, f.label(), as[0], as[1]));
                }
            }
            t.close();
            Path d = dir.commit();
            io.out().println("Results: " + d.resolve(SensitivityCommand.FILE));
        }
        return 0;
    }
}
