package io.quantarch.search.metric;

/**
 * The totals of one evaluated design that metrics are computed from (NaN where a quantity does not apply to the
 * design's hardware).
 *
 * @param quality     tier-1 quality: the real-model loss or the synthetic output NSR, whichever the space measures
 * @param latencyS    seconds per run of the workload (FPGA: the first frame's latency)
 * @param energyPj    dynamic plus leakage energy of the workload, pJ
 * @param areaMm2     silicon area, mm^2
 * @param weightBytes weights (and embedding tables) in their storage formats, scales included
 * @param luts        FPGA: LUTs of the whole design
 * @param dsps        FPGA: DSP slices
 * @param bram18      FPGA: 18 Kb block RAMs
 * @param framesPerS  FPGA: frames per second, set by the slowest unit
 */
public record DesignTotals(double quality, double latencyS, double energyPj, double areaMm2, double weightBytes, double luts,
                           double dsps, double bram18, double framesPerS) {

    /** A systolic design's totals. */
    public static DesignTotals systolic(double quality, double latencyS, double energyPj, double areaMm2, double weightBytes) {
        return new DesignTotals(quality, latencyS, energyPj, areaMm2, weightBytes, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** An FPGA dataflow design's totals. */
    public static DesignTotals fpga(double quality, double latencyS, double weightBytes, double luts, double dsps, double bram18,
                                    double framesPerS) {
        return new DesignTotals(quality, latencyS, Double.NaN, Double.NaN, weightBytes, luts, dsps, bram18, framesPerS);
    }
}
