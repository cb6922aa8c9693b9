package io.quantarch.cost.actions;

/**
 * What a component did. Memory actions are counted in bits moved (variant {@code bits}) and in accesses of
 * one element (variant {@code elements}); arithmetic actions carry their operand widths or formats in the
 * variant (e.g. {@code MAC[int8xint8]}). Gated and skipped actions are separate kinds (Timeloop/Sparseloop),
 * so sparse models can count the work they avoided.
 */
public enum ActionKind {
    MAC,
    MULTIPLY,
    ADD,
    SHIFT,
    COMPARE,
    REG_READ,
    REG_WRITE,
    SRAM_READ,
    SRAM_WRITE,
    DRAM_READ,
    DRAM_WRITE,
    GATED_READ,
    SKIPPED_READ,
    GATED_MAC,
    DEQUANT,
    VECTOR_OP,
    /** Cycles the component was powered (for leakage / idle energy). */
    ACTIVE_CYCLES
}
