package io.quantarch.search.run;

import io.quantarch.search.space.DesignSpace;

/** Per-layer quantization spaces of 10^15 designs and more, where the exact DP front is the reference. */
public final class LargeSpaces {

    private LargeSpaces() {
    }

    /** A weight format per layer of {@code workload} matched by {@code glob}, from {@code formats}; synthetic NSR vs energy. */
    public static DesignSpace perLayer(String workload, String glob, String formats, String arrays, int population, int generations,
                                       long seed) throws Exception {
        return SmallSpaces.parse("""
                version: 1
                name: large
                workload: %s
                quality: {synthetic: {seed: 5, rows: 8}}
                architecture:
                  base: {version: 1, pe: {type: bit-fusion}, memory: {dram_bytes_per_cycle: 32}}
                  genes:
                    array: %s
                quantization:
                  default: {weights: int8_sym_channel, inputs: int8_sym_tensor}
                  genes:
                    - {layers: "%s", per_layer: true, weights: %s}
                objectives: {synthetic_output_nsr: min, energy_pj: min}
                search: {algorithm: nsga2, population: %d, generations: %d, seed: %d}
                """.formatted(workload, arrays, glob, formats, population, generations, seed));
    }
}
