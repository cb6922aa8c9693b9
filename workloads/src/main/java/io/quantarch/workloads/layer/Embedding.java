package io.quantarch.workloads.layer;

import java.util.List;

/** A table lookup: {@code tokens} rows gathered from a {@code entries x dim} table (token, position, type or patch position embeddings). */
public record Embedding(String name, long entries, long dim, long tokens, boolean countsParameters) implements Layer {

    /** A table counted as parameters (zoo and YAML workloads). */
    public Embedding(String name, long entries, long dim, long tokens) {
        this(name, entries, dim, tokens, true);
    }

    @Override
    public long macs() {
        return 0;
    }

    @Override
    public long parameters() {
        return countsParameters ? entries * dim : 0;     // ONNX imports: a Gather's table is a graph constant
    }

    @Override
    public long inputElements() {
        return tokens;
    }

    @Override
    public long outputElements() {
        return tokens * dim;
    }

    @Override
    public List<GemmOp> gemms() {
        return List.of();
    }

    /** An embedding reads weights but no MAC unit holds them. */
    @Override
    public long weightElements() {
        return 0;
    }
}
