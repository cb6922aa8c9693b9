package io.quantarch.cost.actions;

import java.util.List;
import java.util.Map;

/**
 * What an architecture is built of, as the cost model needs it: the units of each component (for area) and
 * the capacity of each SRAM in bytes (its energy per access depends on it). The simulator's architecture
 * produces it; the cost model never sees simulator types.
 */
public record Inventory(List<Part> parts, Map<Component, Long> sramBytes) {

    public Inventory {
        parts = List.copyOf(parts);
        sramBytes = Map.copyOf(sramBytes);
    }
}
