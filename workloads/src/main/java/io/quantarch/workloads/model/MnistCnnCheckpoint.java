package io.quantarch.workloads.model;

import io.quantarch.config.ConfigException;
import io.quantarch.workloads.tensor.Matrix;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ONNX-zoo MNIST CNN (data/mnist-cnn/PROVENANCE.md) as raw float32: conv1 [8][1][5][5] + bias,
 * conv2 [16][8][5][5] + bias, fc [256][10] ([in][out], transposed here to [out][in]) + bias. Convolution
 * weights are kept as im2col matrices [out][in x 5 x 5]. Layer names match the {@code mnist_cnn} zoo workload.
 */
public final class MnistCnnCheckpoint {

    private static final int FLOATS = 200 + 8 + 3200 + 16 + 2560 + 10;

    private final Map<String, Matrix> weights;
    private final Map<String, float[]> biases;

    private MnistCnnCheckpoint(Map<String, Matrix> weights, Map<String, float[]> biases) {
        this.weights = weights;
        this.biases = biases;
    }

    public static MnistCnnCheckpoint bundled() {
        try {
            return parse("weights.f32 (bundled)", Resources.bundled("mnist-cnn/weights.f32"));
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    public static MnistCnnCheckpoint parse(String source, byte[] b) throws ConfigException {
        if (b.length != FLOATS * 4) {
            throw new ConfigException(source, "size", (FLOATS * 4) + " bytes (5,994 float32 weights of the ONNX-zoo MNIST CNN)", b.length + " bytes");
        }
        float[] f = Resources.floatsLE(b, 0, FLOATS);
        int o = 0;
        Map<String, Matrix> w = new LinkedHashMap<>();
        Map<String, float[]> bias = new LinkedHashMap<>();
        w.put("conv1", new Matrix(8, 25, java.util.Arrays.copyOfRange(f, o, o += 200)));
        bias.put("conv1", java.util.Arrays.copyOfRange(f, o, o += 8));
        w.put("conv2", new Matrix(16, 200, java.util.Arrays.copyOfRange(f, o, o += 3200)));
        bias.put("conv2", java.util.Arrays.copyOfRange(f, o, o += 16));
        w.put("fc", new Matrix(256, 10, java.util.Arrays.copyOfRange(f, o, o += 2560)).transpose());
        bias.put("fc", java.util.Arrays.copyOfRange(f, o, o + 10));
        for (float v : f) {
            if (!Float.isFinite(v)) {
                throw new ConfigException(source, "values", "finite float32 weights", "NaN or Inf");
            }
        }
        return new MnistCnnCheckpoint(w, bias);
    }

    public Map<String, Matrix> weights() {
        return java.util.Collections.unmodifiableMap(weights);
    }

    public float[] bias(String layer) {
        return biases.get(layer);
    }

    public List<String> layerNames() {
        return List.copyOf(weights.keySet());
    }
}
