package io.quantarch.workloads.layer;

import java.util.List;

/**
 * A fully connected layer / matrix multiply: input {@code [M][K]} (tokens or batch x features) times a
 * weight {@code [K][N]}, plus an optional bias of N. {@code tied} marks a weight shared with another
 * layer (an LM head tied to the token embedding): its MACs count, its parameters do not count twice.
 * {@code M = 0} is a mixture-of-experts expert no token was routed to: its weights are stored (parameters count),
 * it does no work (no GEMM, no MACs).
 */
public record Gemm(String name, long m, long n, long k, boolean bias, boolean tied) implements Layer {

    public Gemm(String name, long m, long n, long k, boolean bias) {
        this(name, m, n, k, bias, false);
    }

    public Gemm {
        if (m < 0 || n < 1 || k < 1) {
            throw new IllegalArgumentException(name + ": M must be >= 0 and N, K >= 1, got " + m + ", " + n + ", " + k);
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
        return m == 0 ? List.of() : List.of(new GemmOp(name, m, n, k, 1, OperandKind.WEIGHT));
    }
}
