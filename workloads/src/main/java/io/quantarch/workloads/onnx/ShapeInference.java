package io.quantarch.workloads.onnx;

import io.quantarch.config.ConfigException;
import io.quantarch.workloads.onnx.proto.Onnx;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of every tensor of an ONNX graph, computed node by node in graph order (ONNX requires a topological
 * order), with the values of the small integer tensors shapes are computed from (Shape, Gather, Concat, Unsqueeze
 * chains feeding a Reshape) and which tensors are constants (initializers and anything computed from constants only).
 * The graph's value_info is not needed: every shape is derived here from the inputs' shapes and the operator specs.
 */
final class ShapeInference {

    static final List<String> SUPPORTED = List.of("Conv", "ConvTranspose", "Gemm", "MatMul", "MaxPool", "AveragePool",
            "GlobalAveragePool", "GlobalMaxPool", "BatchNormalization", "LayerNormalization", "RMSNormalization", "LRN",
            "InstanceNormalization", "Softmax", "LogSoftmax", "Relu", "LeakyRelu", "PRelu", "Elu", "Selu", "Sigmoid", "Tanh",
            "HardSigmoid", "HardSwish", "Gelu", "Erf", "Exp", "Log", "Neg", "Abs", "Sqrt", "Reciprocal", "Clip", "Not",
            "Dropout", "Identity", "Cast", "QuantizeLinear", "DequantizeLinear", "Add", "Sub", "Mul", "Div", "Pow", "Where",
            "Sum", "Max", "Min", "Mean", "Equal", "Less", "Greater", "And", "Or", "Flatten", "Reshape", "Transpose",
            "Concat", "Split", "Slice", "Squeeze", "Unsqueeze", "Gather", "Shape", "Constant", "ConstantOfShape", "Expand",
            "Pad", "ReduceMean", "ReduceSum", "ReduceMax");

    private static final Set<String> SAME_SHAPE = Set.of("Relu", "LeakyRelu", "Elu", "Selu", "Sigmoid", "Tanh", "HardSigmoid",
            "HardSwish", "Gelu", "Erf", "Exp", "Log", "Neg", "Abs", "Sqrt", "Reciprocal", "Clip", "Not", "Softmax", "LogSoftmax",
            "Dropout", "Identity", "Cast", "QuantizeLinear", "DequantizeLinear", "BatchNormalization", "LayerNormalization",
            "RMSNormalization", "LRN", "InstanceNormalization");
    private static final Set<String> BROADCAST = Set.of("Add", "Sub", "Mul", "Div", "Pow", "Where", "Sum", "Max", "Min", "Mean",
            "Equal", "Less", "Greater", "And", "Or", "PRelu");

    final Map<String, long[]> shape = new HashMap<>();
    final Map<String, long[]> ints = new HashMap<>();
    final Set<String> constant = new HashSet<>();
    private final Path file;
    private final long opset;

    private ShapeInference(Path file, long opset) {
        this.file = file;
        this.opset = opset;
    }

    /** Shapes of every tensor; {@code inputShapes} fixes graph inputs whose dimensions are symbolic or missing. */
    static ShapeInference of(Path file, Onnx.Model m, Map<String, long[]> inputShapes) throws ConfigException {
        return of(file, m, inputShapes, Map.of());
    }

    /** As above, with the values of integer graph inputs that shapes are computed from (a Reshape's shape fed as an input). */
    static ShapeInference of(Path file, Onnx.Model m, Map<String, long[]> inputShapes, Map<String, long[]> inputValues) throws ConfigException {
        ShapeInference s = new ShapeInference(file, OnnxFile.opset(m));
        Onnx.Graph g = m.getGraph();
        for (Onnx.Tensor t : g.getInitializerList()) {
            s.shape.put(t.getName(), Tensors.dims(t));
            s.constant.add(t.getName());
            long[] v = Tensors.ints(t);
            if (v != null && v.length <= 64) {
                s.ints.put(t.getName(), v);
            }
        }
        for (Onnx.ValueInfo in : g.getInputList()) {
            if (!s.constant.contains(in.getName())) {
                s.shape.put(in.getName(), s.inputShape(in, inputShapes));
                if (inputValues.containsKey(in.getName())) {
                    s.ints.put(in.getName(), inputValues.get(in.getName()));
                }
            }
        }
        for (Onnx.Node n : g.getNodeList()) {
            try {
                s.node(n);
            } catch (IllegalArgumentException | ArithmeticException | IndexOutOfBoundsException e) {
                throw new ConfigException(file, "node '" + OnnxWorkload.name(n) + "' (" + n.getOpType() + ")",
                        "inputs of shapes its operator accepts", String.valueOf(e.getMessage()));
            }
        }
        return s;
    }

    private long[] inputShape(Onnx.ValueInfo in, Map<String, long[]> given) throws ConfigException {
        if (given.containsKey(in.getName())) {
            return given.get(in.getName());
        }
        List<Onnx.Shape.Dimension> dims = in.getType().getTensorType().getShape().getDimList();
        long[] d = new long[dims.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = dims.get(i).getDimValue();
            if (!dims.get(i).hasDimValue() || d[i] < 0) {
                String sym = dims.get(i).getDimParam();
                throw new ConfigException(file, "graph input '" + in.getName() + "'", "fixed dimensions (give them: --input-shape "
                        + in.getName() + "=" + String.join("x", Arrays.stream(d).limit(i).mapToObj(Long::toString).toList())
                        + (i > 0 ? "x" : "") + "...)", "dimension " + i + (sym.isEmpty() ? " unknown" : " '" + sym + "'"));
            }
        }
        return d;
    }

    long[] shapeOf(String tensor) {
        long[] s = shape.get(tensor);
        if (s == null) {
            throw new IllegalArgumentException("tensor '" + tensor + "' is used before any node produces it");
        }
        return s;
    }

    long[] intsOf(String tensor, String what) {
        long[] v = ints.get(tensor);
        if (v == null) {
            throw new IllegalArgumentException(what + " '" + tensor + "' is not a constant integer tensor quantarch can evaluate");
        }
        return v;
    }

    private void node(Onnx.Node n) throws ConfigException {
        String op = n.getOpType();
        if (!n.getDomain().isEmpty() && !n.getDomain().equals("ai.onnx")) {
            throw unsupported(n);
        }
        NodeAttrs a = new NodeAttrs(n);
        List<String> in = n.getInputList().stream().filter(x -> !x.isEmpty()).toList();
        boolean allConstant = !in.isEmpty() && in.stream().allMatch(constant::contains) || op.equals("Constant");
        long[] out;
        if (SAME_SHAPE.contains(op)) {
            out = shapeOf(in.get(0));
            if (op.equals("Cast") || op.equals("Identity")) {
                propagate(in.get(0), n.getOutput(0));
            }
        } else if (BROADCAST.contains(op) && opset < 7 && a.integer("broadcast", 0) == 1) {
            out = shapeOf(in.get(0));                // opset < 7: B is broadcast onto A from attribute axis; the shape is A's
        } else if (BROADCAST.contains(op)) {
            out = shapeOf(in.get(0));
            for (String x : in.subList(1, in.size())) {
                out = ShapeOps.broadcast(out, shapeOf(x));
            }
            arithmetic(op, in, n.getOutput(0));
        } else if (ShapeRules.handles(op)) {
            out = ShapeRules.output(this, n, a, in, opset);
        } else {
            throw unsupported(n);
        }
        for (int i = 0; i < n.getOutputCount(); i++) {
            if (!n.getOutput(i).isEmpty() && !shape.containsKey(n.getOutput(i))) {
                shape.put(n.getOutput(i), i == 0 || !op.equals("Split") ? out : ShapeRules.splitPart(this, n, a, in, i, opset));
            }
            if (allConstant) {
                constant.add(n.getOutput(i));
            }
        }
        if (op.equals("Split")) {
            shape.put(n.getOutput(0), ShapeRules.splitPart(this, n, a, in, 0, opset));
        }
    }

    private void propagate(String from, String to) {
        if (ints.containsKey(from)) {
            ints.put(to, ints.get(from));
        }
    }

    /** Integer arithmetic on known shape values (exporters compute Reshape targets this way). */
    private void arithmetic(String op, List<String> in, String out) {
        if (in.size() != 2 || !ints.containsKey(in.get(0)) || !ints.containsKey(in.get(1))) {
            return;
        }
        long[] x = ints.get(in.get(0));
        long[] y = ints.get(in.get(1));
        int n = Math.max(x.length, y.length);
        if (x.length != n && x.length != 1 || y.length != n && y.length != 1) {
            return;
        }
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            long p = x[x.length == 1 ? 0 : i];
            long q = y[y.length == 1 ? 0 : i];
            switch (op) {
                case "Add" -> r[i] = p + q;
                case "Sub" -> r[i] = p - q;
                case "Mul" -> r[i] = p * q;
                case "Div" -> r[i] = q == 0 ? 0 : p / q;
                default -> {                      // open: comparisons and the rest carry no shape arithmetic
                    return;
                }
            }
        }
        ints.put(out, r);
    }

    private ConfigException unsupported(Onnx.Node n) {
        return new ConfigException(file, "node '" + OnnxWorkload.name(n) + "'", "an operator of the default ONNX domain among "
                + SUPPORTED, "'" + (n.getDomain().isEmpty() ? "" : n.getDomain() + ".") + n.getOpType() + "'");
    }
}
