package io.quantarch.workloads.layer;

import java.util.List;

/**
 * Normalisation over the last dimension (or channels, for batch norm) of {@code rows x width} elements.
 * RMSNorm has a scale per feature; LayerNorm and BatchNorm a scale and a shift.
 */
public record Norm(String name, Kind kind, long rows, long width, boolean countsParameters) implements Layer {

    public enum Kind { RMS, LAYER, BATCH }

    /** A norm whose scales and shifts count as parameters (zoo and YAML workloads). */
    public Norm(String name, Kind kind, long rows, long width) {
        this(name, kind, rows, width, true);
    }

    @Override
    public long macs() {
        return 0;
    }

    @Override
    public long parameters() {
        // ONNX imports count only compute layers' weights and biases (the convention of their reference counts)
        return !countsParameters ? 0 : kind == Kind.RMS ? width : 2 * width;
    }

    @Override
    public long inputElements() {
        return rows * width;
    }

    @Override
    public long outputElements() {
        return rows * width;
    }

    @Override
    public long vectorOps() {
        return (kind == Kind.BATCH ? 2L : 4L) * rows * width;  // folded BN: scale+shift; others: square, sum, scale, shift
    }

    @Override
    public List<GemmOp> gemms() {
        return List.of();
    }
}
