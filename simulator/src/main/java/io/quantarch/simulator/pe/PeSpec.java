package io.quantarch.simulator.pe;

/**
 * The processing element an array is built of: what arithmetic each PE does and at what width. Variants are
 * records registered by name in {@link PeRegistry}; the array takes its PE from the architecture config.
 */
public sealed interface PeSpec permits IntMacSpec, BitSerialSpec, BitFusionSpec, ShiftAddMixedSpec, MiniFloatMacSpec,
        MxDotSpec, Int4Fp8Spec, TernarySpec, ComplexPm1PmiSpec {

    /** Registry name, e.g. {@code int-mac}. */
    String name();

    /** Accumulator register width in bits. */
    int accumulatorBits();

    /** One line for reports. */
    String describe();

    /** Null when the PE runs this weight/input format pair, else why not (naming the PE and the formats). */
    String unsupported(FormatPair formats);

    /** How the pair maps onto the array (lanes, fused products, bit-serial cycles). */
    Throughput throughput(FormatPair formats);

    /** Adds the PE-array (and dequantization unit) actions of the work. */
    void countActions(io.quantarch.cost.actions.ActionCounts.Builder b, PeWork work);

    /** The hardware of one PE, for area (component PE_ARRAY). */
    java.util.List<io.quantarch.cost.estimate.Part> parts();

    /** Hardware outside the PEs that this PE kind needs per array column (e.g. dequantization units); none by default. */
    default java.util.List<io.quantarch.cost.estimate.Part> perColumnParts() {
        return java.util.List.of();
    }
}
