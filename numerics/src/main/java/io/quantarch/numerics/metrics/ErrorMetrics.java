package io.quantarch.numerics.metrics;

/**
 * Error between a reference tensor and its quantized version: mean squared error, signal-to-quantization
 * noise ratio {@code SQNR = 10 log10(sum x^2 / sum (x - q)^2)} in dB, cosine similarity and the largest
 * absolute error. Sums are taken in double.
 */
public record ErrorMetrics(int n, double mse, double sqnrDb, double cosine, double maxAbsError) {

    public static ErrorMetrics between(float[] reference, float[] quantized) {
        return between(reference, quantized, 0, reference.length);
    }

    public static ErrorMetrics between(float[] reference, float[] quantized, int from, int to) {
        if (reference.length != quantized.length) {
            throw new IllegalArgumentException("lengths differ: " + reference.length + " vs " + quantized.length);
        }
        double signal = 0;
        double noise = 0;
        double dot = 0;
        double qq = 0;
        double maxErr = 0;
        for (int i = from; i < to; i++) {
            double x = reference[i];
            double q = quantized[i];
            double d = x - q;
            signal += x * x;
            noise += d * d;
            dot += x * q;
            qq += q * q;
            maxErr = Math.max(maxErr, Math.abs(d));
        }
        int n = to - from;
        double mse = n == 0 ? 0 : noise / n;
        double sqnr = noise == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(signal / noise);
        double cos = (signal == 0 || qq == 0) ? (signal == qq ? 1 : 0) : dot / Math.sqrt(signal * qq);
        return new ErrorMetrics(n, mse, sqnr, cos, maxErr);
    }
}
