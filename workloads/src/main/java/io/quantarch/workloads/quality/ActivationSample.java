package io.quantarch.workloads.quality;

import java.util.Arrays;

/**
 * A bounded, deterministic sample of one tensor's values over a calibration run, plus its exact extremes:
 * values are kept with a stride that doubles whenever the buffer fills (no random draws, so the same data
 * always gives the same sample). Not thread-safe; calibration runs sequentially.
 */
final class ActivationSample {

    static final int CAPACITY = 1 << 18;

    private float[] buf = new float[1024];
    private int size;
    private long seen;
    private int stride = 1;
    private float min = Float.POSITIVE_INFINITY;
    private float max = Float.NEGATIVE_INFINITY;

    void add(float[] x, int from, int to) {
        for (int i = from; i < to; i++) {
            float v = x[i];
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
            if (seen++ % stride == 0) {
                if (size == buf.length) {
                    if (size == CAPACITY) {
                        for (int k = 0; k < size / 2; k++) {   // keep every other value, double the stride
                            buf[k] = buf[2 * k];
                        }
                        size /= 2;
                        stride *= 2;
                        continue;
                    }
                    buf = Arrays.copyOf(buf, Math.min(CAPACITY, buf.length * 2));
                }
                buf[size++] = v;
            }
        }
    }

    boolean isEmpty() {
        return seen == 0;
    }

    /** The sample with the exact minimum and maximum appended (so max-abs calibration sees the true range). */
    float[] valuesWithExtremes() {
        float[] out = Arrays.copyOf(buf, size + 2);
        out[size] = min;
        out[size + 1] = max;
        return out;
    }
}
