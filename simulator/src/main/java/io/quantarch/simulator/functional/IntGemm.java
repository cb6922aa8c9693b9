package io.quantarch.simulator.functional;

/** The direct reference: {@code out[m][n] = sum_k a[m][k] * b[k][n]} in exact 64-bit integers, then wrapped. */
public final class IntGemm {

    private IntGemm() {
    }

    public static long[] reference(int[] a, int[] b, int m, int n, int k, IntAccumulator acc) {
        long[] out = new long[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                long s = 0;
                for (int kk = 0; kk < k; kk++) {
                    s += (long) a[i * k + kk] * b[kk * n + j];
                }
                out[i * n + j] = acc.wrap(s);
            }
        }
        return out;
    }

    /** Whether any exact dot product leaves the accumulator's range. */
    public static boolean anyOutOfRange(int[] a, int[] b, int m, int n, int k, IntAccumulator acc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                long s = 0;
                for (int kk = 0; kk < k; kk++) {
                    s += (long) a[i * k + kk] * b[kk * n + j];
                }
                if (acc.outOfRange(s)) {
                    return true;
                }
            }
        }
        return false;
    }
}
