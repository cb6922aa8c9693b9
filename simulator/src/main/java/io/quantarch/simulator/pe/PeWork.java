package io.quantarch.simulator.pe;

/**
 * The work a GEMM gives the PEs of an array: {@code macs} multiply-accumulates producing {@code outputs} results over a
 * reduction of length {@code k}, from {@code inputVectors} distinct input rows (work shared by every output of a row,
 * such as an activation group sum, is done once per row), with the formats of its operands.
 *
 * @param weightZeroFraction fraction of zero weight codes when the weights are known (functional runs), NaN when they
 *                           are not (the PE then uses its own expectation)
 */
public record PeWork(long macs, long outputs, long inputVectors, long k, FormatPair formats, double weightZeroFraction) {

    public PeWork {
        if (macs < 0 || outputs < 0 || inputVectors < 0 || k < 0) {
            throw new IllegalArgumentException("work counts must be >= 0");
        }
    }

    /** Work whose weights are not known. */
    public PeWork(long macs, long outputs, long inputVectors, long k, FormatPair formats) {
        this(macs, outputs, inputVectors, k, formats, Double.NaN);
    }

    /** Scale groups along the reduction: one per {@code size} elements of each output's reduction. */
    public long groups(long size) {
        return outputs * ((k + size - 1) / size);
    }
}
