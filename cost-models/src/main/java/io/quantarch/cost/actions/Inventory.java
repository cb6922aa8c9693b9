package io.quantarch.cost.actions;

import io.quantarch.cost.memory.DramTechnologies;
import io.quantarch.cost.memory.DramTechnology;
import io.quantarch.cost.memory.SramMacro;
import io.quantarch.cost.memory.SramModels;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an architecture is built of, as the cost model needs it: the units of each component (for area and leakage),
 * each on-chip buffer's shape (its energy per access depends on its bank size and word), the DRAM technology, and the
 * SRAM model that prices the buffers. The simulator's architecture produces it; the cost model never sees simulator
 * types.
 *
 * @param sramModel a registered SRAM model ({@link SramModels})
 */
public record Inventory(List<Part> parts, Map<Component, SramMacro> srams, DramTechnology dram, String sramModel) {

    public Inventory {
        parts = List.copyOf(parts);
        var ordered = new java.util.EnumMap<Component, SramMacro>(Component.class);   // Map.copyOf's order changes per JVM
        ordered.putAll(srams);
        srams = java.util.Collections.unmodifiableMap(ordered);
        Objects.requireNonNull(dram);
        SramModels.REGISTRY.byName(sramModel);
    }

    /** Units only (no buffers), the default DRAM and SRAM model: attention units and unit tables. */
    public static Inventory of(List<Part> parts) {
        return new Inventory(parts, Map.of(), DramTechnologies.byName(DramTechnologies.DEFAULT), SramModels.DEFAULT);
    }

    public Inventory withDram(DramTechnology d) {
        return new Inventory(parts, srams, d, sramModel);
    }

    /** The same buffers and memory models with other units (one part's area in a report). */
    public Inventory withParts(List<Part> p) {
        return new Inventory(p, srams, dram, sramModel);
    }
}
