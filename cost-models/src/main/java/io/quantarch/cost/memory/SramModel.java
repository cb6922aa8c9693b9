package io.quantarch.cost.memory;

import io.quantarch.config.component.Component;

/**
 * How an on-chip buffer is priced: energy per word access, leakage and area of an {@link SramMacro} at a node. A new
 * model is one class plus one line in {@link SramModels#REGISTRY}; an architecture picks one with
 * {@code memory: {sram_model: NAME}}.
 */
public interface SramModel extends Component {

    SramCosts costs(SramMacro macro, PricingNode node);
}
