package io.quantarch.cost.memory;

import io.quantarch.config.component.Registry;

import java.util.List;

/** The registered SRAM models: one line each. */
public final class SramModels {

    public static final Registry<SramModel> REGISTRY = new Registry<>("sram-model", "how on-chip buffers are priced per access, "
            + "in leakage and in area", List.of(new CactiSram(), new TableSram()));

    public static final String DEFAULT = CactiSram.NAME;

    private SramModels() {
    }
}
