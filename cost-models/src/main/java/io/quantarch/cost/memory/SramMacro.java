package io.quantarch.cost.memory;

/**
 * An on-chip buffer as the cost model needs it: {@code banks} independent banks of {@code capacityBytes / banks}
 * bytes, each with its own port of {@code wordBits} (one access moves one word of one bank). Banks sit beside the
 * array lanes they feed, so an access pays its own bank and no wire across the whole buffer; one bank is a single
 * macro whose internal routing (CACTI's H-tree) grows with its whole capacity.
 *
 * @param capacityBytes total capacity
 * @param wordBits      bits per access of one bank
 * @param banks         independent banks (1 = one monolithic macro)
 */
public record SramMacro(long capacityBytes, int wordBits, int banks) {

    public SramMacro {
        if (capacityBytes < 1 || wordBits < 1 || banks < 1) {
            throw new IllegalArgumentException("an SRAM needs a positive capacity, word width and bank count, got "
                    + capacityBytes + " B, " + wordBits + " bits, " + banks + " banks");
        }
    }

    /** Capacity of one bank, bytes (at least one word). */
    public double bankBytes() {
        return Math.max((double) capacityBytes / banks, wordBits / 8.0);
    }

    @Override
    public String toString() {
        return capacityBytes + " B in " + banks + (banks == 1 ? " bank" : " banks") + " of " + wordBits + "-bit words";
    }
}
