package io.quantarch.workloads.onnx.exec;

import io.quantarch.workloads.onnx.ShapeOps;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;

/** Element-wise operators with multidirectional (numpy) broadcasting, in float32 or on integers. */
final class Elementwise {

    private Elementwise() {
    }

    /** For each element of {@code out}, the index of the element of {@code in} broadcast onto it. */
    static int[] sourceIndex(long[] in, long[] out) {
        int n = (int) ShapeOps.elements(out);
        int[] src = new int[n];
        if (java.util.Arrays.equals(in, out)) {
            for (int e = 0; e < n; e++) {
                src[e] = e;                                        // no broadcasting: the identity
            }
            return src;
        }
        int r = out.length;
        long[] stride = new long[r];
        long s = 1;
        for (int k = r - 1; k >= 0; k--) {
            int ik = k - (r - in.length);
            stride[k] = ik < 0 || in[ik] == 1 ? 0 : s;
            s *= ik < 0 ? 1 : in[ik];
        }
        long[] idx = new long[r];
        long off = 0;
        for (int e = 0; e < n; e++) {
            src[e] = (int) off;
            for (int k = r - 1; k >= 0; k--) {
                idx[k]++;
                off += stride[k];
                if (idx[k] < out[k]) {
                    break;
                }
                off -= stride[k] * idx[k];
                idx[k] = 0;
            }
        }
        return src;
    }

    static Value unary(Value x, DoubleUnaryOperator op) {
        float[] in = x.asFloats();
        float[] out = new float[in.length];
        for (int k = 0; k < in.length; k++) {
            out[k] = (float) op.applyAsDouble(in[k]);
        }
        return Value.floats(x.shape(), out);
    }

    /** A binary operator; integers stay integers when both operands are integers and {@code ints} is given. */
    static Value binary(Value a, Value b, DoubleBinaryOperator op, LongBinaryOperator ints, int resultType) {
        long[] shape = ShapeOps.broadcast(a.shape(), b.shape());
        int[] ia = sourceIndex(a.shape(), shape);
        int[] ib = sourceIndex(b.shape(), shape);
        if (resultType == Value.BOOL || !a.isFloat() && !b.isFloat() && ints != null) {
            long[] out = new long[ia.length];
            for (int k = 0; k < out.length; k++) {
                out[k] = resultType == Value.BOOL ? (long) op.applyAsDouble(a.get(ia[k]), b.get(ib[k]))
                        : ints.applyAsLong(a.i()[ia[k]], b.i()[ib[k]]);
            }
            return Value.ints(resultType == Value.BOOL ? Value.BOOL : a.type(), shape, out);
        }
        float[] fa = a.asFloats();
        float[] fb = b.asFloats();
        float[] out = new float[ia.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = (float) op.applyAsDouble(fa[ia[k]], fb[ib[k]]);
        }
        return Value.floats(shape, out);
    }

    /** Sum, Max, Min, Mean over any number of operands. */
    static Value variadic(List<Value> xs, DoubleBinaryOperator op, boolean mean) {
        Value acc = xs.get(0);
        for (Value x : xs.subList(1, xs.size())) {
            acc = binary(acc, x, op, null, Value.FLOAT);
        }
        if (mean) {
            int n = xs.size();
            return unary(acc, v -> (float) v / n);
        }
        return acc;
    }

    static Value where(Value c, Value a, Value b) {
        long[] shape = ShapeOps.broadcast(ShapeOps.broadcast(c.shape(), a.shape()), b.shape());
        int[] ic = sourceIndex(c.shape(), shape);
        int[] ia = sourceIndex(a.shape(), shape);
        int[] ib = sourceIndex(b.shape(), shape);
        if (a.isFloat() || b.isFloat()) {
            float[] out = new float[ic.length];
            for (int k = 0; k < out.length; k++) {
                out[k] = (float) (c.get(ic[k]) != 0 ? a.get(ia[k]) : b.get(ib[k]));
            }
            return Value.floats(shape, out);
        }
        long[] out = new long[ic.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = c.get(ic[k]) != 0 ? a.i()[ia[k]] : b.i()[ib[k]];
        }
        return Value.ints(a.type(), shape, out);
    }

    /** Erf to float precision (Abramowitz-Stegun 7.1.26 is too coarse; this is the W. J. Cody rational form via erfc). */
    static double erf(double x) {
        double t = 1.0 / (1.0 + 0.5 * Math.abs(x));
        // Numerical Recipes erfc (Chebyshev fit, relative error < 1.2e-7 everywhere)
        double y = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1 - y : y - 1;
    }
}
