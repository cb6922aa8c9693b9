package io.quantarch.simulator.nest;

import java.util.List;
import java.util.Map;

/**
 * A memory hierarchy above an arithmetic level, as Timeloop describes one: storage levels outermost first, the spatial
 * fan-outs of the containers between them, and the arithmetic units at the bottom.
 *
 * @param storage storage levels, outermost first
 * @param fanouts the containers with a mesh, each at the position of the first storage level inside it (the number of
 *                storage levels above it; {@code storage.size()} when it sits right above the arithmetic)
 */
public record NestArchitecture(List<Storage> storage, Arithmetic arithmetic, List<Fanout> fanouts) {

    /**
     * One storage level.
     *
     * @param depth        words of {@code widthBits} per instance; -1 for unbounded (DRAM)
     * @param widthBits    bits per access (a vector of {@code widthBits / datawidth} words)
     * @param dataBits     bits per element of each data space held here (a default of the level's datawidth)
     * @param instances    instances of this level (the meshes above it multiplied)
     * @param readBandwidth  words per cycle per instance (NaN: unbounded); same for the others
     * @param attributes   every attribute as given, evaluated (for pricing: technology, n_banks, type, ...)
     */
    public record Storage(String name, String cls, String subclass, long depth, int widthBits, int datawidth, Map<String, Integer> dataBits,
                          long instances, double readBandwidth, double writeBandwidth, double sharedBandwidth, double multipleBuffering,
                          double technologyNm, Map<String, String> attributes) {

        public Storage {
            dataBits = Map.copyOf(dataBits);
            attributes = Map.copyOf(attributes);
        }

        /** Bits per element of {@code dataSpace} here. */
        public int bits(String dataSpace) {
            return dataBits.getOrDefault(dataSpace, datawidth);
        }

        /** Words of {@code dataSpace} one access moves: the width over its bits (at least one). */
        public long block(String dataSpace) {
            return Math.max(1, widthBits / bits(dataSpace));
        }
    }

    /** The arithmetic units: one multiply-accumulate per compute. */
    public record Arithmetic(String name, String cls, long instances, double technologyNm, Map<String, String> attributes) {

        public Arithmetic {
            attributes = Map.copyOf(attributes);
        }
    }

    /** A container's mesh. */
    public record Fanout(String container, int meshX, int meshY, int position) {

        public long size() {
            return (long) meshX * meshY;
        }
    }

    public NestArchitecture {
        storage = List.copyOf(storage);
        fanouts = List.copyOf(fanouts);
    }

    public int storageIndex(String name) {
        for (int i = 0; i < storage.size(); i++) {
            if (storage.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
