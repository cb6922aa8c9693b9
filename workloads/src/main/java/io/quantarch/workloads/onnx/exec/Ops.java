package io.quantarch.workloads.onnx.exec;

import io.quantarch.workloads.onnx.NodeAttrs;

import java.util.List;

/** Operator dispatch: one method per family, each returning the node's outputs or null when the op is not its own. */
final class Ops {

    private Ops() {
    }

    static List<Value> apply(String op, NodeAttrs a, List<Value> in, long opset, int outputs) {
        List<Value> r = activation(op, a, in);
        if (r == null) {
            r = arithmetic(op, a, in, opset);
        }
        if (r == null) {
            r = network(op, a, in, opset);
        }
        if (r == null) {
            r = LayoutOps.apply(op, a, in, opset, outputs);
        }
        if (r == null) {
            throw new IllegalArgumentException("operator " + op + " is not executed");
        }
        return r;
    }

    private static List<Value> activation(String op, NodeAttrs a, List<Value> in) {
        Value x = in.isEmpty() ? null : in.get(0);
        double alpha = a.real("alpha", op.equals("LeakyRelu") ? 0.01 : op.equals("HardSigmoid") ? 0.2 : op.equals("Selu") ? 1.67326319217681884765625 : 1.0);
        Value y = switch (op) {
            case "Relu" -> Elementwise.unary(x, v -> Math.max(v, 0));
            case "LeakyRelu" -> Elementwise.unary(x, v -> v < 0 ? (float) alpha * (float) v : v);
            case "Elu" -> Elementwise.unary(x, v -> v < 0 ? alpha * (Math.exp(v) - 1) : v);
            case "Selu" -> Elementwise.unary(x, v -> a.real("gamma", 1.05070102214813232421875) * (v <= 0 ? alpha * (Math.exp(v) - 1) : v));
            case "Sigmoid" -> Elementwise.unary(x, v -> 1 / (1 + Math.exp(-v)));
            case "Tanh" -> Elementwise.unary(x, Math::tanh);
            case "HardSigmoid" -> Elementwise.unary(x, v -> Math.max(0, Math.min(1, alpha * v + a.real("beta", 0.5))));
            case "HardSwish" -> Elementwise.unary(x, v -> v * Math.max(0, Math.min(1, v / 6 + 0.5)));
            case "Gelu" -> a.text("approximate", "none").equals("tanh")
                    ? Elementwise.unary(x, v -> 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v))))
                    : Elementwise.unary(x, v -> 0.5 * v * (1 + Elementwise.erf(v / Math.sqrt(2))));
            case "Erf" -> Elementwise.unary(x, Elementwise::erf);
            case "Exp" -> Elementwise.unary(x, Math::exp);
            case "Log" -> Elementwise.unary(x, Math::log);
            case "Neg" -> x.isFloat() ? Elementwise.unary(x, v -> -v) : Value.ints(x.type(), x.shape(), java.util.Arrays.stream(x.i()).map(v -> -v).toArray());
            case "Abs" -> Elementwise.unary(x, Math::abs);
            case "Sqrt" -> Elementwise.unary(x, Math::sqrt);
            case "Reciprocal" -> Elementwise.unary(x, v -> 1 / v);
            case "Identity", "Dropout" -> x;
            case "Clip" -> clip(x, a, in);
            default -> null;                                   // open: not an activation
        };
        return y == null ? null : List.of(y);
    }

    private static Value clip(Value x, NodeAttrs a, List<Value> in) {
        double lo = in.size() > 1 && in.get(1) != null ? in.get(1).get(0) : a.real("min", Double.NEGATIVE_INFINITY);
        double hi = in.size() > 2 && in.get(2) != null ? in.get(2).get(0) : a.real("max", Double.POSITIVE_INFINITY);
        return Elementwise.unary(x, v -> Math.min(hi, Math.max(lo, v)));         // numpy's clip: max wins when min > max
    }

    private static List<Value> arithmetic(String op, NodeAttrs a, List<Value> in, long opset) {
        if (in.size() == 2 && opset < 7 && a.integer("broadcast", 0) == 1) {
            in = List.of(in.get(0), legacyBroadcast(in.get(0), in.get(1), a.integer("axis", -1)));
        }
        Value y = switch (op) {
            case "Add" -> Elementwise.binary(in.get(0), in.get(1), Double::sum, Long::sum, Value.FLOAT);
            case "Sub" -> Elementwise.binary(in.get(0), in.get(1), (p, q) -> p - q, (p, q) -> p - q, Value.FLOAT);
            case "Mul" -> Elementwise.binary(in.get(0), in.get(1), (p, q) -> p * q, (p, q) -> p * q, Value.FLOAT);
            case "Div" -> Elementwise.binary(in.get(0), in.get(1), (p, q) -> p / q, (p, q) -> q == 0 ? 0 : p / q, Value.FLOAT);
            case "Pow" -> Elementwise.binary(in.get(0), in.get(1), Math::pow, null, Value.FLOAT);
            case "PRelu" -> Elementwise.binary(in.get(0), in.get(1), (p, q) -> p < 0 ? p * q : p, null, Value.FLOAT);
            case "Equal" -> Elementwise.binary(in.get(0), in.get(1), (p, q) -> p == q ? 1 : 0, null, Value.BOOL);
            case "Less" -> Elementwise.binary(in.get(0), in.get(1), (p, q) -> p < q ? 1 : 0, null, Value.BOOL);
            case "Greater" -> Elementwise.binary(in.get(0), in.get(1), (p, q) -> p > q ? 1 : 0, null, Value.BOOL);
            case "Where" -> Elementwise.where(in.get(0), in.get(1), in.get(2));
            case "And" -> Elementwise.binary(in.get(0), in.get(1), (p, q) -> p != 0 && q != 0 ? 1 : 0, null, Value.BOOL);
            case "Or" -> Elementwise.binary(in.get(0), in.get(1), (p, q) -> p != 0 || q != 0 ? 1 : 0, null, Value.BOOL);
            case "Not" -> Value.ints(Value.BOOL, in.get(0).shape(), java.util.Arrays.stream(in.get(0).asLongs()).map(v -> v == 0 ? 1 : 0).toArray());
            case "QuantizeLinear", "DequantizeLinear" -> Quantize.apply(op, a, in);
            case "Sum" -> Elementwise.variadic(in, Double::sum, false);
            case "Mean" -> Elementwise.variadic(in, Double::sum, true);
            case "Max" -> Elementwise.variadic(in, Math::max, false);
            case "Min" -> Elementwise.variadic(in, Math::min, false);
            default -> null;                                   // open: not arithmetic
        };
        return y == null ? null : List.of(y);
    }

    /** Opset < 7 Add/Mul with broadcast=1: B's dims align with A's from {@code axis} (default: the trailing ones). */
    private static Value legacyBroadcast(Value a, Value b, long axis) {
        int ax = axis < 0 ? a.rank() - b.rank() : (int) axis;
        long[] s = new long[a.rank()];
        java.util.Arrays.fill(s, 1);
        System.arraycopy(b.shape(), 0, s, ax, b.rank());
        return Layout.reshaped(b, s);
    }

    private static List<Value> network(String op, NodeAttrs a, List<Value> in, long opset) {
        Value x = in.isEmpty() ? null : in.get(0);
        if (op.equals("LayerNormalization")) {                 // Y, and the optional Mean and InvStdDev
            Value[] stats = new Value[2];
            Value out = Dense.normalize(x, in.get(1), in.size() > 2 ? in.get(2) : null, a.integer("axis", -1), a.real("epsilon", 1e-5),
                    false, stats);
            return List.of(out, stats[0], stats[1]);
        }
        Value y = switch (op) {
            case "Conv" -> {
                long[] kernel = a.integers("kernel_shape");
                long[] w = in.get(1).shape();
                Conv.Geometry g = Conv.geometry(x.shape(), kernel != null ? kernel : java.util.Arrays.copyOfRange(w, 2, w.length),
                        a.integers("strides"), a.integers("pads"), a.integers("dilations"), a.text("auto_pad", "NOTSET"), false);
                yield Conv.conv(x, in.get(1), in.size() > 2 ? in.get(2) : null, g, (int) a.integer("group", 1));
            }
            case "MaxPool", "AveragePool" -> Conv.pool(x, Conv.geometry(x.shape(), a.integers("kernel_shape"), a.integers("strides"),
                    a.integers("pads"), a.integers("dilations"), a.text("auto_pad", "NOTSET"), a.integer("ceil_mode", 0) == 1),
                    op.equals("MaxPool"), a.integer("count_include_pad", 0) == 1);
            case "GlobalAveragePool", "GlobalMaxPool" -> {
                long[] s = x.shape();
                long[] k = java.util.Arrays.copyOfRange(s, 2, s.length);
                yield Conv.pool(x, Conv.geometry(s, k, null, null, null, "VALID", false), op.equals("GlobalMaxPool"), false);
            }
            case "ConvTranspose" -> Conv.convTranspose(x, in.get(1), in.size() > 2 ? in.get(2) : null, a);
            case "InstanceNormalization" -> Dense.instanceNorm(x, in.get(1), in.get(2), a.real("epsilon", 1e-5));
            case "MatMul" -> Dense.matmul(x, in.get(1));
            case "Gemm" -> Dense.gemm(x, in.get(1), in.size() > 2 ? in.get(2) : null, a.real("alpha", 1), a.real("beta", 1),
                    a.integer("transA", 0) == 1, a.integer("transB", 0) == 1);
            case "Softmax", "LogSoftmax" -> Dense.softmax(x, a.integer("axis", opset < 13 ? 1 : -1), opset < 13, op.equals("LogSoftmax"));
            case "LayerNormalization" -> null;                 // three outputs: below
            case "RMSNormalization" -> Dense.normalize(x, in.get(1), null, a.integer("axis", -1), a.real("epsilon", 1e-5), true);
            case "BatchNormalization" -> Dense.batchNorm(x, in.get(1), in.get(2), in.get(3), in.get(4), a.real("epsilon", 1e-5));
            case "LRN" -> Dense.lrn(x, (int) a.integer("size", 1), a.real("alpha", 1e-4), a.real("beta", 0.75), a.real("bias", 1));
            default -> null;                                   // open: not a network layer
        };
        return y == null ? null : List.of(y);
    }
}
