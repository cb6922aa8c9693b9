package io.quantarch.workloads.quality;

import io.quantarch.workloads.tensor.ActivationObserver;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;

/** Accumulates the SQNR of each layer's quantized input over an evaluation run; thread-safe. */
final class SqnrMeter implements ActivationObserver {

    private final Map<String, DoubleAdder[]> sums = new ConcurrentHashMap<>();

    @Override
    public void onInput(String layer, float[] x, int rows, int cols) {
    }

    @Override
    public void onQuantizedInput(String layer, float[] before, float[] after) {
        double s = 0;
        double n = 0;
        for (int i = 0; i < before.length; i++) {
            double d = before[i] - after[i];
            s += (double) before[i] * before[i];
            n += d * d;
        }
        DoubleAdder[] a = sums.computeIfAbsent(layer, k -> new DoubleAdder[] {new DoubleAdder(), new DoubleAdder()});
        a[0].add(s);
        a[1].add(n);
    }

    /** SQNR in dB of a layer's inputs, NaN when they were not quantized. */
    double sqnrDb(String layer) {
        DoubleAdder[] a = sums.get(layer);
        if (a == null) {
            return Double.NaN;
        }
        double noise = a[1].sum();
        return noise == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(a[0].sum() / noise);
    }
}
