package io.quantarch.cost.fpga;

import io.quantarch.cost.actions.MvauUnit;

/**
 * The priced matrix-vector unit with every LUT term shown, so a design review can see where the fabric goes.
 * Per-PE terms are multiplied by {@code pe} and FINN's fit factor inside {@link #resources()}.
 *
 * @param accumulatorBits width of each PE's accumulator (FINN's bound for integers, a Kulisch register for minifloats)
 * @param multiplierLuts  per PE: the SIMD multipliers (integer product or minifloat significand product + exponent add)
 * @param alignmentLuts   per PE: minifloat only: negation and alignment shifters that turn each product into fixed point
 * @param adderTreeLuts   per PE: the SIMD-input adder tree
 * @param thresholdLuts   per PE: threshold storage and comparators of the output quantizer (0 without activation)
 * @param distributedWeightLuts LUTRAM holding the weights when they are not in BRAM (whole unit)
 */
public record MvauEstimate(MvauUnit unit, int accumulatorBits, long multiplierLuts, long alignmentLuts, long adderTreeLuts,
                           long thresholdLuts, long distributedWeightLuts, FpgaResources resources) {
}
