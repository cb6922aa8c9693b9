package io.quantarch.cli;

import io.quantarch.cli.run.RunDirectory;
import io.quantarch.config.ConfigException;
import io.quantarch.workloads.onnx.exec.OnnxRealModel;
import io.quantarch.workloads.policy.PolicyYaml;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.quality.ModelQuantizer;
import io.quantarch.workloads.quality.QualityEvaluator;
import io.quantarch.workloads.quality.QualityReport;
import io.quantarch.reports.csv.CsvTable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code quality --model M.onnx --inputs DIR [--labels FILE] [--calibration-inputs DIR]}: a user's model under a policy
 * through the built-in models' PTQ pipeline (static scales calibrated on the calibration samples, GPTQ, SmoothQuant,
 * rotations), against its own FP32 run.
 */
final class OnnxQualityRun {

    private OnnxQualityRun() {
    }

    record Options(Path model, Path policy, Path inputs, Path labels, Path calibrationInputs, Integer calibration, Path out) { }

    static int run(Main.Io io, Options o) throws ConfigException, IOException {
        if (o.inputs() == null) {
            throw new ConfigException("--inputs", null, "a directory of input_N.pb files for the .onnx model", "none");
        }
        QuantPolicy p = o.policy() == null ? QuantPolicy.FP32 : PolicyYaml.read(o.policy());
        OnnxRealModel rm = OnnxRealModel.load(o.model(), o.inputs(), o.labels(), o.calibrationInputs());
        int calibSize = rm.calibrationSamples();
        if (o.calibration() != null && (o.calibration() < 1 || o.calibration() > calibSize)) {
            throw new ConfigException("--calibration", null, "1.." + calibSize + " (the samples under --calibration-inputs)", String.valueOf(o.calibration()));
        }
        int evalSize = rm.maxEvalSamples();
        try {
            p.validateAgainst(o.model().getFileName().toString(), rm.policyLayers());
        } catch (IllegalArgumentException e) {
            throw ConfigException.of(o.policy().toString(), e.getMessage());
        }
        rm.requireCalibrationFor(p, "--calibration-inputs");
        int c = o.calibration() == null ? calibSize : o.calibration();
        try (RunDirectory dir = o.out() == null ? RunDirectory.timestamped("quality") : RunDirectory.at(o.out())) {
            io.err().println("quality: " + o.model().getFileName() + " under '" + p.name() + "', " + evalSize + " sample(s), "
                    + (c == 0 ? "no calibration samples (activation scales dynamic)" : c + " calibration sample(s)") + "...");
            ModelQuantizer.Build b = ModelQuantizer.build(rm, p, c);
            QualityReport r = QualityEvaluator.report(rm, p, b, evalSize);
            double[] as = rm.agreementAndSqnr(b.execution(), evalSize);
            try (CsvTable t = CsvTable.create(dir.work().resolve("quality.csv"), List.of("model", "policy", "metric", "value", "fp32_value",
                    "quality_loss", "eval_samples", "sample_unit"))) {
                t.row(r.model(), r.policy(), r.metric(), r.value(), r.fp32Value(), r.loss(), r.evalSamples(), r.sampleUnit());
                t.row(r.model(), r.policy(), "top1_agreement", as[0], 1.0, 1.0 - as[0], r.evalSamples(), r.sampleUnit());
                t.row(r.model(), r.policy(), "output_sqnr_db", as[1], "", "", r.evalSamples(), r.sampleUnit());
            }
            QualityCommand.writeLayers(dir.work().resolve("layers.csv"), r);
            Path done = dir.commit();
            io.out().println(String.format(Locale.ROOT, "%s under %s: %s %.4f (FP32 %.4f, loss %+.4f); top-1 agreement with FP32 %.4f, "
                            + "output SQNR %.2f dB on %d sample(s); %d of %d matrix nodes through the PTQ pipeline",
                    r.model(), p.name(), r.metric(), r.value(), r.fp32Value(), r.loss(), as[0], as[1], evalSize,
                    rm.linearLayers().size(), rm.policyLayers().size()));
            io.out().println("Results: " + done);
        }
        return 0;
    }
}
