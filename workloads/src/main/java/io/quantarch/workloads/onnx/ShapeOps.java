package io.quantarch.workloads.onnx;

import java.util.Arrays;

/** Output shapes of ONNX operators, as the operator specifications define them (onnx.ai/onnx/operators). */
/** Shared by shape inference (import) and the executor: one definition of each rule. */
public final class ShapeOps {

    private ShapeOps() {
    }

    /** Multidirectional (numpy) broadcasting. */
    public static long[] broadcast(long[] a, long[] b) {
        int n = Math.max(a.length, b.length);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long x = i < n - a.length ? 1 : a[i - (n - a.length)];
            long y = i < n - b.length ? 1 : b[i - (n - b.length)];
            if (x != y && x != 1 && y != 1) {
                throw new IllegalArgumentException("shapes " + Arrays.toString(a) + " and " + Arrays.toString(b) + " do not broadcast");
            }
            out[i] = x == 1 ? y : x;
        }
        return out;
    }

    /**
     * Spatial output sizes of Conv and pooling (Conv, MaxPool, AveragePool operator specs): explicit pads, or
     * auto_pad SAME_UPPER/SAME_LOWER (ceil(in / stride)) or VALID; ceil_mode for pooling.
     */
    static long[] spatial(long[] in, long[] kernel, long[] strides, long[] pads, long[] dilations, String autoPad, boolean ceil) {
        int n = kernel.length;
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long s = strides.length > i ? strides[i] : 1;
            long d = dilations.length > i ? dilations[i] : 1;
            long eff = d * (kernel[i] - 1) + 1;
            if (autoPad.startsWith("SAME")) {
                out[i] = (in[i] + s - 1) / s;
            } else if (autoPad.equals("VALID")) {
                out[i] = (in[i] - eff) / s + 1;
            } else {
                long begin = pads.length > i ? pads[i] : 0;
                long padded = in[i] + begin + (pads.length > i + n ? pads[i + n] : 0) - eff;
                out[i] = (ceil ? Math.floorDiv(padded + s - 1, s) : Math.floorDiv(padded, s)) + 1;
                if (ceil && (out[i] - 1) * s >= in[i] + begin) {
                    out[i]--;                        // ceil mode never starts a window in the end padding
                }
            }
            if (out[i] < 1) {
                throw new IllegalArgumentException("window " + kernel[i] + " (dilation " + d + ") larger than the padded input " + in[i]);
            }
        }
        return out;
    }

    /** MatMul shapes (numpy matmul): 1-D operands promoted and their added dimension removed, batch dims broadcast. */
    static long[] matmul(long[] a, long[] b) {
        long[] a2 = a.length == 1 ? new long[] {1, a[0]} : a;
        long[] b2 = b.length == 1 ? new long[] {b[0], 1} : b;
        if (a2[a2.length - 1] != b2[b2.length - 2]) {
            throw new IllegalArgumentException("MatMul inner dimensions differ: " + Arrays.toString(a) + " x " + Arrays.toString(b));
        }
        long[] batch = broadcast(Arrays.copyOf(a2, a2.length - 2), Arrays.copyOf(b2, b2.length - 2));
        java.util.List<Long> out = new java.util.ArrayList<>(Arrays.stream(batch).boxed().toList());
        if (a.length > 1) {
            out.add(a2[a2.length - 2]);                  // a 1-D operand's added dimension is removed again
        }
        if (b.length > 1) {
            out.add(b2[b2.length - 1]);
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** Reshape's target: 0 copies the input's dimension (unless allowzero), -1 takes what is left. */
    public static long[] reshape(long[] in, long[] target, boolean allowZero) {
        long[] out = target.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0 && !allowZero) {
                out[i] = in[i];
            }
            if (out[i] == -1) {
                infer = i;
            } else {
                known *= out[i];
            }
        }
        long total = Tensors.elements(in);
        if (infer >= 0) {
            out[infer] = known == 0 ? 0 : total / known;
        }
        if (Tensors.elements(out) != total) {
            throw new IllegalArgumentException("cannot reshape " + Arrays.toString(in) + " to " + Arrays.toString(target));
        }
        return out;
    }

    public static long elements(long[] shape) {
        return Tensors.elements(shape);
    }

    public static int axis(long axis, int rank) {
        int a = (int) (axis < 0 ? axis + rank : axis);
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException("axis " + axis + " outside rank " + rank);
        }
        return a;
    }

    /** Slice along given axes with clamped starts and ends (Slice operator spec). */
    static long[] slice(long[] in, long[] starts, long[] ends, long[] axes, long[] steps) {
        long[] out = in.clone();
        for (int i = 0; i < starts.length; i++) {
            int ax = axis(axes == null ? i : axes[i], in.length);
            long step = steps == null ? 1 : steps[i];
            long dim = in[ax];
            long s = clamp(starts[i] < 0 ? starts[i] + dim : starts[i], step > 0 ? 0 : -1, step > 0 ? dim : dim - 1);
            long e = clamp(ends[i] < 0 ? ends[i] + dim : ends[i], step > 0 ? 0 : -1, step > 0 ? dim : dim - 1);
            long len = step > 0 ? Math.max(0, (e - s + step - 1) / step) : Math.max(0, (s - e - step - 1) / -step);
            out[ax] = len;
        }
        return out;
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Reductions: the reduced axes removed, or kept as 1. */
    static long[] reduce(long[] in, long[] axes, boolean keepDims) {
        boolean[] reduced = new boolean[in.length];
        if (axes == null || axes.length == 0) {
            Arrays.fill(reduced, true);
        } else {
            for (long a : axes) {
                reduced[axis(a, in.length)] = true;
            }
        }
        long[] out = new long[in.length];
        int n = 0;
        for (int i = 0; i < in.length; i++) {
            if (!reduced[i]) {
                out[n++] = in[i];
            } else if (keepDims) {
                out[n++] = 1;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
