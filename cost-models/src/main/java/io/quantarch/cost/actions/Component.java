package io.quantarch.cost.actions;

/** The hardware components whose actions are counted (Accelergy's architecture levels, for a systolic accelerator). */
public enum Component {
    /** The processing-element array (multipliers, adders, PE registers). */
    PE_ARRAY,
    /** Input-activation (ifmap) SRAM. */
    IFMAP_SRAM,
    /** Weight (filter) SRAM. */
    FILTER_SRAM,
    /** Output (ofmap / partial-sum) SRAM. */
    OFMAP_SRAM,
    /** Off-chip DRAM. */
    DRAM,
    /** Vector unit for norms, softmax, activations, pooling. */
    VECTOR_UNIT,
    /** Dequantization / rescaling units (group scales, zero points). */
    DEQUANT_UNIT,
    /** Top-k / comparator engine (sparse attention). */
    TOPK_ENGINE
}
