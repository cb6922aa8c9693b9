package io.quantarch.workloads.onnx;

import io.quantarch.config.ConfigException;
import io.quantarch.workloads.layer.Conv2d;
import io.quantarch.workloads.layer.Elementwise;
import io.quantarch.workloads.layer.Embedding;
import io.quantarch.workloads.layer.Gemm;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.layer.Norm;
import io.quantarch.workloads.layer.Softmax;
import io.quantarch.workloads.layer.Workload;
import io.quantarch.workloads.onnx.proto.Onnx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ONNX graph as a quantarch workload: one layer per compute node, named after the node. Counting conventions (the
 * README's "ONNX import"): Conv MACs = N x Cout x output positions x Cin/group x kernel; ConvTranspose MACs =
 * N x Cin x input positions x Cout/group x kernel; Gemm M x N x K; MatMul batch x M x N x K (attention score and
 * context products included, with no parameters). Parameters are the constant inputs of Conv, ConvTranspose, Gemm and
 * MatMul, plus as bias the constant operand of an Add that is the sole consumer of their output; a BatchNormalization
 * that is the sole consumer of such a layer is folded into it (its bias), any other counts its scale and shift.
 * Embedding tables and normalisation gains are graph constants, not counted. Views (Reshape, Flatten, Squeeze,
 * Unsqueeze, Identity, Dropout, Cast) are free; Concat, Transpose, Split, Slice, Gather, Expand and Pad move data.
 */
public final class OnnxWorkload {

    private OnnxWorkload() {
    }

    /** Reads {@code file}; {@code inputShapes} fixes graph inputs with symbolic dimensions (name to shape). */
    public static Workload read(Path file, Map<String, long[]> inputShapes) throws ConfigException {
        Onnx.Model m = OnnxFile.read(file);
        ShapeInference s = ShapeInference.of(file, m, inputShapes);
        return new Builder(file, m.getGraph(), s).build();
    }

    /** A node's name, or its first output's when it has none (what layers.csv shows). */
    static String name(Onnx.Node n) {
        return !n.getName().isEmpty() ? n.getName() : n.getOutputCount() > 0 ? n.getOutput(0) : n.getOpType();
    }

    private static final class Builder {
        private final Path file;
        private final Onnx.Graph g;
        private final ShapeInference s;
        private final Map<String, List<Onnx.Node>> consumers = new HashMap<>();
        private final Set<String> folded = new HashSet<>();        // BatchNormalization and bias Add nodes absorbed by a layer
        private final Set<String> names = new HashSet<>();
        private final List<Layer> layers = new ArrayList<>();

        Builder(Path file, Onnx.Graph g, ShapeInference s) {
            this.file = file;
            this.g = g;
            this.s = s;
            for (Onnx.Node n : g.getNodeList()) {
                for (String in : n.getInputList()) {
                    consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
                }
            }
        }

        Workload build() throws ConfigException {
            for (Onnx.Node n : g.getNodeList()) {
                if (!folded.contains(name(n)) && !s.constant.contains(n.getOutput(0))) {
                    try {
                        layer(n);
                    } catch (IllegalArgumentException e) {
                        throw new ConfigException(file, "node '" + name(n) + "' (" + n.getOpType() + ")", "a layer quantarch can model",
                                String.valueOf(e.getMessage()));
                    }
                }
            }
            if (layers.isEmpty()) {
                throw new ConfigException(file, null, "a graph with at least one compute node", "only constants");
            }
            String base = file.getFileName().toString().replaceFirst("(?i)\\.onnx$", "");
            Path dir = file.toAbsolutePath().getParent();
            // model zoos name every file model.onnx: then the folder says which model it is
            return new Workload(base.equals("model") && dir != null && dir.getFileName() != null ? dir.getFileName().toString() : base, layers);
        }

        private void layer(Onnx.Node n) {
            NodeAttrs a = new NodeAttrs(n);
            List<String> in = n.getInputList();
            long[] out = s.shapeOf(n.getOutput(0));
            long elements = Tensors.elements(out);
            switch (n.getOpType()) {
                case "Conv" -> conv(n, a, in, out);
                case "ConvTranspose" -> convTranspose(n, a, in);
                case "Gemm" -> gemm(n, a, in, out);
                case "MatMul" -> matmul(n, in, out);
                case "MaxPool", "GlobalMaxPool" -> add(n, new Elementwise(unique(n), Elementwise.Op.MAXPOOL, elements, window(n, a, in, out)));
                case "AveragePool", "GlobalAveragePool" ->
                        add(n, new Elementwise(unique(n), Elementwise.Op.AVGPOOL, elements, window(n, a, in, out)));
                case "BatchNormalization" -> add(n, new Norm(unique(n), Norm.Kind.BATCH, elements / out[1], out[1]));
                case "LayerNormalization", "InstanceNormalization", "LRN" ->
                        add(n, new Norm(unique(n), Norm.Kind.LAYER, elements / out[out.length - 1], out[out.length - 1], false));
                case "RMSNormalization" -> add(n, new Norm(unique(n), Norm.Kind.RMS, elements / out[out.length - 1], out[out.length - 1], false));
                case "Softmax", "LogSoftmax" -> add(n, new Softmax(unique(n), elements / out[out.length - 1], out[out.length - 1]));
                case "Gather" -> gather(n, in, out);
                case "Relu", "LeakyRelu", "PRelu", "Clip" -> add(n, Elementwise.of(unique(n), Elementwise.Op.RELU, elements));
                case "Gelu", "Erf" -> add(n, Elementwise.of(unique(n), Elementwise.Op.GELU, elements));
                case "Sigmoid", "HardSigmoid", "HardSwish", "Tanh", "Elu", "Selu", "Exp", "Log", "Sqrt", "Reciprocal", "Neg", "Abs", "Pow",
                     "Div", "Mul", "Where", "Max", "Min", "Mean", "QuantizeLinear", "DequantizeLinear", "ReduceMean", "ReduceSum", "ReduceMax" ->
                        add(n, Elementwise.of(unique(n), Elementwise.Op.MUL, elements));
                case "Add", "Sub", "Sum" -> add(n, Elementwise.of(unique(n), Elementwise.Op.ADD, elements));
                case "Concat", "Transpose", "Split", "Slice", "Expand", "Pad" -> add(n, Elementwise.of(unique(n), Elementwise.Op.COPY, elements));
                default -> { }                    // open: views (Reshape, Flatten, Squeeze, Unsqueeze, Identity, Dropout, Cast), Shape, comparisons
            }
        }

        private void conv(Onnx.Node n, NodeAttrs a, List<String> in, long[] out) {
            long[] x = s.shapeOf(in.get(0));
            long[] w = s.shapeOf(in.get(1));
            if (x.length > 4) {
                throw new IllegalArgumentException("3-D convolutions are not modelled (" + x.length + "-D input)");
            }
            int kh = (int) w[2];
            int kw = w.length > 3 ? (int) w[3] : 1;
            int sh = stride(a, 0);
            int sw = x.length > 3 ? stride(a, 1) : 1;
            long oh = out[2];
            long ow = out.length > 3 ? out[3] : 1;
            // an input that gives the same output size without padding or dilation: the im2col GEMM and its MACs are exact
            int ih = (int) ((oh - 1) * sh + kh);
            int iw = (int) ((ow - 1) * sw + kw);
            boolean bias = in.size() > 2 && !in.get(2).isEmpty() || absorbsBias(n) || absorbsBatchNorm(n);
            add(n, new Conv2d(unique(n), (int) x[0], (int) x[1], (int) w[0], ih, iw, kh, kw, sh, sw, 0, 0,
                    (int) a.integer("group", 1), bias));
        }

        private void convTranspose(Onnx.Node n, NodeAttrs a, List<String> in) {
            long[] x = s.shapeOf(in.get(0));
            long[] w = s.shapeOf(in.get(1));
            long group = a.integer("group", 1);
            long kernel = Tensors.elements(java.util.Arrays.copyOfRange(w, 2, w.length));
            long positions = Tensors.elements(java.util.Arrays.copyOfRange(x, 2, x.length));
            // each input element scatters into Cout/group x kernel outputs: M = N x input positions, N = Cout/group x kernel, K = Cin
            add(n, new Gemm(unique(n), x[0] * positions, w[1] * kernel, x[1], false, !s.constant.contains(in.get(1))));
            if (group < 1) {
                throw new IllegalArgumentException("group " + group);
            }
        }

        private void gemm(Onnx.Node n, NodeAttrs a, List<String> in, long[] out) {
            long[] x = s.shapeOf(in.get(0));
            long k = a.integer("transA", 0) == 0 ? x[1] : x[0];
            boolean bias = in.size() > 2 && !in.get(2).isEmpty() || absorbsBias(n) || absorbsBatchNorm(n);
            add(n, new Gemm(unique(n), out[0], out[1], k, bias, !s.constant.contains(in.get(1))));
        }

        private void matmul(Onnx.Node n, List<String> in, long[] out) {
            long[] x = s.shapeOf(in.get(0));
            long[] w = s.shapeOf(in.get(1));
            long k = x[x.length - 1];
            long nCols = w.length == 1 ? 1 : w[w.length - 1];
            long rows = Tensors.elements(out) / nCols;            // batch dims x M
            boolean bias = absorbsBias(n) || absorbsBatchNorm(n);
            if (s.constant.contains(in.get(0)) && !s.constant.contains(in.get(1))) {
                // a constant on the left (W x X): the same MACs as (X^T W^T), the weight K x M held stationary
                long m = x.length == 1 ? 1 : x[x.length - 2];
                add(n, new Gemm(unique(n), Tensors.elements(out) / m, m, k, bias, false));
                return;
            }
            add(n, new Gemm(unique(n), rows, nCols, k, bias, !s.constant.contains(in.get(1))));
        }

        private void gather(Onnx.Node n, List<String> in, long[] out) {
            long[] table = s.shapeOf(in.get(0));
            if (s.constant.contains(in.get(0)) && table.length == 2) {
                add(n, new Embedding(unique(n), table[0], table[1], Tensors.elements(s.shapeOf(in.get(1))), false));
            } else {
                add(n, Elementwise.of(unique(n), Elementwise.Op.COPY, Tensors.elements(out)));
            }
        }

        private int window(Onnx.Node n, NodeAttrs a, List<String> in, long[] out) {
            if (n.getOpType().startsWith("Global")) {
                long[] x = s.shapeOf(in.get(0));
                return (int) Math.min(Integer.MAX_VALUE, Tensors.elements(java.util.Arrays.copyOfRange(x, 2, x.length)));
            }
            long[] k = a.integers("kernel_shape");
            return (int) Tensors.elements(k);
        }

        private int stride(NodeAttrs a, int i) {
            long[] st = a.integers("strides");
            return st == null || st.length <= i ? 1 : (int) st[i];
        }

        /** The sole consumer of the layer's output is an Add of a constant: the exporter's way of writing the bias. */
        private boolean absorbsBias(Onnx.Node n) {
            List<Onnx.Node> c = consumers.getOrDefault(n.getOutput(0), List.of());
            if (c.size() != 1 || !c.get(0).getOpType().equals("Add")) {
                return false;
            }
            Onnx.Node add = c.get(0);
            String other = add.getInput(0).equals(n.getOutput(0)) ? add.getInput(1) : add.getInput(0);
            if (!s.constant.contains(other)) {
                return false;
            }
            folded.add(name(add));
            return true;
        }

        /** The sole consumer is a BatchNormalization: folded into the layer (its bias). */
        private boolean absorbsBatchNorm(Onnx.Node n) {
            List<Onnx.Node> c = consumers.getOrDefault(n.getOutput(0), List.of());
            if (c.size() != 1 || !c.get(0).getOpType().equals("BatchNormalization")) {
                return false;
            }
            folded.add(name(c.get(0)));
            return true;
        }

        private void add(Onnx.Node n, Layer l) {
            layers.add(l);
        }

        private String unique(Onnx.Node n) {
            String base = name(n);
            String v = base;
            for (int i = 2; !names.add(v); i++) {
                v = base + "#" + i;
            }
            return v;
        }
    }
}
