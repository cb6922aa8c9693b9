package io.quantarch.simulator.fpga;

import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.workloads.model.MnistCnnCheckpoint;
import io.quantarch.workloads.model.MnistCnnModel;
import io.quantarch.workloads.model.MnistData;
import io.quantarch.workloads.tensor.ActivationObserver;
import io.quantarch.workloads.tensor.Matrix;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * The real MNIST CNN executed on the dataflow's bit-exact matrix-vector datapaths ({@link ExactMvau}): weights in
 * their format with one scale per output channel, inputs in theirs with a static per-tensor scale calibrated (max |x|
 * of the float32 network) on test images 9000..9999, accuracy on images 0..n-1 (disjoint, as {@code mnist_cnn}'s
 * quality metric uses them).
 */
public final class MnistOnDataflow {

    private final MnistCnnCheckpoint ckpt;
    private final MnistData data;
    private final Map<String, Float> inputMaxAbs;

    public MnistOnDataflow(MnistCnnCheckpoint ckpt, MnistData data, int calibrationImages) {
        this.ckpt = ckpt;
        this.data = data;
        this.inputMaxAbs = calibrate(ckpt, data, calibrationImages);
    }

    public static MnistOnDataflow bundled() {
        return new MnistOnDataflow(MnistCnnCheckpoint.bundled(), MnistData.testSet(), 1000);
    }

    private static Map<String, Float> calibrate(MnistCnnCheckpoint ckpt, MnistData data, int images) {
        Map<String, Float> max = new ConcurrentHashMap<>();
        ActivationObserver obs = (layer, x, rows, cols) -> {
            float m = 0;
            for (float v : x) {
                m = Math.max(m, Math.abs(v));
            }
            float mm = m;
            max.merge(layer, mm, Math::max);
        };
        MnistCnnModel fp32 = MnistCnnModel.fp32(ckpt);
        int n = Math.min(images, data.count() - MnistData.CALIBRATION_FIRST);
        for (int i = 0; i < n; i++) {
            fp32.logits(data.pixels(), (MnistData.CALIBRATION_FIRST + i) * MnistData.PIXELS, obs);
        }
        return Map.copyOf(max);
    }

    /** The datapaths for per-layer (weights, inputs) formats. */
    public Map<String, ExactMvau> kernels(Map<String, NumberFormat> weights, Map<String, NumberFormat> inputs) {
        Map<String, ExactMvau> k = new HashMap<>();
        for (String layer : MnistCnnModel.LAYERS) {
            Matrix w = ckpt.weights().get(layer);
            k.put(layer, new ExactMvau(layer, w.data(), w.rows(), w.cols(), ckpt.bias(layer), weights.get(layer), inputs.get(layer),
                    inputMaxAbs.get(layer)));
        }
        return k;
    }

    /** Top-1 accuracy (%) on images 0..images-1; the count is exact whatever the thread count. */
    public double accuracyPct(Map<String, ExactMvau> kernels, int images) {
        if (images < 1 || images > MnistData.CALIBRATION_FIRST) {
            throw new IllegalArgumentException("evaluate 1.." + MnistData.CALIBRATION_FIRST + " images, asked " + images);
        }
        MnistCnnModel m = new MnistCnnModel(kernels);
        long correct = IntStream.range(0, images).parallel().filter(i -> {
            float[] l = m.logits(data.pixels(), i * MnistData.PIXELS, ActivationObserver.NONE);
            int best = 0;
            for (int c = 1; c < l.length; c++) {
                if (l[c] > l[best]) {
                    best = c;
                }
            }
            return best == data.labels()[i];
        }).count();
        return 100.0 * correct / images;
    }

    /**
     * Quality with resolution: top-1 accuracy (%), the logits' noise-to-signal ratio against the float32 network
     * (sum over images of |z_q - z_fp32|^2 over sum of |z_fp32|^2) and the mean cross-entropy (nats) of the labels. MNIST
     * accuracy is flat across formats above 4 bits; the logit NSR still separates them.
     */
    public record Quality(double accuracyPct, double logitNsr, double nll) { }

    private final Map<Integer, float[][]> fp32Logits = new ConcurrentHashMap<>();

    public Quality quality(Map<String, ExactMvau> kernels, int images) {
        if (images < 1 || images > MnistData.CALIBRATION_FIRST) {
            throw new IllegalArgumentException("evaluate 1.." + MnistData.CALIBRATION_FIRST + " images, asked " + images);
        }
        float[][] ref = fp32Logits.computeIfAbsent(images, n -> {
            MnistCnnModel fp32 = MnistCnnModel.fp32(ckpt);
            return IntStream.range(0, n).parallel().mapToObj(i -> fp32.logits(data.pixels(), i * MnistData.PIXELS, ActivationObserver.NONE))
                    .toArray(float[][]::new);
        });
        MnistCnnModel m = new MnistCnnModel(kernels);
        double[][] per = IntStream.range(0, images).parallel().mapToObj(i -> {
            float[] l = m.logits(data.pixels(), i * MnistData.PIXELS, ActivationObserver.NONE);
            int best = 0;
            double signal = 0;
            double noise = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < l.length; c++) {
                best = l[c] > l[best] ? c : best;
                signal += (double) ref[i][c] * ref[i][c];
                noise += ((double) l[c] - ref[i][c]) * ((double) l[c] - ref[i][c]);
                max = Math.max(max, l[c]);
            }
            double z = 0;
            for (float v : l) {
                z += Math.exp(v - max);
            }
            double nll = max + Math.log(z) - l[data.labels()[i]];               // -log softmax(l)[label]
            return new double[] {best == data.labels()[i] ? 1 : 0, signal, noise, nll};
        }).toArray(double[][]::new);
        double[] t = new double[4];
        for (double[] p : per) {                                                  // in image order: the same sums at any thread count
            for (int k = 0; k < 4; k++) {
                t[k] += p[k];
            }
        }
        return new Quality(100.0 * t[0] / images, t[2] / t[1], t[3] / images);
    }

    /** Quality with the same (weights, inputs) format pair on every layer. */
    public Quality quality(NumberFormat weights, NumberFormat inputs, int images) {
        return quality(uniform(weights, inputs), images);
    }

    /** Same (weights, inputs) format pair on every layer. */
    public double accuracyPct(NumberFormat weights, NumberFormat inputs, int images) {
        return accuracyPct(uniform(weights, inputs), images);
    }

    /** The datapaths with one (weights, inputs) format pair on every layer. */
    private Map<String, ExactMvau> uniform(NumberFormat weights, NumberFormat inputs) {
        Map<String, NumberFormat> w = new HashMap<>();
        Map<String, NumberFormat> a = new HashMap<>();
        for (String l : MnistCnnModel.LAYERS) {
            w.put(l, weights);
            a.put(l, inputs);
        }
        return kernels(w, a);
    }
}
