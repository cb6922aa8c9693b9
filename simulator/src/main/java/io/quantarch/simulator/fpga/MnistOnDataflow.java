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

    /** Same (weights, inputs) format pair on every layer. */
    public double accuracyPct(NumberFormat weights, NumberFormat inputs, int images) {
        Map<String, NumberFormat> w = new HashMap<>();
        Map<String, NumberFormat> a = new HashMap<>();
        for (String l : MnistCnnModel.LAYERS) {
            w.put(l, weights);
            a.put(l, inputs);
        }
        return accuracyPct(kernels(w, a), images);
    }
}
