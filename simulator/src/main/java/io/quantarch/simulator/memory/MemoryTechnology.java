package io.quantarch.simulator.memory;

import io.quantarch.cost.memory.DramTechnologies;
import io.quantarch.cost.memory.DramTechnology;
import io.quantarch.cost.memory.SramModels;

/**
 * What the memories are made of, for pricing: the DRAM technology (optionally with a measured energy per bit), the SRAM
 * model, and how many banks each buffer has.
 *
 * <p>Bank rule (when a count is 0): each bank delivers one 64-bit word per cycle to the array lanes beside it, so a
 * buffer has {@code ceil(lanes x lane bits / 64)} banks: 32 rows of 8-bit operands make 4 banks; 32 columns of 32-bit
 * partial sums make 16. In CACTI a 64-bit word from a smaller bank costs less per bit than one wide word from the whole
 * buffer and about as little as narrower banks, whose fixed decode cost per access grows per bit.
 *
 * @param dram         a registered DRAM technology
 * @param dramPjPerBit a measured energy per bit replacing the technology's; NaN for the technology's own
 * @param sramModel    a registered SRAM model
 */
public record MemoryTechnology(String dram, double dramPjPerBit, String sramModel, int ifmapBanks, int filterBanks, int ofmapBanks) {

    public static final MemoryTechnology DEFAULT = new MemoryTechnology(DramTechnologies.DEFAULT, Double.NaN, SramModels.DEFAULT, 0, 0, 0);

    /** Bits one bank delivers per cycle under the default bank rule. */
    public static final int BANK_WORD_BITS = 64;

    public MemoryTechnology {
        DramTechnologies.byName(dram);
        SramModels.REGISTRY.byName(sramModel);
        if (!Double.isNaN(dramPjPerBit) && !(dramPjPerBit > 0)) {
            throw new IllegalArgumentException("DRAM energy per bit must be positive, got " + dramPjPerBit);
        }
        if (ifmapBanks < 0 || filterBanks < 0 || ofmapBanks < 0) {
            throw new IllegalArgumentException("bank counts must be positive (or 0 for the default rule)");
        }
    }

    /** The DRAM technology priced, with the measured energy if one is given. */
    public DramTechnology dramTechnology() {
        DramTechnology t = DramTechnologies.byName(dram);
        return Double.isNaN(dramPjPerBit) ? t : t.withPjPerBit(dramPjPerBit);
    }

    /** Banks of a buffer that feeds {@code lanes} lanes of {@code laneBits}: {@code given}, or the rule's count. */
    public static int banks(int given, int lanes, int laneBits) {
        return given > 0 ? given : Math.max(1, (lanes * laneBits + BANK_WORD_BITS - 1) / BANK_WORD_BITS);
    }
}
