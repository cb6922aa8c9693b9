package io.quantarch.workloads.layer;

/**
 * One matrix multiply {@code out[M][N] = in[M][K] x filter[K][N]}, repeated {@code repeat} times on
 * independent operands (heads, groups, batch of attention). SCALE-Sim's terms: the ifmap operand is
 * M x K, the filter K x N, the ofmap M x N.
 *
 * @param name      layer name, with a suffix for multi-GEMM layers (e.g. {@code .qk}, {@code .av})
 * @param m         rows of the input operand (output pixels x batch, or tokens)
 * @param n         columns of the filter operand (output channels)
 * @param k         reduction length (input channels x kernel area, or hidden size)
 * @param repeat    independent instances (heads x batch, or groups); >= 1
 * @param filterKind whether the K x N operand is a weight or an activation
 */
public record GemmOp(String name, long m, long n, long k, long repeat, OperandKind filterKind) {

    public GemmOp {
        if (m < 1 || n < 1 || k < 1 || repeat < 1) {
            throw new IllegalArgumentException(name + ": GEMM dimensions must be >= 1, got M=" + m + " N=" + n + " K=" + k + " x" + repeat);
        }
        Sizes.macs(name, m, n, k, repeat);
    }

    public long macs() {
        return m * n * k * repeat;
    }

    public long inputElements() {
        return m * k * repeat;
    }

    public long filterElements() {
        return k * n * repeat;
    }

    public long outputElements() {
        return m * n * repeat;
    }
}
