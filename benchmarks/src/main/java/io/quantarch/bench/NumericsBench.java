package io.quantarch.bench;

import io.quantarch.numerics.format.Formats;
import io.quantarch.numerics.format.MiniFloat;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.numerics.quant.Segments;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Encode/decode throughput over 1M floats (a 1024 x 1024 weight matrix), next to a plain float-array
 * copy measured in the same run: the ratio to {@code copy} is what to read, not the absolute time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NumericsBench {

    static final int ROWS = 1024;
    static final int COLS = 1024;
    static final int N = ROWS * COLS;

    float[] x;
    float[] out;
    int[] codes;
    int[] e4m3Codes;
    int[] e2m1Codes;
    Segments rows;
    MiniFloat e4m3;
    MiniFloat e2m1;
    float[] e4m3Table;
    float[] e2m1Table;
    NumberFormat mxfp4;
    NumberFormat int4g128;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        x = new float[N];
        for (int i = 0; i < N; i++) {
            x[i] = (float) (r.nextDouble(-1, 1) * r.nextDouble(0, 4));
        }
        out = new float[N];
        codes = new int[N];
        rows = Segments.rows(ROWS, COLS);
        e4m3 = MiniFloat.fp8E4m3();
        e2m1 = MiniFloat.fp4E2m1();
        e4m3Table = e4m3.decodeTable();
        e2m1Table = e2m1.decodeTable();
        e4m3Codes = new int[N];
        e2m1Codes = new int[N];
        for (int i = 0; i < N; i++) {
            e4m3Codes[i] = e4m3.encode(x[i] * 100);
            e2m1Codes[i] = e2m1.encode(x[i]);
        }
        mxfp4 = Formats.byName("mxfp4");
        int4g128 = Formats.byName("int4_sym_g128");
    }

    @Benchmark
    public float[] copy() {
        float[] a = x;
        float[] b = out;
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i];
        }
        return b;
    }

    @Benchmark
    public int[] fp8e4m3Encode() {
        for (int i = 0; i < N; i++) {
            codes[i] = e4m3.encode(x[i]);
        }
        return codes;
    }

    @Benchmark
    public float[] fp8e4m3Decode() {
        float[] t = e4m3Table;
        for (int i = 0; i < N; i++) {
            out[i] = t[e4m3Codes[i]];
        }
        return out;
    }

    @Benchmark
    public int[] fp4e2m1Encode() {
        for (int i = 0; i < N; i++) {
            codes[i] = e2m1.encode(x[i]);
        }
        return codes;
    }

    @Benchmark
    public float[] fp4e2m1Decode() {
        float[] t = e2m1Table;
        for (int i = 0; i < N; i++) {
            out[i] = t[e2m1Codes[i]];
        }
        return out;
    }

    @Benchmark
    public QuantizedTensor mxfp4Quantize() {
        return mxfp4.quantize(x, rows);
    }

    @Benchmark
    public QuantizedTensor int4SymG128Quantize() {
        return int4g128.quantize(x, rows);
    }

    @Benchmark
    public float[] int4SymG128FakeQuantize() {
        return int4g128.fakeQuantize(x, rows);
    }
}
