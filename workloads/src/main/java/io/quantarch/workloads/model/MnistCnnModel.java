package io.quantarch.workloads.model;

import io.quantarch.workloads.tensor.ActivationObserver;
import io.quantarch.workloads.tensor.Linear;
import io.quantarch.workloads.tensor.LinearKernel;

import java.util.Map;

/**
 * The MNIST CNN forward pass exactly as its ONNX graph computes it: conv 5x5 pad 2 (1 -> 8) + bias + ReLU,
 * max-pool 2x2/2, conv 5x5 pad 2 (8 -> 16) + bias + ReLU, max-pool 3x3/3 (rows and columns 12, 13 dropped),
 * flatten C,H,W, fc 256 -> 10. Convolutions run as im2col GEMMs through {@link Linear}, so each layer's
 * weights and inputs are quantized exactly as the policy says.
 */
public final class MnistCnnModel {

    /** The three layers, in order; what any kernel map must name. */
    public static final java.util.List<String> LAYERS = java.util.List.of("conv1", "conv2", "fc");

    private final LinearKernel conv1;
    private final LinearKernel conv2;
    private final LinearKernel fc;

    public MnistCnnModel(Map<String, ? extends LinearKernel> layers) {
        this.conv1 = layers.get("conv1");
        this.conv2 = layers.get("conv2");
        this.fc = layers.get("fc");
    }

    public static MnistCnnModel fp32(MnistCnnCheckpoint ckpt) {
        return new MnistCnnModel(Map.of(
                "conv1", Linear.fp32("conv1", ckpt.weights().get("conv1"), ckpt.bias("conv1")),
                "conv2", Linear.fp32("conv2", ckpt.weights().get("conv2"), ckpt.bias("conv2")),
                "fc", Linear.fp32("fc", ckpt.weights().get("fc"), ckpt.bias("fc"))));
    }

    /** Logits [10] for one 28 x 28 image (raw 0..255 pixels starting at {@code pixels[offset]}). */
    public float[] logits(float[] pixels, int offset, ActivationObserver obs) {
        float[] image = new float[28 * 28];
        System.arraycopy(pixels, offset, image, 0, image.length);
        float[] a = conv(conv1, image, 1, 28, obs);          // [8][28][28]
        relu(a);
        float[] p = maxPool(a, 8, 28, 2);                    // [8][14][14]
        float[] b = conv(conv2, p, 8, 14, obs);              // [16][14][14]
        relu(b);
        float[] q = maxPool(b, 16, 14, 3);                   // [16][4][4]
        return fc.forward(q, 1, obs);
    }

    public int predict(float[] pixels, int offset) {
        float[] l = logits(pixels, offset, ActivationObserver.NONE);
        int best = 0;
        for (int i = 1; i < l.length; i++) {
            if (l[i] > l[best]) {
                best = i;
            }
        }
        return best;
    }

    /** 5x5 convolution with padding 2 and stride 1 as im2col: [H*W][C*25] times [out][C*25]^T, returned CHW. */
    private static float[] conv(LinearKernel layer, float[] in, int channels, int size, ActivationObserver obs) {
        int k = 5;
        int pad = 2;
        int cols = channels * k * k;
        int pixels = size * size;
        float[] patches = new float[pixels * cols];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int row = (y * size + x) * cols;
                for (int c = 0; c < channels; c++) {
                    for (int ky = 0; ky < k; ky++) {
                        int iy = y + ky - pad;
                        for (int kx = 0; kx < k; kx++) {
                            int ix = x + kx - pad;
                            float v = (iy < 0 || iy >= size || ix < 0 || ix >= size) ? 0f : in[(c * size + iy) * size + ix];
                            patches[row + (c * k + ky) * k + kx] = v;
                        }
                    }
                }
            }
        }
        float[] out = layer.forward(patches, pixels, obs);   // [pixels][outC]
        int outC = layer.out();
        float[] chw = new float[outC * pixels];
        for (int p = 0; p < pixels; p++) {
            for (int o = 0; o < outC; o++) {
                chw[o * pixels + p] = out[p * outC + o];
            }
        }
        return chw;
    }

    private static void relu(float[] a) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0) {
                a[i] = 0;
            }
        }
    }

    /** Max pooling with window = stride = {@code w}, no padding (partial windows dropped). */
    private static float[] maxPool(float[] a, int channels, int size, int w) {
        int out = size / w;
        float[] r = new float[channels * out * out];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < out; y++) {
                for (int x = 0; x < out; x++) {
                    float m = Float.NEGATIVE_INFINITY;
                    for (int dy = 0; dy < w; dy++) {
                        for (int dx = 0; dx < w; dx++) {
                            m = Math.max(m, a[(c * size + y * w + dy) * size + x * w + dx]);
                        }
                    }
                    r[(c * out + y) * out + x] = m;
                }
            }
        }
        return r;
    }
}
