package io.quantarch.numerics.quant;

/**
 * How the clipping range of a scale group is chosen from its values. The result is a ratio
 * {@code r in (0, 1]} applied to the group's max-abs (or, for asymmetric formats, to both ends of
 * its [min, max] range).
 */
public sealed interface Calibration {

    /** Clip at the largest magnitude: no clipping error, largest rounding error. */
    record MaxAbs() implements Calibration { }

    /** Clip at the given percentile (e.g. 99.9) of the group's magnitudes, nearest-rank. */
    record Percentile(double percentile) implements Calibration {
        public Percentile {
            if (!(percentile > 0 && percentile <= 100)) {
                throw new IllegalArgumentException("percentile must be in (0, 100], got " + percentile);
            }
        }
    }

    /**
     * MSE-optimal clipping: try {@code steps + 1} ratios evenly spaced in {@code [lowestRatio, 1]} and keep
     * the one with the least quantization mean squared error on the group (ties: the larger ratio).
     */
    record MseSearch(int steps, double lowestRatio) implements Calibration {
        public MseSearch {
            if (steps < 1) {
                throw new IllegalArgumentException("steps must be >= 1, got " + steps);
            }
            if (!(lowestRatio > 0 && lowestRatio <= 1)) {
                throw new IllegalArgumentException("lowest ratio must be in (0, 1], got " + lowestRatio);
            }
        }
    }

    MaxAbs MAX_ABS = new MaxAbs();

    /** What {@link #parse} accepts, for messages and help. */
    String SYNTAX = "max, mse or percentile:P with P in (0, 100]";

    /**
     * {@code max}, {@code mse} or {@code percentile:P} (case-insensitive): the one parser behind policy YAML and the
     * command-line options.
     *
     * @throws IllegalArgumentException naming {@link #SYNTAX} when the text is none of them
     */
    static Calibration parse(String text) {
        String c = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (c.equals("max")) {
            return MAX_ABS;
        }
        if (c.equals("mse")) {
            return MSE;
        }
        if (c.startsWith("percentile:")) {
            try {
                return new Percentile(Double.parseDouble(c.substring("percentile:".length())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("percentile:P with P in (0, 100]");
            }
        }
        throw new IllegalArgumentException(SYNTAX);
    }

    /** 100 steps over [0.3, 1], a common grid for post-training clipping search. */
    MseSearch MSE = new MseSearch(100, 0.3);

    /** Quantization error of one group when clipped at {@code ratio} of its range. */
    @FunctionalInterface
    interface GroupError {
        double mse(float ratio);
    }

    /**
     * The clipping ratio for {@code x[from, to)} under this calibration.
     *
     * @param error evaluates the quantization MSE at a ratio; only MSE search calls it
     */
    default float clipRatio(float[] x, int from, int to, GroupError error) {
        return switch (this) {
            case MaxAbs m -> 1f;
            case Percentile p -> {
                int n = to - from;
                if (n == 0) {
                    yield 1f;
                }
                float[] mags = new float[n];
                float amax = 0f;
                for (int i = 0; i < n; i++) {
                    mags[i] = Math.abs(x[from + i]);
                    amax = Math.max(amax, mags[i]);
                }
                if (amax == 0f || Float.isNaN(amax) || Float.isInfinite(amax)) {
                    yield 1f;
                }
                java.util.Arrays.sort(mags);
                int rank = (int) Math.ceil(p.percentile() / 100.0 * n) - 1;  // nearest-rank percentile
                float clip = mags[Math.max(0, Math.min(n - 1, rank))];
                yield clip <= 0f ? 1f : clip / amax;
            }
            case MseSearch s -> {
                float best = 1f;
                double bestErr = Double.POSITIVE_INFINITY;
                for (int k = s.steps(); k >= 0; k--) {
                    float r = (float) (s.lowestRatio() + (1 - s.lowestRatio()) * k / s.steps());
                    double e = error.mse(r);
                    if (e < bestErr) {
                        bestErr = e;
                        best = r;
                    }
                }
                yield best;
            }
        };
    }
}
