package io.quantarch.workloads.onnx.exec;

import io.quantarch.workloads.onnx.NodeAttrs;
import io.quantarch.workloads.onnx.proto.Onnx;
import io.quantarch.workloads.tensor.ActivationObserver;
import io.quantarch.workloads.tensor.Linear;
import io.quantarch.workloads.tensor.Matrix;

import java.util.Arrays;
import java.util.List;

/**
 * The nodes of an ONNX graph that run as quantarch {@link Linear} layers (so every PTQ method applies to them): a
 * dense Conv (group 1) as an im2col GEMM, a Gemm with alpha = beta = 1, a MatMul, each with a constant weight. The
 * weight is held as {@code [out][reduction]}, a Conv's reduction in (channel, ky, kx) order as in its OIHW tensor.
 */
final class LinearNodes {

    private LinearNodes() {
    }

    /** A linear node: its weight {@code [out][reduction]}, bias (or null), the tensor it reads, and a Conv's kernel dims. */
    record LinearNode(String name, Onnx.Node node, Matrix weight, float[] bias, String input, long[] kernel) { }

    /** The node as a linear layer, or null when it is not one (a grouped convolution, an activation x activation product). */
    static LinearNode of(Onnx.Node n, String name, List<Value> in, boolean[] constant) {
        if (in.size() < 2 || in.get(0) == null || in.get(1) == null || !constant[1] || !in.get(1).isFloat() || !in.get(0).isFloat()) {
            return null;
        }
        Value w = in.get(1);
        Value c = in.size() > 2 ? in.get(2) : null;
        if (c != null && (!constant[2] || !c.isFloat())) {
            return null;
        }
        NodeAttrs a = new NodeAttrs(n);
        long[] s = w.shape();
        return switch (n.getOpType()) {
            case "Conv" -> a.integer("group", 1) != 1 || s.length < 3 || s.length > 4 || in.get(0).rank() != s.length ? null
                    : new LinearNode(name, n, new Matrix((int) s[0], w.size() / (int) s[0], w.asFloats()), c == null ? null : c.asFloats(),
                    n.getInput(0), Arrays.copyOfRange(s, 2, s.length));
            case "Gemm" -> {
                boolean tb = a.integer("transB", 0) == 1;
                long outs = tb ? s[0] : s[1];
                boolean vectorBias = c == null || c.size() == outs && c.shape()[c.rank() - 1] == outs;
                yield s.length != 2 || a.real("alpha", 1) != 1 || c != null && a.real("beta", 1) != 1 || !vectorBias ? null
                        : new LinearNode(name, n, matrix(tb ? w : Layout.transpose(w, new long[] {1, 0})), c == null ? null : c.asFloats(),
                        n.getInput(0), null);
            }
            case "MatMul" -> s.length != 2 || in.get(0).rank() < 1 ? null
                    : new LinearNode(name, n, matrix(Layout.transpose(w, new long[] {1, 0})), null, n.getInput(0), null);
            default -> null;                                   // open: ConvTranspose and every other operator run as themselves
        };
    }

    private static Matrix matrix(Value v) {
        return new Matrix((int) v.shape()[0], (int) v.shape()[1], v.asFloats());
    }

    /** The node's output computed through {@code lin} (quantized input, quantized weight, the node's own bias). */
    static Value forward(LinearNode ln, Linear lin, Value x, ActivationObserver obs) {
        return switch (ln.node().getOpType()) {
            case "Conv" -> conv(ln, lin, x, obs);
            case "Gemm" -> {
                Value a = new NodeAttrs(ln.node()).integer("transA", 0) == 1 ? Layout.transpose(x, new long[] {1, 0}) : x;
                int rows = (int) a.shape()[0];
                yield Value.floats(new long[] {rows, lin.out()}, lin.forward(a.asFloats(), rows, obs));
            }
            default -> {                                       // open: MatMul, [..., K] x [K, N] as rows of K
                long[] s = x.shape();
                long[] out = s.length == 1 ? new long[] {lin.out()} : Arrays.copyOf(s, s.length);
                out[out.length - 1] = lin.out();
                yield Value.floats(out, lin.forward(x.asFloats(), x.size() / lin.in(), obs));
            }
        };
    }

    /** A dense convolution as SCALE-Sim and the built-in models lower it: patches [batch x OH x OW][C x kh x kw] times W^T. */
    private static Value conv(LinearNode ln, Linear lin, Value x, ActivationObserver obs) {
        NodeAttrs a = new NodeAttrs(ln.node());
        long[] xs = x.shape();
        long[] kernel = a.integers("kernel_shape") != null ? a.integers("kernel_shape") : ln.kernel();
        Conv.Geometry g = Conv.geometry(xs, kernel, a.integers("strides"), a.integers("pads"), a.integers("dilations"),
                a.text("auto_pad", "NOTSET"), false);
        int batch = (int) xs[0];
        int cin = (int) xs[1];
        int ih = xs.length == 3 ? 1 : (int) xs[2];
        int iw = (int) xs[xs.length - 1];
        int k = cin * g.kh() * g.kw();
        if (k != lin.in()) {
            throw new IllegalArgumentException(ln.name() + ": input has " + cin + " channels for a weight of " + lin.in() + " terms");
        }
        int plane = g.oh() * g.ow();
        float[] in = x.asFloats();
        float[] patches = new float[batch * plane * k];
        for (int b = 0; b < batch; b++) {
            for (int oy = 0; oy < g.oh(); oy++) {
                for (int ox = 0; ox < g.ow(); ox++) {
                    int row = ((b * plane) + oy * g.ow() + ox) * k;
                    for (int c = 0; c < cin; c++) {
                        for (int ky = 0; ky < g.kh(); ky++) {
                            int iy = oy * g.sh() - g.padTop() + ky * g.dh();
                            for (int kx = 0; kx < g.kw(); kx++) {
                                int ix = ox * g.sw() - g.padLeft() + kx * g.dw();
                                boolean inside = iy >= 0 && iy < ih && ix >= 0 && ix < iw;
                                patches[row + (c * g.kh() + ky) * g.kw() + kx] = inside ? in[((b * cin + c) * ih + iy) * iw + ix] : 0f;
                            }
                        }
                    }
                }
            }
        }
        float[] y = lin.forward(patches, batch * plane, obs);       // [batch x plane][out]
        int outs = lin.out();
        float[] out = new float[batch * outs * plane];
        for (int b = 0; b < batch; b++) {
            for (int p = 0; p < plane; p++) {
                int src = (b * plane + p) * outs;
                for (int o = 0; o < outs; o++) {
                    out[(b * outs + o) * plane + p] = y[src + o];
                }
            }
        }
        long[] shape = xs.length == 3 ? new long[] {batch, outs, g.ow()} : new long[] {batch, outs, g.oh(), g.ow()};
        return Value.floats(shape, out);
    }
}
