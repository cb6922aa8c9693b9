package io.quantarch.workloads.quality;

import io.quantarch.workloads.model.MnistCnnCheckpoint;
import io.quantarch.workloads.model.MnistCnnModel;
import io.quantarch.workloads.model.MnistData;
import io.quantarch.workloads.tensor.ActivationObserver;
import io.quantarch.workloads.tensor.Matrix;
import io.quantarch.workloads.zoo.Zoo;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The ONNX-zoo MNIST CNN as a real model: top-1 accuracy (%) on MNIST test images 0..8999 (evaluation split),
 * calibrated on images 9000..9999 (disjoint). Layer names match the {@code mnist_cnn} zoo workload.
 */
public final class MnistClassifier implements RealModel {

    public static final String NAME = "mnist_cnn";

    public static final RealModelKind KIND = RealModelKind.of(NAME, "the ONNX model zoo's MNIST CNN on the MNIST test set: top-1 accuracy",
            MnistClassifier::bundled);

    private final MnistCnnCheckpoint ckpt;
    private final MnistData data;

    public MnistClassifier(MnistCnnCheckpoint ckpt, MnistData data) {
        this.ckpt = ckpt;
        this.data = data;
    }

    public static MnistClassifier bundled() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final MnistClassifier INSTANCE = new MnistClassifier(MnistCnnCheckpoint.bundled(), MnistData.testSet());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Every prediction against onnxruntime's on the same images; accuracy 98.91% on all 10,000. */
    @Override
    public ReferenceCheck checkAgainstReference(int samples) {
        int n = samples == 0 ? data.count() : samples;
        if (n < 1 || n > data.count()) {
            throw new IllegalArgumentException("1.." + data.count() + " images, asked " + n);
        }
        MnistCnnModel m = MnistCnnModel.fp32(ckpt);
        byte[] refPred = io.quantarch.workloads.model.Resources.bundled("mnist-cnn/reference_predictions_test.u8");
        int[] pred = IntStream.range(0, n).parallel().map(i -> m.predict(data.pixels(), i * MnistData.PIXELS)).toArray();
        int correct = 0;
        int agree = 0;
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            correct += pred[i] == data.labels()[i] ? 1 : 0;
            agree += pred[i] == (refPred[i] & 0xFF) ? 1 : 0;
            rows.add(List.of(i, data.labels()[i], pred[i], refPred[i] & 0xFF));
        }
        String summary = String.format(java.util.Locale.ROOT, "mnist_cnn FP32: %.2f%% top-1 on %d test images (reference 98.91%% on all "
                + "10000); %d/%d predictions equal the reference", 100.0 * correct / n, n, agree, n);
        return new ReferenceCheck("predictions.csv", List.of("image", "label", "prediction", "reference_prediction"), rows, summary,
                agree == n && (n != 10000 || correct == 9891));
    }

    @Override
    public String metric() {
        return "accuracy_pct";
    }

    @Override
    public boolean lowerIsBetter() {
        return false;
    }

    @Override
    public List<String> linearLayers() {
        return ckpt.layerNames();
    }

    @Override
    public List<String> policyLayers() {
        return Zoo.byName(NAME).layerNames();
    }

    @Override
    public List<String> kvLayers() {
        return List.of();
    }

    @Override
    public List<List<String>> stages() {
        return List.of(List.of("conv1"), List.of("conv2"), List.of("fc"));
    }

    @Override
    public List<List<String>> sharedInputs() {
        return stages();
    }

    @Override
    public Matrix weight(String layer) {
        Matrix m = ckpt.weights().get(layer);
        if (m == null) {
            throw new IllegalArgumentException("mnist_cnn has no layer " + layer);
        }
        return m;
    }

    @Override
    public float[] bias(String layer) {
        return ckpt.bias(layer);
    }

    @Override
    public void calibrate(Execution exec, int samples, ActivationObserver obs) {
        MnistCnnModel m = new MnistCnnModel(exec.linears());
        int n = Math.min(samples, data.count() - MnistData.CALIBRATION_FIRST);
        for (int i = 0; i < n; i++) {
            m.logits(data.pixels(), (MnistData.CALIBRATION_FIRST + i) * MnistData.PIXELS, obs);
        }
    }

    @Override
    public double evaluate(Execution exec, int samples, ActivationObserver obs) {
        if (samples < 1 || samples > maxEvalSamples()) {
            throw new IllegalArgumentException("mnist_cnn evaluates 1.." + maxEvalSamples() + " images, asked " + samples);
        }
        MnistCnnModel m = new MnistCnnModel(exec.linears());
        long correct = IntStream.range(0, samples).parallel().filter(i -> {
            float[] l = m.logits(data.pixels(), i * MnistData.PIXELS, obs);
            int best = 0;
            for (int k = 1; k < l.length; k++) {
                if (l[k] > l[best]) {
                    best = k;
                }
            }
            return best == data.labels()[i];
        }).count();
        return 100.0 * correct / samples;
    }

    @Override
    public int defaultEvalSamples() {
        return MnistData.CALIBRATION_FIRST;
    }

    @Override
    public int defaultCalibrationSamples() {
        return 256;
    }

    @Override
    public int maxEvalSamples() {
        return MnistData.CALIBRATION_FIRST;
    }

    @Override
    public String sampleUnit() {
        return "images";
    }
}
