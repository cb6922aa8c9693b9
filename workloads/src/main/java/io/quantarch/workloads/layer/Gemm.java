package io.quantarch.workloads.layer;

import java.util.List;

/**
 * A fully connected layer / matrix multiply: input {@code [M][K]} (tokens or batch x features) times a
 * weight {@code [K][N]}, plus an optional bias of N. {@code tied} marks a weight shared with another
 * layer (an LM head tied to the token embedding): its MACs count, its parameters do not count twice.
 */
public record Gemm(String name, long m, long n, long k, boolean bias, boolean tied) implements Layer {

    public Gemm(String name, long m, long n, long k, boolean bias) {
        this(name, m, n, k, bias, false);
    }

    public Gemm {
        if (m < 1 || n < 1 || k < 1) {
            throw new IllegalArgumentException(name + ": M, N, K must be >= 1, got " + m + ", " + n + ", " + k);
        }
        Sizes.macs(name, m, n, k);
    }

    @Override
    public long macs() {
        return m * n * k;
    }

    @Override
    public long parameters() {
        return tied ? 0 : n * k + (bias ? n : 0);
    }

    @Override
    public long inputElements() {
        return m * k;
    }

    @Override
    public long outputElements() {
        return m * n;
    }

    @Override
    public List<GemmOp> gemms() {
        return List.of(new GemmOp(name, m, n, k, 1, OperandKind.WEIGHT));
    }
}
