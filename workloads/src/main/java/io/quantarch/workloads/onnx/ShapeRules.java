package io.quantarch.workloads.onnx;

import io.quantarch.workloads.onnx.proto.Onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Output shapes of the operators whose shape depends on attributes or constant inputs (one method per family). */
final class ShapeRules {

    private static final Set<String> OPS = Set.of("Conv", "ConvTranspose", "MaxPool", "AveragePool", "GlobalAveragePool",
            "GlobalMaxPool", "Gemm", "MatMul", "Flatten", "Reshape", "Transpose", "Concat", "Split", "Slice", "Squeeze",
            "Unsqueeze", "Gather", "Shape", "Constant", "ConstantOfShape", "Expand", "Pad", "ReduceMean", "ReduceSum", "ReduceMax");

    private ShapeRules() {
    }

    static boolean handles(String op) {
        return OPS.contains(op);
    }

    static long[] output(ShapeInference s, Onnx.Node n, NodeAttrs a, List<String> in, long opset) {
        return switch (n.getOpType()) {
            case "Conv", "MaxPool", "AveragePool" -> window(s, n, a, in);
            case "ConvTranspose" -> convTranspose(s, a, in);
            case "GlobalAveragePool", "GlobalMaxPool" -> {
                long[] x = s.shapeOf(in.get(0)).clone();
                Arrays.fill(x, 2, x.length, 1);
                yield x;
            }
            case "Gemm" -> {
                long[] x = s.shapeOf(in.get(0));
                long[] w = s.shapeOf(in.get(1));
                yield new long[] {a.integer("transA", 0) == 0 ? x[0] : x[1], a.integer("transB", 0) == 0 ? w[1] : w[0]};
            }
            case "MatMul" -> ShapeOps.matmul(s.shapeOf(in.get(0)), s.shapeOf(in.get(1)));
            case "Flatten" -> {
                long[] x = s.shapeOf(in.get(0));
                int axis = (int) (a.integer("axis", 1) < 0 ? a.integer("axis", 1) + x.length : a.integer("axis", 1));
                yield new long[] {Tensors.elements(Arrays.copyOf(x, axis)), Tensors.elements(Arrays.copyOfRange(x, axis, x.length))};
            }
            case "Reshape" -> {
                long[] target = opset < 5 || in.size() < 2 ? a.integers("shape") : s.intsOf(in.get(1), "Reshape's shape");
                yield ShapeOps.reshape(s.shapeOf(in.get(0)), target, a.integer("allowzero", 0) == 1);
            }
            case "Transpose" -> {
                long[] x = s.shapeOf(in.get(0));
                long[] perm = a.integers("perm");
                long[] out = new long[x.length];
                for (int i = 0; i < x.length; i++) {
                    out[i] = x[perm == null ? x.length - 1 - i : (int) perm[i]];
                }
                yield out;
            }
            case "Concat" -> concat(s, n, a, in);
            case "Split" -> splitPart(s, n, a, in, 0, opset);
            case "Slice" -> slice(s, n, a, in, opset);
            case "Squeeze", "Unsqueeze" -> squeeze(s, n, a, in, opset);
            case "Gather" -> gather(s, n, a, in);
            default -> constants(s, n, a, in);     // open: Shape, Constant, ConstantOfShape, Expand, Pad, reductions
        };
    }

    private static long[] window(ShapeInference s, Onnx.Node n, NodeAttrs a, List<String> in) {
        long[] x = s.shapeOf(in.get(0));
        boolean conv = n.getOpType().equals("Conv");
        long[] kernel = a.integers("kernel_shape");
        if (kernel == null && conv) {
            long[] w = s.shapeOf(in.get(1));
            kernel = Arrays.copyOfRange(w, 2, w.length);
        }
        long[] sp = ShapeOps.spatial(Arrays.copyOfRange(x, 2, x.length), kernel, orEmpty(a.integers("strides")),
                orEmpty(a.integers("pads")), orEmpty(a.integers("dilations")), a.text("auto_pad", "NOTSET"), a.integer("ceil_mode", 0) == 1);
        long[] out = new long[x.length];
        out[0] = x[0];
        out[1] = conv ? s.shapeOf(in.get(1))[0] : x[1];
        System.arraycopy(sp, 0, out, 2, sp.length);
        return out;
    }

    private static long[] convTranspose(ShapeInference s, NodeAttrs a, List<String> in) {
        long[] x = s.shapeOf(in.get(0));
        long[] w = s.shapeOf(in.get(1));
        int n = x.length - 2;
        long[] out = new long[x.length];
        out[0] = x[0];
        out[1] = w[1] * a.integer("group", 1);
        long[] explicit = a.integers("output_shape");
        long[] strides = orEmpty(a.integers("strides"));
        long[] pads = orEmpty(a.integers("pads"));
        long[] dil = orEmpty(a.integers("dilations"));
        long[] outPad = orEmpty(a.integers("output_padding"));
        for (int i = 0; i < n; i++) {
            long st = strides.length > i ? strides[i] : 1;
            if (explicit != null) {
                out[2 + i] = explicit[explicit.length - n + i];
            } else if (a.text("auto_pad", "NOTSET").startsWith("SAME")) {
                out[2 + i] = x[2 + i] * st;
            } else {
                long k = w[2 + i];
                long d = dil.length > i ? dil[i] : 1;
                out[2 + i] = st * (x[2 + i] - 1) + (outPad.length > i ? outPad[i] : 0) + (k - 1) * d + 1
                        - (pads.length > i ? pads[i] : 0) - (pads.length > i + n ? pads[i + n] : 0);
            }
        }
        return out;
    }

    private static long[] concat(ShapeInference s, Onnx.Node n, NodeAttrs a, List<String> in) {
        long[] first = s.shapeOf(in.get(0));
        int axis = ShapeOps.axis(a.integer("axis", 1), first.length);
        long[] out = first.clone();
        out[axis] = 0;
        boolean known = true;
        long[] values = new long[0];
        for (String x : in) {
            out[axis] += s.shapeOf(x)[axis];
            long[] v = s.ints.get(x);
            known &= v != null;
            if (v != null) {
                values = concatValues(values, v);
            }
        }
        if (known && out.length == 1) {
            s.ints.put(n.getOutput(0), values);
        }
        return out;
    }

    static long[] splitPart(ShapeInference s, Onnx.Node n, NodeAttrs a, List<String> in, int part, long opset) {
        long[] x = s.shapeOf(in.get(0));
        int axis = ShapeOps.axis(a.integer("axis", 0), x.length);
        long[] sizes = opset >= 13 && in.size() > 1 ? s.intsOf(in.get(1), "Split's split") : a.integers("split");
        long[] out = x.clone();
        if (sizes != null) {
            out[axis] = sizes[part];
        } else {
            long parts = a.has("num_outputs") ? a.integer("num_outputs", 1) : n.getOutputCount();
            long each = (x[axis] + parts - 1) / parts;
            out[axis] = part < parts - 1 ? each : x[axis] - each * (parts - 1);
        }
        return out;
    }

    private static long[] slice(ShapeInference s, Onnx.Node n, NodeAttrs a, List<String> in, long opset) {
        long[] x = s.shapeOf(in.get(0));
        long[] starts = opset >= 10 ? s.intsOf(in.get(1), "Slice's starts") : a.integers("starts");
        long[] ends = opset >= 10 ? s.intsOf(in.get(2), "Slice's ends") : a.integers("ends");
        long[] axes = opset >= 10 ? (in.size() > 3 ? s.intsOf(in.get(3), "Slice's axes") : null) : a.integers("axes");
        long[] steps = opset >= 10 && in.size() > 4 ? s.intsOf(in.get(4), "Slice's steps") : null;
        long[] out = ShapeOps.slice(x, starts, ends, axes, steps);
        long[] v = s.ints.get(in.get(0));
        if (v != null && x.length == 1 && (steps == null || steps[0] == 1)) {
            long from = Math.max(0, Math.min(v.length, starts[0] < 0 ? starts[0] + v.length : starts[0]));
            s.ints.put(n.getOutput(0), Arrays.copyOfRange(v, (int) from, (int) (from + out[0])));
        }
        return out;
    }

    private static long[] squeeze(ShapeInference s, Onnx.Node n, NodeAttrs a, List<String> in, long opset) {
        long[] x = s.shapeOf(in.get(0));
        long[] axes = opset >= 13 && in.size() > 1 ? s.intsOf(in.get(1), n.getOpType() + "'s axes") : a.integers("axes");
        if (s.ints.containsKey(in.get(0))) {
            s.ints.put(n.getOutput(0), s.ints.get(in.get(0)));
        }
        if (n.getOpType().equals("Squeeze")) {
            return Arrays.stream(squeezed(x, axes)).toArray();
        }
        int rank = x.length + axes.length;
        boolean[] added = new boolean[rank];
        for (long ax : axes) {
            added[ShapeOps.axis(ax, rank)] = true;
        }
        long[] out = new long[rank];
        for (int i = 0, j = 0; i < rank; i++) {
            out[i] = added[i] ? 1 : x[j++];
        }
        return out;
    }

    private static long[] squeezed(long[] x, long[] axes) {
        boolean[] drop = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            drop[i] = axes == null && x[i] == 1;
        }
        if (axes != null) {
            for (long ax : axes) {
                drop[ShapeOps.axis(ax, x.length)] = true;
            }
        }
        return java.util.stream.IntStream.range(0, x.length).filter(i -> !drop[i]).mapToLong(i -> x[i]).toArray();
    }

    private static long[] gather(ShapeInference s, Onnx.Node n, NodeAttrs a, List<String> in) {
        long[] data = s.shapeOf(in.get(0));
        long[] idx = s.shapeOf(in.get(1));
        int axis = ShapeOps.axis(a.integer("axis", 0), data.length);
        long[] out = new long[data.length - 1 + idx.length];
        System.arraycopy(data, 0, out, 0, axis);
        System.arraycopy(idx, 0, out, axis, idx.length);
        System.arraycopy(data, axis + 1, out, axis + idx.length, data.length - axis - 1);
        long[] v = s.ints.get(in.get(0));
        long[] i = s.ints.get(in.get(1));
        if (v != null && i != null && data.length == 1) {
            s.ints.put(n.getOutput(0), Arrays.stream(i).map(k -> v[(int) (k < 0 ? k + v.length : k)]).toArray());
        }
        return out;
    }

    /** Shape, Constant, ConstantOfShape, Expand, Pad and the reductions. */
    private static long[] constants(ShapeInference s, Onnx.Node n, NodeAttrs a, List<String> in) {
        switch (n.getOpType()) {
            case "Shape" -> {
                long[] x = s.shapeOf(in.get(0));
                int r = x.length;
                int from = (int) (a.integer("start", 0) < 0 ? a.integer("start", 0) + r : a.integer("start", 0));
                int to = (int) Math.min(r, a.integer("end", r) < 0 ? a.integer("end", r) + r : a.integer("end", r));
                s.ints.put(n.getOutput(0), Arrays.copyOfRange(x, from, to));
                return new long[] {to - from};
            }
            case "Constant" -> {
                Onnx.Tensor t = a.tensor("value");
                if (t != null) {
                    long[] v = Tensors.ints(t);
                    if (v != null) {
                        s.ints.put(n.getOutput(0), v);
                    }
                    return Tensors.dims(t);
                }
                long[] v = a.integers("value_ints");
                if (v != null || a.has("value_int")) {
                    s.ints.put(n.getOutput(0), v != null ? v : new long[] {a.integer("value_int", 0)});
                    return v != null ? new long[] {v.length} : new long[0];
                }
                float[] f = a.reals("value_floats");
                return f != null ? new long[] {f.length} : new long[0];
            }
            case "ConstantOfShape" -> {
                return s.intsOf(in.get(0), "ConstantOfShape's shape").clone();
            }
            case "Expand" -> {
                return ShapeOps.broadcast(s.shapeOf(in.get(0)), s.intsOf(in.get(1), "Expand's shape"));
            }
            case "Pad" -> {
                long[] x = s.shapeOf(in.get(0)).clone();
                long[] pads = in.size() > 1 ? s.intsOf(in.get(1), "Pad's pads") : a.integers("pads");
                for (int i = 0; i < x.length; i++) {
                    x[i] += pads[i] + pads[i + x.length];
                }
                return x;
            }
            default -> {                          // open: ReduceMean, ReduceSum, ReduceMax (the rest of OPS is handled above)
                long[] axes = in.size() > 1 ? s.intsOf(in.get(1), n.getOpType() + "'s axes") : a.integers("axes");
                if ((axes == null || axes.length == 0) && a.integer("noop_with_empty_axes", 0) == 1) {
                    return s.shapeOf(in.get(0));          // empty axes with noop_with_empty_axes: the identity
                }
                return ShapeOps.reduce(s.shapeOf(in.get(0)), axes, a.integer("keepdims", 1) == 1);
            }
        }
    }

    private static long[] orEmpty(long[] v) {
        return v == null ? new long[0] : v;
    }

    private static long[] concatValues(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
