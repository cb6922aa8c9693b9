package io.quantarch.workloads.onnx.exec;

import io.quantarch.workloads.onnx.ShapeOps;

import io.quantarch.workloads.onnx.NodeAttrs;
import io.quantarch.workloads.onnx.proto.Onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Dispatch of the shape and data-movement operators (attributes before opset 13, inputs after, as the specs moved them). */
final class LayoutOps {

    private LayoutOps() {
    }

    static List<Value> apply(String op, NodeAttrs a, List<Value> in, long opset, int outputs) {
        Value x = in.isEmpty() ? null : in.get(0);
        Value y = switch (op) {
            case "Flatten" -> {
                long ax = a.integer("axis", 1);
                int axis = (int) (ax < 0 ? ax + x.rank() : ax);             // 0..rank inclusive
                yield Layout.reshaped(x, new long[] {Shapes.span(x.shape(), 0, axis), Shapes.span(x.shape(), axis, x.rank())});
            }
            case "Reshape" -> Layout.reshaped(x, ShapeOps.reshape(x.shape(), opset < 5 ? a.integers("shape") : in.get(1).asLongs(),
                    a.integer("allowzero", 0) == 1));
            case "Transpose" -> Layout.transpose(x, a.integers("perm"));
            case "Concat" -> Layout.concat(in, a.integer("axis", 0));
            case "Slice" -> opset < 10 ? Layout.slice(x, a.integers("starts"), a.integers("ends"), a.integers("axes"), null)
                    : Layout.slice(x, in.get(1).asLongs(), in.get(2).asLongs(), in.size() > 3 && in.get(3) != null ? in.get(3).asLongs() : null,
                    in.size() > 4 && in.get(4) != null ? in.get(4).asLongs() : null);
            case "Squeeze", "Unsqueeze" -> Layout.reshaped(x, squeeze(x.shape(), op.equals("Squeeze"),
                    opset >= 13 && in.size() > 1 && in.get(1) != null ? in.get(1).asLongs() : a.integers("axes")));
            case "Gather" -> Layout.gather(x, in.get(1), a.integer("axis", 0));
            case "Shape" -> {
                int r = x.rank();
                int from = (int) (a.integer("start", 0) < 0 ? a.integer("start", 0) + r : a.integer("start", 0));
                int to = (int) Math.min(r, a.integer("end", r) < 0 ? a.integer("end", r) + r : a.integer("end", r));
                yield Value.ints(Value.INT64, new long[] {to - from}, Arrays.copyOfRange(x.shape(), from, to));
            }
            case "Constant" -> constant(a);
            case "ConstantOfShape" -> constantOfShape(a, x.asLongs());
            case "Expand" -> Layout.expand(x, in.get(1).asLongs());
            case "Pad" -> Layout.pad(x, pads(x, a, in), in.size() > 2 && in.get(2) != null ? in.get(2).get(0) : a.real("value", 0),
                    a.text("mode", "constant"));
            case "ReduceMean", "ReduceSum", "ReduceMax" -> reduce(op, a, in, opset);
            case "Cast" -> cast(x, (int) a.integer("to", Value.FLOAT), a.integer("saturate", 1) == 1);
            default -> null;                                   // open: Split is below; anything else is not layout
        };
        if (y != null) {
            return List.of(y);
        }
        return op.equals("Split") ? split(a, in, opset, outputs) : null;
    }

    /** All begins then all ends, for every axis (opset 18's axes input names the padded ones). */
    private static long[] pads(Value x, NodeAttrs a, List<Value> in) {
        long[] given = in.size() > 1 ? in.get(1).asLongs() : a.integers("pads");
        if (in.size() <= 3 || in.get(3) == null) {
            return given;
        }
        long[] axes = in.get(3).asLongs();
        int r = x.rank();
        long[] pads = new long[2 * r];
        for (int k = 0; k < axes.length; k++) {
            int ax = ShapeOps.axis(axes[k], r);
            pads[ax] = given[k];
            pads[ax + r] = given[k + axes.length];
        }
        return pads;
    }

    private static long[] squeeze(long[] s, boolean squeeze, long[] axes) {
        List<Long> out = new ArrayList<>();
        if (squeeze) {
            boolean[] drop = new boolean[s.length];
            for (int k = 0; k < s.length; k++) {
                drop[k] = axes == null && s[k] == 1;
            }
            if (axes != null) {
                for (long ax : axes) {
                    drop[ShapeOps.axis(ax, s.length)] = true;
                }
            }
            for (int k = 0; k < s.length; k++) {
                if (!drop[k]) {
                    out.add(s[k]);
                }
            }
        } else {
            int r = s.length + axes.length;
            boolean[] add = new boolean[r];
            for (long ax : axes) {
                add[ShapeOps.axis(ax, r)] = true;
            }
            for (int k = 0, j = 0; k < r; k++) {
                out.add(add[k] ? 1L : s[j++]);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static Value constant(NodeAttrs a) {
        Onnx.Tensor t = a.tensor("value");
        if (t != null) {
            Value v = Value.of(t);
            if (v == null) {
                throw new IllegalArgumentException("a Constant of tensor type " + t.getDataType() + " (not executed)");
            }
            return v;
        }
        long[] ints = a.integers("value_ints");
        if (ints != null && ints.length > 0 || a.has("value_int")) {
            return ints != null && ints.length > 0 ? Value.ints(Value.INT64, new long[] {ints.length}, ints)
                    : Value.ints(Value.INT64, new long[0], new long[] {a.integer("value_int", 0)});
        }
        float[] fs = a.reals("value_floats");
        if (fs != null && fs.length > 0) {
            return Value.floats(new long[] {fs.length}, fs);
        }
        return Value.floats(new long[0], new float[] {(float) a.real("value_float", 0)});
    }

    private static Value constantOfShape(NodeAttrs a, long[] shape) {
        Onnx.Tensor t = a.tensor("value");
        Value v = t == null ? Value.floats(new long[] {1}, new float[] {0f}) : Value.of(t);
        int n = (int) ShapeOps.elements(shape);
        if (v.isFloat()) {
            float[] f = new float[n];
            Arrays.fill(f, v.f()[0]);
            return Value.floats(shape, f);
        }
        long[] i = new long[n];
        Arrays.fill(i, v.i()[0]);
        return Value.ints(v.type(), shape, i);
    }

    private static Value reduce(String op, NodeAttrs a, List<Value> in, long opset) {
        boolean axesInput = op.equals("ReduceSum") ? opset >= 13 : opset >= 18;
        long[] axes = axesInput && in.size() > 1 && in.get(1) != null ? in.get(1).asLongs() : a.integers("axes");
        if ((axes == null || axes.length == 0) && a.integer("noop_with_empty_axes", 0) == 1) {
            return in.get(0);
        }
        return Layout.reduce(in.get(0), axes, a.integer("keepdims", 1) == 1, op);
    }

    private static Value cast(Value x, int to, boolean saturate) {
        if (SmallFloats.handles(to)) {
            float[] in = x.asFloats();
            if (to == SmallFloats.INT4 || to == SmallFloats.UINT4) {
                long[] v = new long[in.length];
                for (int k = 0; k < v.length; k++) {
                    // Cast keeps the low 4 bits of the rounded integer (as the backend tests' reference does); QuantizeLinear saturates
                    v[k] = (long) SmallFloats.decode(to, (int) (long) Math.rint(in[k]) & 0xF);
                }
                return Value.ints(to, x.shape(), v);
            }
            float[] out = new float[in.length];
            for (int k = 0; k < out.length; k++) {
                out[k] = SmallFloats.decode(to, SmallFloats.encode(to, in[k], saturate));
            }
            return new Value(to, x.shape(), out, null);
        }
        if (to == Value.FLOAT || to == Value.DOUBLE) {
            return Value.floats(x.shape(), x.asFloats().clone());
        }
        if (to == Value.INT64 || to == Value.INT32 || to == Value.BOOL || to == Value.INT8 || to == Value.UINT8) {
            long[] v = x.asLongs().clone();
            if (to == Value.BOOL) {
                for (int k = 0; k < v.length; k++) {
                    v[k] = x.get(k) != 0 ? 1 : 0;
                }
            }
            return Value.ints(to, x.shape(), v);
        }
        throw new IllegalArgumentException("Cast to tensor type " + to + " (not executed)");
    }

    private static List<Value> split(NodeAttrs a, List<Value> in, long opset, int outputs) {
        Value x = in.get(0);
        int axis = ShapeOps.axis(a.integer("axis", 0), x.rank());
        long[] sizes = opset >= 13 && in.size() > 1 && in.get(1) != null ? in.get(1).asLongs() : a.integers("split");
        long dim = x.shape()[axis];
        if (sizes == null || sizes.length == 0) {
            long parts = a.has("num_outputs") ? a.integer("num_outputs", outputs) : outputs;
            long each = (dim + parts - 1) / parts;
            sizes = new long[(int) parts];
            for (int k = 0; k < parts; k++) {
                sizes[k] = Math.min(each, dim - each * k);
            }
        }
        List<Value> out = new ArrayList<>();
        long start = 0;
        for (long len : sizes) {
            out.add(Layout.slice(x, new long[] {start}, new long[] {start + len}, new long[] {axis}, null));
            start += len;
        }
        return out;
    }
}
