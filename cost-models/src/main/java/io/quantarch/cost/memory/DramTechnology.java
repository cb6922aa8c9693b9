package io.quantarch.cost.memory;

import io.quantarch.config.component.Declaration;
import io.quantarch.config.component.Component;

import java.util.List;

/**
 * A DRAM technology: energy per bit moved (read or write, I/O included; never scaled with the logic node) and the peak
 * bandwidth of one channel (or stack), with the source of each number.
 *
 * @param pjPerBit       energy per bit read or written, pJ
 * @param channelBits    data bus width of one channel or stack
 * @param megaTransfers  transfers per second per pin, millions
 * @param channelGBs     peak bandwidth of one channel or stack, GB/s
 */
public record DramTechnology(String name, double pjPerBit, int channelBits, double megaTransfers, double channelGBs, String source,
                             String citation) implements Component {

    public DramTechnology {
        if (!(pjPerBit > 0) || !(channelGBs > 0)) {
            throw new IllegalArgumentException("DRAM technology " + name + ": energy and bandwidth must be positive");
        }
    }

    /** The same technology at another energy per bit (a user's measured figure). */
    public DramTechnology withPjPerBit(double pj) {
        return new DramTechnology(name + "@" + pj + "pJ/bit", pj, channelBits, megaTransfers, channelGBs, "user", "given in the architecture file");
    }

    @Override
    public Declaration declaration() {
        return new Declaration("dram", name, pjPerBit + " pJ/bit, " + channelGBs + " GB/s per " + channelBits + "-bit channel ("
                + source + ")", List.of());
    }
}
