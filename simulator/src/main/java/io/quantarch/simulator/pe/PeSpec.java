package io.quantarch.simulator.pe;

/**
 * The processing element an array is built of: what arithmetic each PE does and at what width. Variants are
 * records registered by name in {@link PeRegistry}; the array takes its PE from the architecture config.
 */
public sealed interface PeSpec permits IntMacSpec {

    /** Registry name, e.g. {@code int-mac}. */
    String name();

    /** Accumulator register width in bits. */
    int accumulatorBits();

    /** One line for reports. */
    String describe();
}
