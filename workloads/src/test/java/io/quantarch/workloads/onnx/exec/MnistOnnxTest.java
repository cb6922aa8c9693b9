package io.quantarch.workloads.onnx.exec;

import io.quantarch.workloads.model.MnistCnnCheckpoint;
import io.quantarch.workloads.model.MnistCnnModel;
import io.quantarch.workloads.model.MnistData;
import io.quantarch.workloads.onnx.OnnxFile;
import io.quantarch.workloads.onnx.proto.Onnx;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ONNX model zoo's MNIST CNN imported from its .onnx file and executed over all 10,000 MNIST test images: 98.91%
 * top-1 (the published figure, and onnxruntime's), and every prediction equal to quantarch's built-in mnist_cnn
 * (which runs the same network from its own checkpoint reader).
 */
class MnistOnnxTest {

    @Test
    void allTestImagesGiveTheBuiltInModelsPredictions() throws Exception {
        Path file = Path.of("src", "test", "resources", "onnx", "models", "mnist_cnn", "model.onnx");
        Onnx.Model m = OnnxFile.read(file);
        Executor ex = new Executor(file, m);
        MnistData data = MnistData.testSet();
        MnistCnnModel builtIn = MnistCnnModel.fp32(MnistCnnCheckpoint.bundled());
        int[] onnx = IntStream.range(0, data.count()).parallel().map(i -> {
            float[] img = Arrays.copyOfRange(data.pixels(), i * MnistData.PIXELS, (i + 1) * MnistData.PIXELS);
            try {
                Value out = ex.run(List.of(Value.floats(new long[] {1, 1, 28, 28}, img))).get(0);
                int best = 0;
                for (int k = 1; k < out.size(); k++) {
                    best = out.get(k) > out.get(best) ? k : best;
                }
                return best;
            } catch (io.quantarch.config.ConfigException e) {
                throw new IllegalStateException(e);
            }
        }).toArray();
        int correct = 0;
        int equal = 0;
        for (int i = 0; i < data.count(); i++) {
            correct += onnx[i] == data.labels()[i] ? 1 : 0;
            equal += onnx[i] == builtIn.predict(data.pixels(), i * MnistData.PIXELS) ? 1 : 0;
        }
        assertEquals(10_000, data.count());
        assertEquals(9891, correct, "98.91% top-1");
        assertEquals(10_000, equal, "every prediction equals the built-in model's");
    }
}
