package io.quantarch.workloads.quality;

import io.quantarch.workloads.policy.LayerQuant;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.tensor.ActivationObserver;
import io.quantarch.workloads.tensor.Linear;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Measures a real model's quality under a policy (functional execution of the quantized model). */
public final class QualityEvaluator {

    /** Per model instance (an imported model's name is only its file name) and evaluation size. */
    private static final Map<RealModel, Map<Integer, Double>> FP32_CACHE = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private QualityEvaluator() {
    }

    /** Quality under {@code policy} on {@code evalSamples} evaluation units, with {@code calibrationSamples} for calibration. */
    public static QualityReport evaluate(RealModel m, QuantPolicy policy, int evalSamples, int calibrationSamples) {
        policy.validateAgainst(m.name(), m.policyLayers());
        return report(m, policy, ModelQuantizer.build(m, policy, calibrationSamples), evalSamples);
    }

    /** Quality of an already quantized model {@code b} (its execution is what runs). */
    public static QualityReport report(RealModel m, QuantPolicy policy, ModelQuantizer.Build b, int evalSamples) {
        SqnrMeter meter = new SqnrMeter();
        double value = m.evaluate(b.execution(), evalSamples, meter);
        double fp32 = fp32(m, evalSamples);
        List<QualityReport.LayerReport> layers = new ArrayList<>();
        for (String l : m.linearLayers()) {
            LayerQuant q = b.layerQuant().get(l);
            layers.add(new QualityReport.LayerReport(l, q.weights().label(), q.inputs().label(), q.ptq().label(),
                    b.weightSqnrDb().getOrDefault(l, Double.NaN), meter.sqnrDb(l)));
        }
        return new QualityReport(m.name(), policy.name(), m.metric(), value, fp32, m.loss(value, fp32), evalSamples, m.sampleUnit(), layers);
    }

    /** FP32 quality on the first {@code evalSamples} evaluation units (memoised per model and size). */
    public static double fp32(RealModel m, int evalSamples) {
        return FP32_CACHE.computeIfAbsent(m, k -> new ConcurrentHashMap<>()).computeIfAbsent(evalSamples, k -> {
            Map<String, Linear> lin = new LinkedHashMap<>();
            for (String l : m.linearLayers()) {
                lin.put(l, Linear.fp32(l, m.weight(l), m.bias(l)));
            }
            return m.evaluate(new RealModel.Execution(lin, Map.of()), evalSamples, ActivationObserver.NONE);
        });
    }
}
