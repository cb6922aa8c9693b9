package io.quantarch.simulator;

/**
 * Storage bits per element of a GEMM's operands, from the quantization policy (scales included, e.g. 4.25
 * for MXFP4): what every byte the memory system moves is counted in.
 *
 * @param ifmapBits   the streamed input operand
 * @param filterBits  the stationary-side operand (weights, or K/V for attention)
 * @param ofmapBits   final outputs as written back
 * @param psumBits    partial sums (the accumulator width)
 */
public record OperandBits(double ifmapBits, double filterBits, double ofmapBits, double psumBits) {

    public OperandBits {
        if (!(ifmapBits > 0 && filterBits > 0 && ofmapBits > 0 && psumBits > 0)) {
            throw new IllegalArgumentException("operand widths must be positive");
        }
    }

    public static final OperandBits INT8 = new OperandBits(8, 8, 8, 32);
}
