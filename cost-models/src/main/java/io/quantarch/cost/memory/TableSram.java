package io.quantarch.cost.memory;

import io.quantarch.config.component.Declaration;

import java.util.List;

/**
 * SRAM priced by the cost table's own rows, as before the memory models existed: energy per bit from the table's
 * {@code sram_64b_access} points at the buffer's whole capacity (one monolithic macro, banks ignored), area from
 * {@code sram_bit_area}, both scaled with the logic; leakage from CACTI (the table has none). Kept to reproduce older
 * results and for user tables that carry their own SRAM energies.
 */
public record TableSram() implements SramModel {

    public static final String NAME = "table";

    @Override
    public Declaration declaration() {
        return new Declaration("sram-model", NAME, "the cost table's sram_64b_access power law over the whole capacity "
                + "(monolithic, scaled like logic) and sram_bit_area; leakage from CACTI", List.of());
    }

    @Override
    public SramCosts costs(SramMacro m, PricingNode node) {
        double perBit = node.table().energy("sram_64b_access", m.capacityBytes()) / 64 * node.logicEnergyScale();
        double area = node.table().area("sram_bit_area", 1) * m.capacityBytes() * 8 * node.logicAreaScale();
        double leak = new CactiSram().costs(m, node).leakageMw();
        return new SramCosts(perBit * m.wordBits(), perBit * m.wordBits(), m.wordBits(), leak, area);
    }
}
