package io.quantarch.cost.memory;

import io.quantarch.cost.table.ComponentTable;

/**
 * Where a memory is priced: the technology node, the cost table of the design (for models that read it) and the
 * table's logic scaling from its native node to this one (Stillmaker and Baas 2017).
 */
public record PricingNode(double nodeNm, ComponentTable table, double logicEnergyScale, double logicAreaScale) {
}
