package io.quantarch.simulator.pe;

/**
 * The result of one dot product on a PE: the output value as the hardware produces it (after any
 * dequantization and rounding), the raw integer accumulator where the PE has one, and whether any partial
 * sum left the accumulator's range.
 */
public record DotResult(double value, long accumulator, boolean overflow) { }
