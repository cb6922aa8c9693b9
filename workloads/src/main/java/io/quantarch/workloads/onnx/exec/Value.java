package io.quantarch.workloads.onnx.exec;

import com.google.protobuf.ByteString;
import io.quantarch.workloads.onnx.proto.Onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A tensor while a graph executes: float32 values, or integers (INT64, INT32 and BOOL held as longs), row-major with
 * its shape. Immutable by convention: kernels write new arrays.
 */
public record Value(int type, long[] shape, float[] f, long[] i) {

    public static final int FLOAT = 1;
    public static final int UINT8 = 2;
    public static final int INT8 = 3;
    public static final int INT32 = 6;
    public static final int INT64 = 7;
    public static final int BOOL = 9;
    public static final int DOUBLE = 11;

    public static Value floats(long[] shape, float[] f) {
        return new Value(FLOAT, shape, f, null);
    }

    public static Value ints(int type, long[] shape, long[] i) {
        return new Value(type, shape, null, i);
    }

    public boolean isFloat() {
        return f != null;
    }

    public int size() {
        return f != null ? f.length : i.length;
    }

    public int rank() {
        return shape.length;
    }

    /** Element {@code k} as a double, whatever the type. */
    public double get(int k) {
        return f != null ? f[k] : i[k];
    }

    public float[] asFloats() {
        if (f != null) {
            return f;
        }
        float[] out = new float[i.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = i[k];
        }
        return out;
    }

    public long[] asLongs() {
        if (i != null) {
            return i;
        }
        long[] out = new long[f.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = (long) f[k];
        }
        return out;
    }

    /** Reads a TensorProto of a type this executor handles; null for other types. */
    public static Value of(Onnx.Tensor t) {
        long[] shape = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
        int n = (int) Arrays.stream(shape).reduce(1, Math::multiplyExact);
        // slice(): the buffer may start inside a larger array, and the narrow types read it by absolute index
        ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().slice().order(ByteOrder.LITTLE_ENDIAN);
        boolean hasRaw = !t.getRawData().isEmpty();
        if (SmallFloats.handles(t.getDataType())) {
            return narrow(t, shape, n, raw, hasRaw);
        }
        switch (t.getDataType()) {
            case FLOAT -> {
                float[] f = new float[n];
                for (int k = 0; k < n; k++) {
                    f[k] = hasRaw ? raw.getFloat() : t.getFloatData(k);
                }
                return floats(shape, f);
            }
            case DOUBLE -> {
                float[] f = new float[n];
                for (int k = 0; k < n; k++) {
                    f[k] = (float) (hasRaw ? raw.getDouble() : t.getDoubleData(k));
                }
                return floats(shape, f);
            }
            case INT64 -> {
                long[] v = new long[n];
                for (int k = 0; k < n; k++) {
                    v[k] = hasRaw ? raw.getLong() : t.getInt64Data(k);
                }
                return ints(INT64, shape, v);
            }
            case INT32, BOOL, INT8, UINT8 -> {
                long[] v = new long[n];
                int dt = t.getDataType();
                for (int k = 0; k < n; k++) {
                    v[k] = !hasRaw ? t.getInt32Data(k) : dt == INT32 ? raw.getInt() : dt == UINT8 ? raw.get() & 0xFF : raw.get();
                }
                return ints(dt, shape, v);
            }
            default -> {                                   // open: FLOAT16, FLOAT8, INT4, ... are not executed
                return null;
            }
        }
    }

    /** A 16-, 8- or 4-bit tensor: codes (4-bit ones two per byte, low nibble first) decoded to their values. */
    private static Value narrow(Onnx.Tensor t, long[] shape, int n, ByteBuffer raw, boolean hasRaw) {
        int dt = t.getDataType();
        int bits = SmallFloats.bits(dt);
        int[] codes = new int[n];
        for (int k = 0; k < n; k++) {
            int word = bits == 4 ? k / 2 : k;
            int c = hasRaw ? (bits == 16 ? raw.getShort(word * 2) & 0xFFFF : raw.get(word) & 0xFF) : t.getInt32Data(word);
            codes[k] = bits == 4 ? (k % 2 == 0 ? c & 0xF : (c >> 4) & 0xF) : c;
        }
        if (dt == SmallFloats.INT4 || dt == SmallFloats.UINT4) {
            long[] v = new long[n];
            for (int k = 0; k < n; k++) {
                v[k] = (long) SmallFloats.decode(dt, codes[k]);
            }
            return ints(dt, shape, v);
        }
        float[] f = new float[n];
        for (int k = 0; k < n; k++) {
            f[k] = SmallFloats.decode(dt, codes[k]);
        }
        return new Value(dt, shape, f, null);
    }

    /** As a TensorProto named {@code name} (raw little-endian data, as onnx.numpy_helper writes it). */
    public Onnx.Tensor toProto(String name) {
        if (SmallFloats.handles(type)) {
            int bits = SmallFloats.bits(type);
            byte[] out = new byte[bits == 16 ? size() * 2 : bits == 8 ? size() : (size() + 1) / 2];
            for (int k = 0; k < size(); k++) {
                int c = SmallFloats.encode(type, (float) get(k), true);
                if (bits == 16) {
                    out[2 * k] = (byte) c;
                    out[2 * k + 1] = (byte) (c >> 8);
                } else if (bits == 8) {
                    out[k] = (byte) c;
                } else {
                    out[k / 2] |= (byte) (k % 2 == 0 ? c & 0xF : (c & 0xF) << 4);
                }
            }
            Onnx.Tensor.Builder t = Onnx.Tensor.newBuilder().setName(name).setDataType(type);
            for (long d : shape) {
                t.addDims(d);
            }
            return t.setRawData(ByteString.copyFrom(out)).build();
        }
        int width = type == FLOAT || type == INT32 ? 4 : type == BOOL || type == INT8 || type == UINT8 ? 1 : 8;
        ByteBuffer b = ByteBuffer.allocate(size() * width).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < size(); k++) {
            switch (type) {
                case FLOAT -> b.putFloat(f[k]);
                case INT32 -> b.putInt((int) i[k]);
                case BOOL, INT8, UINT8 -> b.put((byte) i[k]);
                default -> b.putLong(i[k]);                // open: INT64
            }
        }
        Onnx.Tensor.Builder t = Onnx.Tensor.newBuilder().setName(name).setDataType(type == DOUBLE ? FLOAT : type);
        for (long d : shape) {
            t.addDims(d);
        }
        return t.setRawData(ByteString.copyFrom(b.array())).build();
    }
}
