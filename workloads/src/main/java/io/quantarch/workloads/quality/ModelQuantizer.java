package io.quantarch.workloads.quality;

import io.quantarch.numerics.format.IntFormat;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.format.ScaledFloat;
import io.quantarch.numerics.metrics.ErrorMetrics;
import io.quantarch.numerics.quant.FixedScaleQuantizer;
import io.quantarch.numerics.quant.Granularity;
import io.quantarch.numerics.quant.QuantOptions;
import io.quantarch.numerics.quant.Segments;
import io.quantarch.workloads.policy.LayerQuant;
import io.quantarch.workloads.policy.Ptq;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.policy.TensorQuant;
import io.quantarch.workloads.ptq.Gptq;
import io.quantarch.workloads.ptq.Rotations;
import io.quantarch.workloads.ptq.SmoothQuantScales;
import io.quantarch.workloads.tensor.ActivationObserver;
import io.quantarch.workloads.tensor.KvQuantizer;
import io.quantarch.workloads.tensor.Linear;
import io.quantarch.workloads.tensor.Matrix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Turns a quantization policy into an executable quantized model, in the order post-training quantization
 * does it:
 * <ol>
 * <li>input transforms: SmoothQuant factors from FP32 calibration activations (shared by layers reading the
 * same activation), then the layer's rotation; folded into the FP32 weights;</li>
 * <li>weights: round-to-nearest, or GPTQ stage by stage, each stage's Hessians taken from calibration inputs of
 * the model whose earlier stages are already quantized;</li>
 * <li>activations: static per-tensor integer and scaled-float formats get ranges calibrated on the calibration
 * split of the weight-quantized model (max, percentile or MSE, as the policy says); every other format is
 * quantized dynamically (per row, group or block as the format defines) at run time. The KV cache likewise,
 * with separate static scales for K and V.</li>
 * </ol>
 * Output (accumulator write-back) quantization is dynamic per row.
 */
public final class ModelQuantizer {

    /** The built model and the SQNR of each quantized weight. */
    public record Build(RealModel.Execution execution, Map<String, Double> weightSqnrDb, Map<String, LayerQuant> layerQuant) { }

    private ModelQuantizer() {
    }

    /** FP32 weights with the input transforms folded in, and the transform each transformed layer's input gets. */
    private record Transformed(Map<String, float[]> effective, Map<String, UnaryOperator<float[]>> transforms) { }

    /** Calibration activations of the layers with static input scales, and K/V samples of the static caches. */
    private record Samples(Map<String, ActivationSample> inputs, Map<String, ActivationSample[]> kv) { }

    public static Build build(RealModel m, QuantPolicy policy, int calibrationSamples) {
        List<String> layers = m.linearLayers();
        Map<String, LayerQuant> lq = new LinkedHashMap<>();
        for (String l : layers) {
            lq.put(l, policy.forLayer(l));
        }
        Transformed t = transforms(m, lq, calibrationSamples);
        Map<String, float[]> quantized = quantizeWeights(m, lq, t, calibrationSamples);
        Map<String, Double> weightSqnr = new LinkedHashMap<>();
        for (String l : layers) {
            if (quantized.containsKey(l)) {
                weightSqnr.put(l, ErrorMetrics.between(t.effective().get(l), quantized.get(l)).sqnrDb());
            }
        }
        Map<String, TensorQuant> kvPolicy = new LinkedHashMap<>();
        for (String a : m.kvLayers()) {
            kvPolicy.put(a, policy.forLayer(a).kvCache());
        }
        Samples samples = calibrate(m, lq, kvPolicy, t, quantized, calibrationSamples);
        Map<String, Linear.ActivationQuantizer> outputQ = new HashMap<>();
        for (String l : layers) {
            if (lq.get(l).outputs() instanceof TensorQuant.Quantized tq) {
                outputQ.put(l, dynamic(tq));
            }
        }
        Map<String, TensorQuant> tables = new HashMap<>();
        for (String tab : m.tables()) {
            tables.put(tab, policy.forLayer(tab).weights());
        }
        RealModel.Execution e = execution(m, t.effective(), quantized, t.transforms(), inputQuantizers(lq, samples),
                kvQuantizers(kvPolicy, samples), outputQ);
        return new Build(new RealModel.Execution(e.linears(), e.kvCache(), tables, policy), weightSqnr, lq);
    }

    /** Step 1: SmoothQuant factors and Hadamard rotations, folded into the FP32 weights. */
    private static Transformed transforms(RealModel m, Map<String, LayerQuant> lq, int calibrationSamples) {
        Map<String, float[]> smooth = smoothingFactors(m, lq, calibrationSamples);
        Map<String, UnaryOperator<float[]>> transforms = new HashMap<>();
        Map<String, float[]> effective = new HashMap<>();
        for (String l : m.linearLayers()) {
            Matrix w = m.weight(l);
            float[] weff = w.data();
            float[] s = smooth.get(l);
            double[] rot = lq.get(l).ptq().rotation() == Ptq.Rotation.HADAMARD ? Rotations.rotation(w.cols()) : null;
            if (s != null) {
                weff = SmoothQuantScales.scaleColumns(weff, w.rows(), w.cols(), s);
            }
            if (rot != null) {
                weff = Rotations.rotateWeight(rot, weff, w.rows(), w.cols());
            }
            effective.put(l, weff);
            if (s != null || rot != null) {
                float[] rotF = rot == null ? null : Rotations.toFloat(rot);
                transforms.put(l, x -> {
                    float[] y = s != null ? SmoothQuantScales.divide(x, s) : x;
                    return rotF != null ? Rotations.apply(rotF, y) : y;
                });
            }
        }
        return new Transformed(effective, transforms);
    }

    /** Step 2: round-to-nearest weights, then GPTQ stage by stage on the model whose earlier stages are quantized. */
    private static Map<String, float[]> quantizeWeights(RealModel m, Map<String, LayerQuant> lq, Transformed t, int calibrationSamples) {
        Map<String, float[]> quantized = new HashMap<>();
        for (String l : m.linearLayers()) {
            LayerQuant q = lq.get(l);
            if (q.weights() instanceof TensorQuant.Quantized tq && q.ptq().rounding() instanceof Ptq.WeightRounding.Rtn) {
                Matrix w = m.weight(l);
                quantized.put(l, tq.format().fakeQuantize(t.effective().get(l), Segments.rows(w.rows(), w.cols()),
                        QuantOptions.DEFAULT.withCalibration(tq.calibration())));
            }
        }
        for (List<String> stage : m.stages()) {
            List<String> gptq = stage.stream().filter(l -> lq.get(l).weights().quantized()
                    && lq.get(l).ptq().rounding() instanceof Ptq.WeightRounding.Gptq).toList();
            if (gptq.isEmpty()) {
                continue;
            }
            HessianCollector h = new HessianCollector(gptq, m);
            m.calibrate(execution(m, t.effective(), quantized, t.transforms(), Map.of(), Map.of()), calibrationSamples, h);
            for (String l : gptq) {
                Matrix w = m.weight(l);
                TensorQuant.Quantized tq = (TensorQuant.Quantized) lq.get(l).weights();
                quantized.put(l, Gptq.quantize(t.effective().get(l), w.rows(), w.cols(), h.hessian(l), h.samples(l), tq.format(),
                        tq.calibration(), (Ptq.WeightRounding.Gptq) lq.get(l).ptq().rounding()));
            }
        }
        return quantized;
    }

    /** Step 3a: calibration activations (and K/V rows) of the weight-quantized model, for the static formats. */
    private static Samples calibrate(RealModel m, Map<String, LayerQuant> lq, Map<String, TensorQuant> kvPolicy, Transformed t,
                                     Map<String, float[]> quantized, int calibrationSamples) {
        Map<String, ActivationSample> samples = new HashMap<>();
        Map<String, ActivationSample[]> kvSamples = new HashMap<>();
        for (String l : m.linearLayers()) {
            if (isStatic(lq.get(l).inputs())) {
                samples.put(l, new ActivationSample());
            }
        }
        kvPolicy.forEach((a, tq) -> {
            if (isStatic(tq)) {
                kvSamples.put(a, new ActivationSample[] {new ActivationSample(), new ActivationSample()});
            }
        });
        if (!samples.isEmpty() || !kvSamples.isEmpty()) {
            Map<String, KvQuantizer> recorders = new HashMap<>();
            kvSamples.forEach((a, s) -> recorders.put(a, (kv, tokens, dim, key) -> {
                s[key ? 0 : 1].add(kv, 0, tokens * dim);
                return kv;
            }));
            ActivationObserver rec = (layer, x, rows, cols) -> {
                ActivationSample s = samples.get(layer);
                if (s != null) {
                    s.add(x, 0, rows * cols);
                }
            };
            m.calibrate(execution(m, t.effective(), quantized, t.transforms(), Map.of(), recorders), calibrationSamples, rec);
        }
        return new Samples(samples, kvSamples);
    }

    /** Step 3b: each layer's input quantizer, static where calibrated, dynamic otherwise. */
    private static Map<String, Linear.ActivationQuantizer> inputQuantizers(Map<String, LayerQuant> lq, Samples samples) {
        Map<String, Linear.ActivationQuantizer> inputQ = new HashMap<>();
        lq.forEach((l, q) -> {
            if (q.inputs() instanceof TensorQuant.Quantized tq) {
                ActivationSample s = samples.inputs().get(l);
                inputQ.put(l, s != null && !s.isEmpty()
                        ? Linear.ActivationQuantizer.fixed(tq.format().fixedScale(s.valuesWithExtremes(), 0, s.valuesWithExtremes().length,
                        QuantOptions.DEFAULT.withCalibration(tq.calibration())))
                        : dynamic(tq));
            }
        });
        return inputQ;
    }

    /** Step 3c: the KV cache's quantizers, with separate static scales for K and V where calibrated. */
    private static Map<String, KvQuantizer> kvQuantizers(Map<String, TensorQuant> kvPolicy, Samples samples) {
        Map<String, KvQuantizer> kv = new HashMap<>();
        kvPolicy.forEach((a, t) -> {
            if (t instanceof TensorQuant.Quantized tq) {
                ActivationSample[] s = samples.kv().get(a);
                if (s != null && !s[0].isEmpty()) {
                    QuantOptions o = QuantOptions.DEFAULT.withCalibration(tq.calibration());
                    float[] ks = s[0].valuesWithExtremes();
                    float[] vs = s[1].valuesWithExtremes();
                    FixedScaleQuantizer kq = tq.format().fixedScale(ks, 0, ks.length, o);
                    FixedScaleQuantizer vq = tq.format().fixedScale(vs, 0, vs.length, o);
                    kv.put(a, (x, tokens, dim, key) -> {
                        float[] y = x.clone();
                        (key ? kq : vq).applyInPlace(y, 0, y.length);
                        return y;
                    });
                } else {
                    Linear.ActivationQuantizer d = dynamic(tq);
                    kv.put(a, (x, tokens, dim, key) -> d.apply(x, tokens, dim));
                }
            }
        });
        return kv;
    }

    /** Static (calibrated) scales apply to per-tensor integer and scaled-float formats. */
    static boolean isStatic(TensorQuant t) {
        if (!(t instanceof TensorQuant.Quantized q)) {
            return false;
        }
        NumberFormat f = q.format();
        return f instanceof IntFormat i && i.granularity() instanceof Granularity.PerTensor
                || f instanceof ScaledFloat s && s.granularity() instanceof Granularity.PerTensor;
    }

    static Linear.ActivationQuantizer dynamic(TensorQuant.Quantized tq) {
        QuantOptions o = QuantOptions.DEFAULT.withCalibration(tq.calibration());
        NumberFormat f = tq.format();
        return (x, rows, cols) -> f.fakeQuantize(x, Segments.rows(rows, cols), o);
    }

    private static RealModel.Execution execution(RealModel m, Map<String, float[]> effective, Map<String, float[]> quantized,
                                                 Map<String, UnaryOperator<float[]>> transforms,
                                                 Map<String, Linear.ActivationQuantizer> inputQ, Map<String, KvQuantizer> kv) {
        return execution(m, effective, quantized, transforms, inputQ, kv, Map.of());
    }

    private static RealModel.Execution execution(RealModel m, Map<String, float[]> effective, Map<String, float[]> quantized,
                                                 Map<String, UnaryOperator<float[]>> transforms,
                                                 Map<String, Linear.ActivationQuantizer> inputQ, Map<String, KvQuantizer> kv,
                                                 Map<String, Linear.ActivationQuantizer> outputQ) {
        Map<String, Linear> lin = new LinkedHashMap<>();
        for (String l : m.linearLayers()) {
            Matrix w = m.weight(l);
            float[] data = quantized.getOrDefault(l, effective.get(l));
            lin.put(l, new Linear(l, new Matrix(w.rows(), w.cols(), data), m.bias(l), transforms.get(l), inputQ.get(l), outputQ.get(l)));
        }
        return new RealModel.Execution(lin, kv);
    }

    /** Per-channel max |X| of the FP32 inputs of layers with SmoothQuant, combined per shared-input group. */
    private static Map<String, float[]> smoothingFactors(RealModel m, Map<String, LayerQuant> lq, int calibrationSamples) {
        Map<String, float[]> out = new HashMap<>();
        List<List<String>> groups = new ArrayList<>();
        for (List<String> g : m.sharedInputs()) {
            if (g.stream().anyMatch(l -> lq.get(l).ptq().smoothing() instanceof Ptq.Smoothing.SmoothQuant)) {
                groups.add(g);
            }
        }
        if (groups.isEmpty()) {
            return out;
        }
        Map<String, float[]> actMax = new HashMap<>();
        ActivationObserver obs = (layer, x, rows, cols) -> {
            float[] mx = actMax.computeIfAbsent(layer, k -> new float[cols]);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    mx[c] = Math.max(mx[c], Math.abs(x[r * cols + c]));
                }
            }
        };
        Map<String, Linear> fp32 = new LinkedHashMap<>();
        for (String l : m.linearLayers()) {
            fp32.put(l, Linear.fp32(l, m.weight(l), m.bias(l)));
        }
        m.calibrate(new RealModel.Execution(fp32, Map.of()), calibrationSamples, obs);
        for (List<String> g : groups) {
            double alpha = g.stream().map(l -> lq.get(l).ptq().smoothing())
                    .filter(s -> s instanceof Ptq.Smoothing.SmoothQuant).map(s -> ((Ptq.Smoothing.SmoothQuant) s).alpha())
                    .findFirst().orElseThrow();
            float[] xmax = actMax.get(g.get(0));
            if (xmax == null) {
                continue;
            }
            float[] s = SmoothQuantScales.compute(xmax, g.stream().map(m::weight).toList(), alpha);
            for (String l : g) {
                if (lq.get(l).ptq().smoothing() instanceof Ptq.Smoothing.SmoothQuant) {
                    out.put(l, s);
                }
            }
        }
        return out;
    }

    /** Sums X^T X of the (transformed) inputs of some layers. */
    private static final class HessianCollector implements ActivationObserver {
        private final Map<String, double[]> h = new HashMap<>();
        private final Map<String, Long> n = new HashMap<>();

        HessianCollector(List<String> layers, RealModel m) {
            for (String l : layers) {
                int in = m.weight(l).cols();
                h.put(l, new double[in * in]);
                n.put(l, 0L);
            }
        }

        @Override
        public void onInput(String layer, float[] x, int rows, int cols) {
            double[] hh = h.get(layer);
            if (hh == null) {
                return;
            }
            for (int r = 0; r < rows; r++) {
                int o = r * cols;
                for (int i = 0; i < cols; i++) {
                    double xi = x[o + i];
                    if (xi == 0) {
                        continue;
                    }
                    int row = i * cols;
                    for (int j = 0; j < cols; j++) {
                        hh[row + j] += xi * x[o + j];
                    }
                }
            }
            n.merge(layer, (long) rows, Long::sum);
        }

        double[] hessian(String l) {
            return h.get(l);
        }

        long samples(String l) {
            return n.get(l);
        }
    }
}
