package io.quantarch.pricing.nest;

import io.quantarch.simulator.nest.NestArchitecture;

import java.util.List;

/**
 * A mapping evaluated: per storage level and data space it keeps, Timeloop's per-instance counts and the energy; and
 * the totals.
 *
 * @param levels      one row per (storage level, kept data space), outermost level first
 * @param computeEnergyPj the arithmetic's energy
 * @param leakagePj   storage leakage over the run, all levels
 * @param throttling  cycles over the loop bound (1 when no level's bandwidth limits)
 */
public record NestResult(long computes, long cycles, double utilization, double energyPj, double areaUm2, double computeEnergyPj,
                         double leakagePj, double throttling, List<LevelStats> levels, String prices) {

    /**
     * One storage level and data space: instances of the level, instances holding a tile, words of the tile, and per
     * instance the scalar reads (towards the level below or the arithmetic, partial-sum reads included), fills (from
     * the level above), updates (partial sums written back from below) and temporal reductions; the energy of all
     * utilized instances and its mean per scalar access.
     */
    public record LevelStats(String level, String dataSpace, long instances, long utilizedInstances, long utilizedCapacity, long reads,
                             long fills, long updates, long temporalReductions, int bits, double energyPj) {

        public double energyPerAccessPj() {
            long accesses = utilizedInstances * (reads + fills + updates);
            return accesses == 0 ? 0 : energyPj / accesses;
        }
    }

    public NestResult {
        levels = List.copyOf(levels);
    }

    /** Energy-delay product, J x cycles (Timeloop's EDP). */
    public double edp() {
        return energyPj * 1e-12 * cycles;
    }
}
