package io.quantarch.workloads.quality;

import io.quantarch.numerics.format.Formats;
import io.quantarch.workloads.policy.LayerQuant;
import io.quantarch.workloads.policy.Ptq;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.policy.TensorQuant;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PTQ methods do on the real models what their papers say they do (8 evaluation windows of stories260k,
 * 4 calibration windows from the disjoint split). Measured values are in the messages.
 */
class PtqOnRealModelsTest {

    static final RealModel LM = StoriesLm.bundled();
    static final int WINDOWS = 8;

    static TensorQuant t(String f) {
        return f.equals("fp32") ? TensorQuant.FP32 : TensorQuant.of(Formats.byName(f));
    }

    static QualityReport run(String w, String a, Ptq ptq) {
        QuantPolicy p = QuantPolicy.uniform(w + "/" + a + "/" + ptq.label(), new LayerQuant(t(w), t(a), TensorQuant.FP32, TensorQuant.FP32, ptq));
        return QualityEvaluator.evaluate(LM, p, WINDOWS, LM.defaultCalibrationSamples());
    }

    static Ptq gptq(boolean actOrder) {
        return new Ptq(new Ptq.WeightRounding.Gptq(128, actOrder, 0.01), Ptq.Smoothing.NONE, Ptq.Rotation.NONE);
    }

    @Test
    void fp32PolicyReproducesFp32Exactly() {
        QualityReport r = QualityEvaluator.evaluate(LM, QuantPolicy.FP32, WINDOWS, 1);
        assertEquals(r.fp32Value(), r.value(), 0.0);
        assertEquals(3.4690, r.fp32Value(), 5e-4, "first 8 windows: PROVENANCE mean NLL 1.24386 -> perplexity 3.4690");
    }

    @Test
    void gptqBeatsRoundToNearestAtW4G128() {
        double rtn = run("int4_sym_g128", "fp32", Ptq.RTN).value();
        double g = run("int4_sym_g128", "fp32", gptq(false)).value();
        double ao = run("int4_sym_g128", "fp32", gptq(true)).value();
        assertTrue(g < rtn, "GPTQ " + g + " < RTN " + rtn);
        assertTrue(ao < rtn, "GPTQ act-order " + ao + " < RTN " + rtn);
    }

    @Test
    void smoothQuantRescuesLowBitPerTensorActivations() {
        double plain = run("int8_sym_channel", "int4_sym_tensor", Ptq.RTN).value();
        double smooth = run("int8_sym_channel", "int4_sym_tensor",
                new Ptq(Ptq.WeightRounding.RTN, new Ptq.Smoothing.SmoothQuant(0.5), Ptq.Rotation.NONE)).value();
        assertTrue(smooth < plain / 2, "SmoothQuant " + smooth + " vs " + plain);
    }

    @Test
    void hadamardRotationHelpsW4A4() {
        double plain = run("int4_sym_channel", "int4_sym_channel", Ptq.RTN).value();
        double rotated = run("int4_sym_channel", "int4_sym_channel", new Ptq(Ptq.WeightRounding.RTN, Ptq.Smoothing.NONE, Ptq.Rotation.HADAMARD)).value();
        assertTrue(rotated < plain, "Hadamard " + rotated + " vs " + plain);
    }

    @Test
    void perLayerSqnrIsReportedForEveryQuantizedTensor() {
        QualityReport r = run("int8_sym_channel", "int8_sym_tensor", Ptq.RTN);
        assertEquals(36, r.layers().size());
        for (QualityReport.LayerReport l : r.layers()) {
            assertTrue(l.weightSqnrDb() > 30 && l.weightSqnrDb() < 60, l.toString());
            assertTrue(l.inputSqnrDb() > 15 && l.inputSqnrDb() < 60, l.toString());
        }
        assertTrue(r.loss() > 0 && r.loss() < 0.05, "W8A8 loss " + r.loss());
    }

    @Test
    void kvCacheQuantizationAffectsOnlyAttention() {
        QuantPolicy p = QuantPolicy.uniform("kv4", LayerQuant.FP32.withKvCache(t("int4_asym_g8")));
        QualityReport r = QualityEvaluator.evaluate(LM, p, WINDOWS, 1);
        assertTrue(r.loss() > 0.01, "4-bit KV cache costs perplexity: " + r.value());
        r.layers().forEach(l -> assertTrue(Double.isNaN(l.weightSqnrDb()) && Double.isNaN(l.inputSqnrDb())));
    }
}
