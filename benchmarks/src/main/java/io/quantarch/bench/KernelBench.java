package io.quantarch.bench;

import io.quantarch.workloads.model.LlamaCheckpoint;
import io.quantarch.workloads.model.LlamaConfig;
import io.quantarch.workloads.model.LlamaModel;
import io.quantarch.workloads.model.Stories260k;
import io.quantarch.workloads.tensor.ActivationObserver;
import io.quantarch.workloads.tensor.AttentionKernel;
import io.quantarch.workloads.tensor.Ops;
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

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The FP32 reference kernels for a prefill window (queries or rows across the vector lanes) against the one-query /
 * one-row kernels they replace, same bits, in the same run. Each pair is one operation of the same work:
 * <ul>
 *   <li>{@code linearRowByRow} / {@code linearRowsAcrossLanes}: stories260K's FFN up projection, 512 rows x 64 inputs
 *   x 172 outputs (row by row: {@link Ops#linear} on 8-row slices, below its block threshold);</li>
 *   <li>{@code attentionOneQueryAtATime} / {@code attentionBlock}: one layer's causal attention over a 512-token
 *   window, 8 heads of 8 sharing 4 K/V heads;</li>
 *   <li>{@code windowDecode} / {@code windowPrefill}: stories260K's NLL of one 512-token window, token by token
 *   against a KV cache or as one prefill.</li>
 * </ul>
 * {@code scripts/bench.sh 'KernelBench.linear' linearRowByRow}, {@code scripts/bench.sh 'KernelBench.attention'
 * attentionOneQueryAtATime}, {@code scripts/bench.sh 'KernelBench.window' windowDecode}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KernelBench {

    private static final int ROWS = 512;
    private static final int IN = 64;
    private static final int OUT = 172;
    private static final int SLICE = 8;
    private static final int HEADS = 8;
    private static final int KV_HEADS = 4;
    private static final int HEAD_SIZE = 8;

    float[] x;
    float[][] slices;
    float[] w;
    float[] y;
    float[] q;
    float[] keys;
    float[] values;
    LlamaModel model;
    int[] tokens;

    @Setup
    public void setUp() {
        Random rnd = new Random(1);
        x = gaussian(rnd, ROWS * IN);
        w = gaussian(rnd, OUT * IN);
        y = new float[ROWS * OUT];
        slices = new float[ROWS / SLICE][];
        for (int s = 0; s < slices.length; s++) {
            slices[s] = java.util.Arrays.copyOfRange(x, s * SLICE * IN, (s + 1) * SLICE * IN);
        }
        q = gaussian(rnd, ROWS * HEADS * HEAD_SIZE);
        keys = gaussian(rnd, ROWS * KV_HEADS * HEAD_SIZE);
        values = gaussian(rnd, ROWS * KV_HEADS * HEAD_SIZE);
        model = LlamaModel.fp32(LlamaCheckpoint.stories260k());
        tokens = Stories260k.tokens();
    }

    private static float[] gaussian(Random rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextGaussian();
        }
        return a;
    }

    @Benchmark
    public float[] linearRowByRow() {
        float[] part = new float[SLICE * OUT];
        for (int s = 0; s < slices.length; s++) {
            Ops.linear(slices[s], SLICE, IN, w, OUT, null, part);
            System.arraycopy(part, 0, y, s * SLICE * OUT, part.length);
        }
        return y;
    }

    @Benchmark
    public float[] linearRowsAcrossLanes() {
        Ops.linear(x, ROWS, IN, w, OUT, null, y);
        return y;
    }

    @Benchmark
    public float[] attentionOneQueryAtATime() {
        int dim = HEADS * HEAD_SIZE;
        float[] ctx = new float[ROWS * dim];
        AttentionKernel k = AttentionKernel.dense(HEADS, KV_HEADS, HEAD_SIZE);
        for (int t = 0; t < ROWS; t++) {
            k.attend(0, t, q, t * dim, keys, values, ctx, t * dim);
        }
        return ctx;
    }

    @Benchmark
    public float[] attentionBlock() {
        int dim = HEADS * HEAD_SIZE;
        float[] ctx = new float[ROWS * dim];
        AttentionKernel.dense(HEADS, KV_HEADS, HEAD_SIZE).attendAll(0, 0, ROWS, q, keys, values, ctx, dim);
        return ctx;
    }

    @Benchmark
    public double windowDecode() {
        LlamaConfig c = model.config();
        return model.windowNllDecode(tokens, 0, Stories260k.WINDOW - 1, AttentionKernel.dense(c.heads(), c.kvHeads(), c.headSize()));
    }

    @Benchmark
    public double windowPrefill() {
        return model.windowNll(tokens, 0, Stories260k.WINDOW - 1, ActivationObserver.NONE);
    }
}
