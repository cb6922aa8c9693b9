package io.quantarch.workloads.onnx.exec;

import io.quantarch.workloads.onnx.ShapeOps;

import java.util.Arrays;

/** MatMul, Gemm, the normalisations and softmax, in float32 as the ONNX operator specs define them. */
final class Dense {

    private Dense() {
    }

    /** numpy matmul: 1-D operands promoted (and the added dimension dropped), batch dimensions broadcast. */
    static Value matmul(Value a, Value b) {
        long[] as = a.rank() == 1 ? new long[] {1, a.shape()[0]} : a.shape();
        long[] bs = b.rank() == 1 ? new long[] {b.shape()[0], 1} : b.shape();
        int m = (int) as[as.length - 2];
        int k = (int) as[as.length - 1];
        int n = (int) bs[bs.length - 1];
        long[] batch = ShapeOps.broadcast(Arrays.copyOf(as, as.length - 2), Arrays.copyOf(bs, bs.length - 2));
        int[] ia = Elementwise.sourceIndex(Arrays.copyOf(as, as.length - 2), batch);
        int[] ib = Elementwise.sourceIndex(Arrays.copyOf(bs, bs.length - 2), batch);
        float[] fa = a.asFloats();
        float[] fb = b.asFloats();
        float[] out = new float[ia.length * m * n];
        for (int t = 0; t < ia.length; t++) {
            int ao = ia[t] * m * k;
            int bo = ib[t] * k * n;
            int oo = t * m * n;
            for (int r = 0; r < m; r++) {
                // each output sums its k terms in q order, as a dot per output would; a row of B per step keeps loads contiguous
                int orow = oo + r * n;
                for (int q = 0; q < k; q++) {
                    float av = fa[ao + r * k + q];
                    int brow = bo + q * n;
                    for (int c = 0; c < n; c++) {
                        out[orow + c] += av * fb[brow + c];
                    }
                }
            }
        }
        long[] shape = Arrays.copyOf(batch, batch.length + 2);
        shape[batch.length] = m;
        shape[batch.length + 1] = n;
        if (b.rank() == 1) {
            shape = Arrays.copyOf(shape, shape.length - 1);
        }
        if (a.rank() == 1) {
            long[] s = new long[shape.length - 1];
            System.arraycopy(shape, 0, s, 0, s.length - (b.rank() == 1 ? 0 : 1));
            if (b.rank() != 1) {
                s[s.length - 1] = n;
            }
            shape = s;
        }
        return Value.floats(shape, out);
    }

    static Value gemm(Value a, Value b, Value c, double alpha, double beta, boolean ta, boolean tb) {
        int m = (int) (ta ? a.shape()[1] : a.shape()[0]);
        int k = (int) (ta ? a.shape()[0] : a.shape()[1]);
        int n = (int) (tb ? b.shape()[0] : b.shape()[1]);
        float[] fa = a.asFloats();
        float[] fb = b.asFloats();
        long[] shape = {m, n};
        int[] ic = c == null ? null : Elementwise.sourceIndex(c.shape(), shape);
        float[] fc = c == null ? null : c.asFloats();
        float[] out = new float[m * n];
        for (int r = 0; r < m; r++) {
            for (int col = 0; col < n; col++) {
                float acc = 0f;
                for (int q = 0; q < k; q++) {
                    acc += fa[ta ? q * m + r : r * k + q] * fb[tb ? col * k + q : q * n + col];
                }
                float v = (float) (alpha * acc);
                out[r * n + col] = c == null ? v : (float) (v + beta * fc[ic[r * n + col]]);
            }
        }
        return Value.floats(shape, out);
    }

    /** Softmax over {@code axis} (opset >= 13), or over the flattened dimensions from {@code axis} on (opset < 13). */
    static Value softmax(Value x, long axisAttr, boolean legacy, boolean log) {
        long[] s = x.shape();
        int axis = ShapeOps.axis(axisAttr, s.length);
        int outer = Shapes.span(s, 0, axis);
        int len = legacy ? Shapes.span(s, axis, s.length) : (int) s[axis];
        int inner = legacy ? 1 : Shapes.span(s, axis + 1, s.length);
        float[] in = x.asFloats();
        float[] out = new float[in.length];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * len * inner + i;
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < len; j++) {
                    max = Math.max(max, in[base + j * inner]);
                }
                double sum = 0;
                for (int j = 0; j < len; j++) {
                    sum += Math.exp(in[base + j * inner] - max);
                }
                for (int j = 0; j < len; j++) {
                    double e = in[base + j * inner] - max;
                    out[base + j * inner] = (float) (log ? e - Math.log(sum) : Math.exp(e) / sum);
                }
            }
        }
        return Value.floats(s, out);
    }

    /** Normalisation over the trailing dimensions from {@code axis}: layer norm (mean removed) or RMS norm. */
    static Value normalize(Value x, Value scale, Value bias, long axisAttr, double eps, boolean rms) {
        return normalize(x, scale, bias, axisAttr, eps, rms, new Value[2]);
    }

    /** As above; {@code stats} receives the mean and the inverse standard deviation (the normalised dims kept as 1). */
    static Value normalize(Value x, Value scale, Value bias, long axisAttr, double eps, boolean rms, Value[] stats) {
        long[] s = x.shape();
        int axis = ShapeOps.axis(axisAttr, s.length);
        int outer = Shapes.span(s, 0, axis);
        int len = Shapes.span(s, axis, s.length);
        float[] in = x.asFloats();
        float[] out = new float[in.length];
        int[] is = Elementwise.sourceIndex(scale.shape(), Arrays.copyOfRange(s, axis, s.length));
        int[] ib = bias == null ? null : Elementwise.sourceIndex(bias.shape(), Arrays.copyOfRange(s, axis, s.length));
        float[] means = new float[outer];
        float[] invs = new float[outer];
        for (int o = 0; o < outer; o++) {
            double mean = 0;
            if (!rms) {
                for (int j = 0; j < len; j++) {
                    mean += in[o * len + j];
                }
                mean /= len;
            }
            double var = 0;
            for (int j = 0; j < len; j++) {
                double d = in[o * len + j] - mean;
                var += d * d;
            }
            double inv = 1.0 / Math.sqrt(var / len + eps);
            means[o] = (float) mean;
            invs[o] = (float) inv;
            for (int j = 0; j < len; j++) {
                double v = (in[o * len + j] - mean) * inv * scale.get(is[j]);
                out[o * len + j] = (float) (bias == null ? v : v + bias.get(ib[j]));
            }
        }
        long[] reduced = s.clone();
        Arrays.fill(reduced, axis, s.length, 1);
        stats[0] = Value.floats(reduced, means);
        stats[1] = Value.floats(reduced, invs);
        return Value.floats(s, out);
    }

    /** Instance normalisation: each (batch, channel) plane normalised over its spatial elements, then scaled and shifted. */
    static Value instanceNorm(Value x, Value scale, Value bias, double eps) {
        long[] s = x.shape();
        int c = (int) s[1];
        int plane = Shapes.span(s, 2, s.length);
        float[] in = x.asFloats();
        float[] out = new float[in.length];
        for (int p = 0; p < in.length / plane; p++) {
            double mean = 0;
            for (int j = 0; j < plane; j++) {
                mean += in[p * plane + j];
            }
            mean /= plane;
            double var = 0;
            for (int j = 0; j < plane; j++) {
                double d = in[p * plane + j] - mean;
                var += d * d;
            }
            double inv = 1.0 / Math.sqrt(var / plane + eps);
            int ch = p % c;
            for (int j = 0; j < plane; j++) {
                out[p * plane + j] = (float) ((in[p * plane + j] - mean) * inv * scale.get(ch) + bias.get(ch));
            }
        }
        return Value.floats(s, out);
    }

    /** Inference batch normalisation over channels (dimension 1). */
    static Value batchNorm(Value x, Value scale, Value bias, Value mean, Value var, double eps) {
        long[] s = x.shape();
        int c = (int) s[1];
        int inner = Shapes.span(s, 2, s.length);
        float[] in = x.asFloats();
        float[] out = new float[in.length];
        double[] sd = new double[c];
        for (int ch = 0; ch < c; ch++) {
            sd[ch] = Math.sqrt(var.get(ch) + eps);                 // once per channel: the same value every element used
        }
        for (int e = 0; e < in.length; e++) {
            int ch = (e / inner) % c;
            out[e] = (float) ((in[e] - mean.get(ch)) / sd[ch] * scale.get(ch) + bias.get(ch));
        }
        return Value.floats(s, out);
    }

    /** Local response normalisation across channels (LRN spec: size, alpha, beta, bias). */
    static Value lrn(Value x, int size, double alpha, double beta, double bias) {
        long[] s = x.shape();
        int c = (int) s[1];
        int inner = Shapes.span(s, 2, s.length);
        float[] in = x.asFloats();
        float[] out = new float[in.length];
        int lo = (size - 1) / 2;
        int hi = (int) Math.ceil((size - 1) / 2.0);
        for (int e = 0; e < in.length; e++) {
            int ch = (e / inner) % c;
            int base = e - ch * inner;
            double sq = 0;
            for (int j = Math.max(0, ch - lo); j <= Math.min(c - 1, ch + hi); j++) {
                double v = in[base + j * inner];
                sq += v * v;
            }
            out[e] = (float) (in[e] / Math.pow(bias + alpha / size * sq, beta));
        }
        return Value.floats(s, out);
    }
}
