package io.quantarch.workloads.ptq;

/** Dense Cholesky helpers in double precision for the small Hessians of GPTQ. */
final class Cholesky {

    private Cholesky() {
    }

    /** Lower factor L with A = L L^T; A symmetric positive definite, row-major n x n. */
    static double[] lower(double[] a, int n) {
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    if (s <= 0) {
                        throw new ArithmeticException("matrix not positive definite at " + i + " (pivot " + s + ")");
                    }
                    l[i * n + i] = Math.sqrt(s);
                } else {
                    l[i * n + j] = s / l[j * n + j];
                }
            }
        }
        return l;
    }

    /** The upper Cholesky factor U of A^-1 (A^-1 = U^T U), as GPTQ uses it. */
    static double[] upperOfInverse(double[] a, int n) {
        double[] l = lower(a, n);
        // inverse of L (lower triangular)
        double[] li = new double[n * n];
        for (int i = 0; i < n; i++) {
            li[i * n + i] = 1 / l[i * n + i];
            for (int j = 0; j < i; j++) {
                double s = 0;
                for (int k = j; k < i; k++) {
                    s -= l[i * n + k] * li[k * n + j];
                }
                li[i * n + j] = s / l[i * n + i];
            }
        }
        // A^-1 = L^-T L^-1
        double[] inv = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = i; k < n; k++) {
                    s += li[k * n + i] * li[k * n + j];
                }
                inv[i * n + j] = s;
                inv[j * n + i] = s;
            }
        }
        double[] lo = lower(inv, n);                  // inv = lo lo^T, so U = lo^T
        double[] u = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                u[i * n + j] = lo[j * n + i];
            }
        }
        return u;
    }
}
