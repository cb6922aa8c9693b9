package io.quantarch.simulator;

import java.util.Locale;

/**
 * Which memory and cycle-accounting model a simulation uses.
 * <ul>
 * <li>{@link #SCALESIM}: SCALE-Sim v2.0.2 exactly, quirks included (reported cycles are the last cycle's
 * index, one less than a count; OS ofmap SRAM writes include its {@code folds x (R + C)} double increment;
 * DRAM reads from its set-window buffers; every word one byte for capacity, partial sums written to DRAM).</li>
 * <li>{@link #NONE}: quantarch's corrected model: cycles are counts; ofmap writes are the writes made;
 * DRAM traffic is the compulsory traffic of each operand given SRAM capacity in its own format (refetch
 * only when an operand's reused block does not fit), partial sums stay in the ofmap SRAM when they fit,
 * and bandwidth stalls follow a double-buffered overlap of transfer and compute.</li>
 * </ul>
 */
public enum Compat {
    SCALESIM, NONE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Compat parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
