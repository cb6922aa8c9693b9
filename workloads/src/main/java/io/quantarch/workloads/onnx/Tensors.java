package io.quantarch.workloads.onnx;

import io.quantarch.workloads.onnx.proto.Onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** What the importer needs of an ONNX tensor: its dims and, for integer shape tensors, its values. */
final class Tensors {

    static final int FLOAT = 1;
    static final int INT32 = 6;
    static final int INT64 = 7;
    static final int DOUBLE = 11;

    private Tensors() {
    }

    static long[] dims(Onnx.Tensor t) {
        long[] d = new long[t.getDimsCount()];
        for (int i = 0; i < d.length; i++) {
            d[i] = t.getDims(i);
        }
        return d;
    }

    static long elements(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Values of an integer tensor (int64 or int32, typed fields or little-endian raw data); null for other types. */
    static long[] ints(Onnx.Tensor t) {
        int n = (int) Math.min(Integer.MAX_VALUE, elements(dims(t)));
        if (t.getDataType() == INT64) {
            if (t.getInt64DataCount() > 0) {
                return t.getInt64DataList().stream().mapToLong(Long::longValue).toArray();
            }
            ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            long[] v = new long[Math.min(n, b.remaining() / 8)];
            for (int i = 0; i < v.length; i++) {
                v[i] = b.getLong();
            }
            return v;
        }
        if (t.getDataType() == INT32) {
            if (t.getInt32DataCount() > 0) {
                return t.getInt32DataList().stream().mapToLong(Integer::longValue).toArray();
            }
            ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            long[] v = new long[Math.min(n, b.remaining() / 4)];
            for (int i = 0; i < v.length; i++) {
                v[i] = b.getInt();
            }
            return v;
        }
        return null;
    }

    /** Values of a float tensor as doubles (for scalars such as Constant outputs); null for other types. */
    static double[] floats(Onnx.Tensor t) {
        if (t.getDataType() == FLOAT) {
            if (t.getFloatDataCount() > 0) {
                return t.getFloatDataList().stream().mapToDouble(Float::doubleValue).toArray();
            }
            ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            double[] v = new double[b.remaining() / 4];
            for (int i = 0; i < v.length; i++) {
                v[i] = b.getFloat();
            }
            return v;
        }
        return null;
    }
}
