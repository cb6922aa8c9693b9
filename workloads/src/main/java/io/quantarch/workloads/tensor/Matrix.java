package io.quantarch.workloads.tensor;

/**
 * A row-major float32 matrix {@code [rows][cols]}; for weights, {@code [out][in]} (y = W x). The array is
 * owned by the matrix; methods that change it say so.
 */
public record Matrix(int rows, int cols, float[] data) {

    public Matrix {
        if (rows < 1 || cols < 1 || data.length != rows * cols) {
            throw new IllegalArgumentException("matrix " + rows + "x" + cols + " needs " + rows * cols + " values, got " + data.length);
        }
    }

    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols, new float[rows * cols]);
    }

    public float get(int r, int c) {
        return data[r * cols + c];
    }

    public Matrix copy() {
        return new Matrix(rows, cols, data.clone());
    }

    public Matrix transpose() {
        float[] t = new float[data.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = data[r * cols + c];
            }
        }
        return new Matrix(cols, rows, t);
    }

    public long elements() {
        return (long) rows * cols;
    }
}
