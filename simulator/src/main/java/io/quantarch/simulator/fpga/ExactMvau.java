package io.quantarch.simulator.fpga;

import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.numerics.quant.Segments;
import io.quantarch.workloads.tensor.ActivationObserver;
import io.quantarch.workloads.tensor.LinearKernel;

import java.math.BigInteger;

/**
 * The functional datapath of a matrix-vector unit, bit-exact: weights stored as codes (one scale per output channel
 * or per tensor), inputs quantized with a static per-tensor scale, every product accumulated exactly in a fixed-point
 * register (as FINN's integer accumulator and a Kulisch minifloat accumulator do), then one conversion:
 * {@code y = fl32(fl64(acc) x 2^(lsbW + lsbA) x (sw x sa)) + bias}. Folding changes when results appear, not what they
 * are, so the same datapath serves every folding.
 *
 * <p>The register is an {@code int} or {@code long} when {@link #accumulatorBits()} fits, else a binned 128-bit
 * accumulator (wide-exponent minifloats such as E5M2).
 */
public final class ExactMvau implements LinearKernel {

    private final String name;
    private final int in;
    private final int out;
    private final long[] weights;          // [out][in] fixed-point
    private final int[] weights32;         // the same when the accumulator fits 31 bits (vectorizes twice as wide)
    private final int[] weightSignificand; // wide path: signed significand and exponent index of each weight
    private final int[] weightExponent;
    private final double[] outputScale;    // per output: sw x sa x 2^(lsbW + lsbA)
    private final float[] bias;
    private final FixedPointCodes inputCodes;
    private final float inputScale;
    private final int accumulatorBits;
    private final boolean wide;

    public ExactMvau(String name, float[] weight, int out, int in, float[] bias, NumberFormat weightFormat,
                     NumberFormat inputFormat, float inputMaxAbs) {
        if (weight.length != out * in || bias != null && bias.length != out) {
            throw new IllegalArgumentException(name + ": weight/bias shapes do not match " + out + " x " + in);
        }
        this.name = name;
        this.in = in;
        this.out = out;
        this.bias = bias == null ? new float[out] : bias.clone();
        FixedPointCodes wc = FixedPointCodes.of(weightFormat);
        this.inputCodes = FixedPointCodes.of(inputFormat);
        QuantizedTensor q = weightFormat.quantize(weight, Segments.rows(out, in));
        this.weights = new long[weight.length];
        for (int i = 0; i < weight.length; i++) {
            weights[i] = wc.fixed(q.codes()[i]);
        }
        this.inputScale = inputMaxAbs > 0 ? inputMaxAbs / inputCodes.maxFinite() : 1f;
        this.outputScale = new double[out];
        int[] group = q.groupIndex();
        for (int o = 0; o < out; o++) {
            double sw = q.scales()[group[o * in]];
            outputScale[o] = Math.scalb(sw * inputScale, wc.lsbExponent() + inputCodes.lsbExponent());
        }
        int log2In = 32 - Integer.numberOfLeadingZeros(Math.max(1, in - 1));
        this.accumulatorBits = wc.magnitudeBits() + inputCodes.magnitudeBits() + log2In + 1;
        this.wide = accumulatorBits > 63;
        this.weights32 = accumulatorBits <= 31 ? java.util.Arrays.stream(weights).mapToInt(Math::toIntExact).toArray() : null;
        this.weightSignificand = wide ? new int[weights.length] : null;
        this.weightExponent = wide ? new int[weights.length] : null;
        if (wide) {
            for (int i = 0; i < weights.length; i++) {
                int e = weights[i] == 0 ? 0 : Long.numberOfTrailingZeros(weights[i]);
                weightSignificand[i] = Math.toIntExact(weights[i] >> e);
                weightExponent[i] = e;
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int in() {
        return in;
    }

    @Override
    public int out() {
        return out;
    }

    /** Signed register width that holds any sum of {@code in} products exactly. */
    public int accumulatorBits() {
        return accumulatorBits;
    }

    public float inputScale() {
        return inputScale;
    }

    /** Input codes of one row, as fixed-point values. */
    long[] quantizeRow(float[] x, int from, long[] into) {
        for (int i = 0; i < in; i++) {
            float v = x[from + i];
            into[i] = v == 0f ? 0 : inputCodes.fixed(inputCodes.encode(v / inputScale));   // zero codes to zero; ReLU and padding make most inputs 0
        }
        return into;
    }

    @Override
    public float[] forward(float[] x, int rows, ActivationObserver observer) {
        observer.onInput(name, x, rows, in);
        float[] y = new float[rows * out];
        long[] row = new long[in];
        int[] row32 = new int[in];
        int[] sig = new int[in];
        int[] exp = new int[in];
        long[] bins = new long[128];
        for (int r = 0; r < rows; r++) {
            quantizeRow(x, r * in, row);
            if (weights32 != null) {
                for (int i = 0; i < in; i++) {
                    row32[i] = (int) row[i];
                }
            } else if (wide) {
                for (int i = 0; i < in; i++) {
                    int e = row[i] == 0 ? 0 : Long.numberOfTrailingZeros(row[i]);
                    sig[i] = (int) (row[i] >> e);
                    exp[i] = e;
                }
            }
            for (int o = 0; o < out; o++) {
                double acc = weights32 != null ? dot32(row32, o * in) : wide ? dotBinned(sig, exp, o * in, bins) : (double) dot(row, o * in);
                y[r * out + o] = (float) (acc * outputScale[o]) + bias[o];
            }
        }
        return y;
    }

    private int dot32(int[] row, int w) {
        int acc = 0;
        for (int i = 0; i < in; i++) {
            acc += weights32[w + i] * row[i];
        }
        return acc;
    }

    /**
     * Wide formats (e.g. E5M2): products of significands are small, so they are summed per exponent (a binned
     * Kulisch accumulator); the bins are then combined exactly in 128 bits, most significant first.
     */
    private double dotBinned(int[] sig, int[] exp, int w, long[] bins) {
        int top = 0;
        for (int i = 0; i < in; i++) {
            int e = weightExponent[w + i] + exp[i];
            bins[e] += (long) weightSignificand[w + i] * sig[i];
            top = Math.max(top, e);
        }
        long hi = 0;
        long lo = 0;
        for (int e = top; e >= 0; e--) {
            hi = (hi << 1) | (lo >>> 63);                 // (hi:lo) x 2
            lo <<= 1;
            long b = bins[e];
            bins[e] = 0;
            long sum = lo + b;
            hi += (b >> 63) + (Long.compareUnsigned(sum, lo) < 0 ? 1 : 0);
            lo = sum;
        }
        return toDouble(hi, lo);
    }

    private static double toDouble(long hi, long lo) {
        if (hi == (lo >> 63)) {
            return lo;
        }
        return BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo))).doubleValue();
    }

    private long dot(long[] row, int w) {
        long acc = 0;
        for (int i = 0; i < in; i++) {
            acc += weights[w + i] * row[i];
        }
        return acc;
    }

    /** The exact accumulator of output {@code o} for a row already quantized, as a BigInteger (tests, cycle model). */
    BigInteger exactDot(long[] row, int o) {
        BigInteger s = BigInteger.ZERO;
        for (int i = 0; i < in; i++) {
            s = s.add(BigInteger.valueOf(weights[o * in + i]).multiply(BigInteger.valueOf(row[i])));
        }
        return s;
    }

    long weightFixed(int o, int i) {
        return weights[o * in + i];
    }
}
