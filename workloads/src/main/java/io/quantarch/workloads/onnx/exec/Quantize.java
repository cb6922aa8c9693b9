package io.quantarch.workloads.onnx.exec;

import io.quantarch.workloads.onnx.ShapeOps;

import io.quantarch.workloads.onnx.NodeAttrs;

import java.util.List;

/**
 * QuantizeLinear and DequantizeLinear for 8-bit integers (QuantizeLinear/DequantizeLinear specs): y = saturate(
 * round_half_even(x / scale) + zero_point), x = (y - zero_point) * scale, with a per-tensor scale, or one per slice of
 * {@code axis} (per channel), or per block of {@code block_size} along it.
 */
final class Quantize {

    private Quantize() {
    }

    static Value apply(String op, NodeAttrs a, List<Value> in) {
        Value x = in.get(0);
        Value scale = in.get(1);
        Value zp = in.size() > 2 ? in.get(2) : null;
        int type = zp != null ? zp.type() : (int) a.integer("output_dtype", Value.UINT8) == 0 ? Value.UINT8 : (int) a.integer("output_dtype", Value.UINT8);
        int[] param = paramIndex(x.shape(), scale.shape(), a);
        if (op.equals("DequantizeLinear")) {
            float[] out = new float[x.size()];
            for (int k = 0; k < out.length; k++) {
                double z = zp == null ? 0 : zp.get(param[k]);
                out[k] = (float) ((x.get(k) - z) * scale.get(param[k]));
            }
            return Value.floats(x.shape(), out);
        }
        if (SmallFloats.handles(type)) {
            return toNarrow(x, scale, zp, param, type, a.integer("saturate", 1) == 1);
        }
        if (type != Value.UINT8 && type != Value.INT8) {
            throw new IllegalArgumentException("QuantizeLinear to tensor type " + type);
        }
        long lo = type == Value.INT8 ? -128 : 0;
        long hi = type == Value.INT8 ? 127 : 255;
        long[] out = new long[x.size()];
        for (int k = 0; k < out.length; k++) {
            double z = zp == null ? 0 : zp.get(param[k]);
            long q = (long) Math.rint((float) x.get(k) / (float) scale.get(param[k])) + (long) z;
            out[k] = Math.max(lo, Math.min(hi, q));
        }
        return Value.ints(type, x.shape(), out);
    }

    /** QuantizeLinear to a narrow type: x / scale (+ zero point for the integer ones), cast with the type's rounding. */
    private static Value toNarrow(Value x, Value scale, Value zp, int[] param, int type, boolean saturate) {
        boolean integer = type == SmallFloats.INT4 || type == SmallFloats.UINT4;
        float[] f = new float[x.size()];
        long[] i = new long[x.size()];
        for (int k = 0; k < f.length; k++) {
            float y = (float) x.get(k) / (float) scale.get(param[k]);
            if (integer) {
                i[k] = (long) SmallFloats.decode(type, SmallFloats.encode(type, (float) (Math.rint(y) + (zp == null ? 0 : zp.get(param[k]))), true));
            } else {
                f[k] = SmallFloats.decode(type, SmallFloats.encode(type, y, saturate));
            }
        }
        return integer ? Value.ints(type, x.shape(), i) : new Value(type, x.shape(), f, null);
    }

    /** For each element, the index of its scale and zero point: per tensor, per axis slice, or per block along the axis. */
    private static int[] paramIndex(long[] shape, long[] scaleShape, NodeAttrs a) {
        int n = (int) ShapeOps.elements(shape);
        int[] idx = new int[n];
        if (scaleShape.length == 0 || ShapeOps.elements(scaleShape) == 1) {
            return idx;
        }
        int axis = ShapeOps.axis(a.integer("axis", 1), shape.length);
        int inner = Shapes.span(shape, axis + 1, shape.length);
        int dim = (int) shape[axis];
        long block = a.integer("block_size", 0);
        for (int k = 0; k < n; k++) {
            int along = (k / inner) % dim;
            if (block <= 0) {
                idx[k] = along;
            } else {
                int outer = k / (inner * dim);
                int perAxis = (int) scaleShape[axis];
                int rest = k % inner;
                idx[k] = (outer * perAxis + (int) (along / block)) * inner + rest;
            }
        }
        return idx;
    }
}
