package io.quantarch.workloads.onnx.exec;

import io.quantarch.workloads.onnx.ShapeOps;

import java.util.Arrays;
import java.util.List;

/** Data-movement operators: the values are copied or re-indexed, never computed on. */
final class Layout {

    private Layout() {
    }

    static Value reshaped(Value x, long[] shape) {
        return x.isFloat() ? Value.floats(shape, x.f()) : Value.ints(x.type(), shape, x.i());
    }

    /** A new value of {@code x}'s type whose element k is x's element {@code src[k]}. */
    static Value gathered(Value x, long[] shape, int[] src) {
        if (x.isFloat()) {
            float[] out = new float[src.length];
            for (int k = 0; k < src.length; k++) {
                out[k] = x.f()[src[k]];
            }
            return Value.floats(shape, out);
        }
        long[] out = new long[src.length];
        for (int k = 0; k < src.length; k++) {
            out[k] = x.i()[src[k]];
        }
        return Value.ints(x.type(), shape, out);
    }

    static long[] strides(long[] s) {
        long[] st = new long[s.length];
        long acc = 1;
        for (int k = s.length - 1; k >= 0; k--) {
            st[k] = acc;
            acc *= s[k];
        }
        return st;
    }

    /** Element indices of {@code x} for an output of {@code shape} where output index idx reads input at map(idx). */
    interface IndexMap {
        long source(long[] outIndex);
    }

    static Value remap(Value x, long[] shape, IndexMap map) {
        int n = (int) ShapeOps.elements(shape);
        int[] src = new int[n];
        long[] idx = new long[shape.length];
        for (int e = 0; e < n; e++) {
            src[e] = (int) map.source(idx);
            for (int k = shape.length - 1; k >= 0; k--) {
                if (++idx[k] < shape[k]) {
                    break;
                }
                idx[k] = 0;
            }
        }
        return gathered(x, shape, src);
    }

    static Value transpose(Value x, long[] perm) {
        long[] s = x.shape();
        int r = s.length;
        long[] p = perm == null ? new long[r] : perm;
        if (perm == null) {
            for (int k = 0; k < r; k++) {
                p[k] = r - 1 - k;
            }
        }
        long[] out = new long[r];
        for (int k = 0; k < r; k++) {
            out[k] = s[(int) p[k]];
        }
        long[] st = strides(s);
        return remap(x, out, idx -> {
            long off = 0;
            for (int k = 0; k < r; k++) {
                off += idx[k] * st[(int) p[k]];
            }
            return off;
        });
    }

    static Value concat(List<Value> xs, long axisAttr) {
        int r = xs.get(0).rank();
        int axis = ShapeOps.axis(axisAttr, r);
        long[] out = xs.get(0).shape().clone();
        out[axis] = xs.stream().mapToLong(v -> v.shape()[axis]).sum();
        int outer = Shapes.span(out, 0, axis);
        int inner = Shapes.span(out, axis + 1, r);
        boolean f = xs.stream().anyMatch(Value::isFloat);
        float[] of = f ? new float[(int) ShapeOps.elements(out)] : null;
        long[] oi = f ? null : new long[(int) ShapeOps.elements(out)];
        int pos = 0;
        for (Value x : xs) {
            int len = (int) x.shape()[axis] * inner;
            float[] xf = f ? x.asFloats() : null;
            for (int o = 0; o < outer; o++) {
                int to = o * (int) out[axis] * inner + pos;
                if (f) {
                    System.arraycopy(xf, o * len, of, to, len);
                } else {
                    System.arraycopy(x.i(), o * len, oi, to, len);
                }
            }
            pos += len;
        }
        return f ? Value.floats(out, of) : Value.ints(xs.get(0).type(), out, oi);
    }

    /** Slice with clamped starts and ends along given axes (Slice spec). */
    static Value slice(Value x, long[] starts, long[] ends, long[] axes, long[] steps) {
        long[] s = x.shape();
        long[] begin = new long[s.length];
        long[] step = new long[s.length];
        long[] out = s.clone();
        Arrays.fill(step, 1);
        for (int k = 0; k < starts.length; k++) {
            int ax = ShapeOps.axis(axes == null ? k : axes[k], s.length);
            long st = steps == null ? 1 : steps[k];
            long d = s[ax];
            long b = clamp(starts[k] < 0 ? starts[k] + d : starts[k], st > 0 ? 0 : -1, st > 0 ? d : d - 1);
            long e = clamp(ends[k] < 0 ? ends[k] + d : ends[k], st > 0 ? 0 : -1, st > 0 ? d : d - 1);
            begin[ax] = b;
            step[ax] = st;
            out[ax] = st > 0 ? Math.max(0, (e - b + st - 1) / st) : Math.max(0, (b - e - st - 1) / -st);
        }
        long[] st = strides(s);
        return remap(x, out, idx -> {
            long off = 0;
            for (int k = 0; k < s.length; k++) {
                off += (begin[k] + idx[k] * step[k]) * st[k];
            }
            return off;
        });
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    static Value gather(Value data, Value indices, long axisAttr) {
        long[] s = data.shape();
        int axis = ShapeOps.axis(axisAttr, s.length);
        long[] is = indices.shape();
        long[] out = new long[s.length - 1 + is.length];
        System.arraycopy(s, 0, out, 0, axis);
        System.arraycopy(is, 0, out, axis, is.length);
        System.arraycopy(s, axis + 1, out, axis + is.length, s.length - axis - 1);
        long[] st = strides(s);
        long[] ist = strides(is);
        long[] ix = indices.asLongs();
        return remap(data, out, idx -> {
            long off = 0;
            for (int k = 0; k < axis; k++) {
                off += idx[k] * st[k];
            }
            long flat = 0;
            for (int k = 0; k < is.length; k++) {
                flat += idx[axis + k] * ist[k];
            }
            long g = ix[(int) flat];
            off += (g < 0 ? g + s[axis] : g) * st[axis];
            for (int k = axis + 1; k < s.length; k++) {
                off += idx[k - 1 + is.length] * st[k];
            }
            return off;
        });
    }

    static Value expand(Value x, long[] target) {
        long[] out = ShapeOps.broadcast(x.shape(), target);
        return gathered(x, out, Elementwise.sourceIndex(x.shape(), out));
    }

    /** Constant-mode Pad (pads: all begins, then all ends). */
    static Value pad(Value x, long[] pads, double value, String mode) {
        if (!List.of("constant", "reflect", "edge", "wrap").contains(mode)) {
            throw new IllegalArgumentException("Pad mode '" + mode + "'");
        }
        long[] s = x.shape();
        int r = s.length;
        long[] out = new long[r];
        for (int k = 0; k < r; k++) {
            out[k] = s[k] + pads[k] + pads[k + r];
        }
        long[] st = strides(s);
        int n = (int) ShapeOps.elements(out);
        float[] of = new float[n];
        long[] idx = new long[r];
        float[] xf = x.asFloats();
        for (int e = 0; e < n; e++) {
            long off = 0;
            boolean inside = true;
            for (int k = 0; k < r && inside; k++) {
                long i = source(idx[k] - pads[k], s[k], mode);
                inside = i >= 0 && i < s[k];
                off += i * st[k];
            }
            of[e] = inside ? xf[(int) off] : (float) value;
            for (int k = r - 1; k >= 0; k--) {
                if (++idx[k] < out[k]) {
                    break;
                }
                idx[k] = 0;
            }
        }
        return Value.floats(out, of);
    }

    /** The input index a padded position reads: reflect mirrors without the edge, edge repeats it, wrap is periodic. */
    private static long source(long i, long n, String mode) {
        if (i >= 0 && i < n || mode.equals("constant")) {
            return i;
        }
        return switch (mode) {
            case "edge" -> Math.max(0, Math.min(n - 1, i));
            case "wrap" -> Math.floorMod(i, n);
            default -> {                                      // open: reflect
                long period = 2 * (n - 1);
                long m = period == 0 ? 0 : Math.floorMod(i, period);
                yield m < n ? m : period - m;
            }
        };
    }

    /** ReduceMean / ReduceSum / ReduceMax over {@code axes} (all when empty), keeping them as 1 if asked. */
    static Value reduce(Value x, long[] axes, boolean keep, String op) {
        long[] s = x.shape();
        boolean[] red = new boolean[s.length];
        for (int k = 0; k < s.length; k++) {
            red[k] = axes == null || axes.length == 0;
        }
        if (axes != null) {
            for (long a : axes) {
                red[ShapeOps.axis(a, s.length)] = true;
            }
        }
        long[] kept = new long[s.length];
        for (int k = 0; k < s.length; k++) {
            kept[k] = red[k] ? 1 : s[k];
        }
        int n = (int) ShapeOps.elements(kept);
        double[] acc = new double[n];
        Arrays.fill(acc, op.equals("ReduceMax") ? Double.NEGATIVE_INFINITY : 0);
        long[] kst = strides(kept);
        long[] idx = new long[s.length];
        for (int e = 0; e < x.size(); e++) {
            long o = 0;
            for (int k = 0; k < s.length; k++) {
                o += red[k] ? 0 : idx[k] * kst[k];
            }
            acc[(int) o] = op.equals("ReduceMax") ? Math.max(acc[(int) o], x.get(e)) : acc[(int) o] + x.get(e);
            for (int k = s.length - 1; k >= 0; k--) {
                if (++idx[k] < s[k]) {
                    break;
                }
                idx[k] = 0;
            }
        }
        long count = x.size() / Math.max(1, n);
        float[] out = new float[n];
        for (int k = 0; k < n; k++) {
            out[k] = (float) (op.equals("ReduceMean") ? acc[k] / count : acc[k]);
        }
        long[] shape = keep ? kept : java.util.stream.IntStream.range(0, s.length).filter(k -> !red[k]).mapToLong(k -> s[k]).toArray();
        return Value.floats(shape, out);
    }
}
