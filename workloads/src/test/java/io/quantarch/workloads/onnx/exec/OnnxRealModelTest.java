package io.quantarch.workloads.onnx.exec;

import io.quantarch.numerics.format.Formats;
import io.quantarch.workloads.model.MnistData;
import io.quantarch.workloads.onnx.OnnxFile;
import io.quantarch.workloads.policy.LayerQuant;
import io.quantarch.workloads.policy.Ptq;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.policy.TensorQuant;
import io.quantarch.workloads.quality.MnistClassifier;
import io.quantarch.workloads.quality.QualityEvaluator;
import io.quantarch.workloads.quality.QualityReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ONNX model zoo's MNIST CNN imported from its .onnx file runs through the built-in models' PTQ pipeline: on the
 * same evaluation images (0..8999) and calibration images (9000..9255) its accuracy under a policy equals the built-in
 * {@code mnist_cnn}'s under the same policy (static per-tensor scales, GPTQ, SmoothQuant, Hadamard rotations), where
 * the two share nothing but the quantization code: the built-in reads its own checkpoint and lowers its own convolutions.
 */
class OnnxRealModelTest {

    static OnnxRealModel onnx;

    @BeforeAll
    static void load() throws Exception {
        Path file = Path.of("src", "test", "resources", "onnx", "models", "mnist_cnn", "model.onnx");
        MnistData d = MnistData.testSet();
        List<List<Value>> eval = IntStream.range(0, MnistData.CALIBRATION_FIRST).mapToObj(i -> image(d, i)).toList();
        List<List<Value>> calib = IntStream.range(MnistData.CALIBRATION_FIRST, MnistData.CALIBRATION_FIRST + 256).mapToObj(i -> image(d, i)).toList();
        onnx = OnnxRealModel.of(file, OnnxFile.read(file), eval, calib, Arrays.copyOf(d.labels(), MnistData.CALIBRATION_FIRST));
    }

    private static List<Value> image(MnistData d, int i) {
        return List.of(Value.floats(new long[] {1, 1, 28, 28}, Arrays.copyOfRange(d.pixels(), i * MnistData.PIXELS, (i + 1) * MnistData.PIXELS)));
    }

    static QuantPolicy policy(String w, String a, Ptq ptq) {
        TensorQuant tw = w.equals("fp32") ? TensorQuant.FP32 : TensorQuant.of(Formats.byName(w));
        TensorQuant ta = a.equals("fp32") ? TensorQuant.FP32 : TensorQuant.of(Formats.byName(a));
        return QuantPolicy.uniform(w + "/" + a, new LayerQuant(tw, ta, TensorQuant.FP32, TensorQuant.FP32, ptq));
    }

    @Test
    void theGraphsLinearNodesAreTheBuiltInModelsLayers() {
        assertEquals(List.of("Convolution28", "Convolution110", "Times212"), onnx.linearLayers());
        MnistClassifier b = MnistClassifier.bundled();
        List<String> builtIn = List.of("conv1", "conv2", "fc");
        for (int k = 0; k < 3; k++) {
            var x = onnx.weight(onnx.linearLayers().get(k));
            var y = b.weight(builtIn.get(k));
            assertEquals(y.rows(), x.rows());
            assertEquals(y.cols(), x.cols());
            assertTrue(Arrays.equals(y.data(), x.data()), "weights in the same [out][c,ky,kx] order: " + builtIn.get(k));
        }
        assertTrue(onnx.checkAgainstReference(200).agrees(), "im2col linear path equals the direct operators");
    }

    /** The W4A8 on the whole evaluation split; the other methods on its first 2,000 images (suite time). */
    @ParameterizedTest(name = "{0} / {1} / {2} on {3} images")
    @CsvSource({
            "int4_sym_g128, int8_sym_tensor, rtn, 9000",  // W4A8: static per-tensor activation scales
            "int4_sym_channel, int4_sym_channel, rtn, 2000",
            "int4_sym_g128, fp32, gptq, 2000",
            "int8_sym_channel, int4_sym_tensor, smoothquant, 2000",
            "int4_sym_channel, int4_sym_channel, hadamard, 2000",
            "fp8_e4m3_channel, fp8_e4m3_tensor, rtn, 2000"})
    void accuracyEqualsTheBuiltInModelsUnderTheSamePolicy(String w, String a, String method, int images) {
        Ptq ptq = switch (method) {
            case "gptq" -> new Ptq(new Ptq.WeightRounding.Gptq(128, false, 0.01), Ptq.Smoothing.NONE, Ptq.Rotation.NONE);
            case "smoothquant" -> new Ptq(Ptq.WeightRounding.RTN, new Ptq.Smoothing.SmoothQuant(0.5), Ptq.Rotation.NONE);
            case "hadamard" -> new Ptq(Ptq.WeightRounding.RTN, Ptq.Smoothing.NONE, Ptq.Rotation.HADAMARD);
            default -> Ptq.RTN;
        };
        QuantPolicy p = policy(w, a, ptq);
        QualityReport builtIn = QualityEvaluator.evaluate(MnistClassifier.bundled(), p, images, 256);
        QualityReport imported = QualityEvaluator.evaluate(onnx, p, images, 256);
        assertEquals(builtIn.fp32Value(), imported.fp32Value(), 1e-9, "FP32 on the same images");
        assertEquals(builtIn.value(), imported.value(), 1e-9, "accuracy % under " + p.name() + " " + method);
        assertTrue(builtIn.value() < builtIn.fp32Value() + 1 && builtIn.value() > 50, "a real accuracy: " + builtIn.value());
    }
}
