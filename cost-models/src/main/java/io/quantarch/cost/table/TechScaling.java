package io.quantarch.cost.table;

/**
 * Technology scaling of logic energy and area (A. Stillmaker, B. Baas, "Scaling equations for the accurate prediction
 * of CMOS device performance from 180 nm to 7 nm", Integration, the VLSI Journal 58, 2017). Energy per operation at a
 * node and supply V is the paper's fitted polynomial {@code a V^2 + b V + c} (its energy table: one row per node, with
 * separate high-performance and low-power rows from 45 nm down); a ratio of two such values scales an energy from one
 * node to the other. Area follows the paper's node-to-node area factors. Between tabulated nodes the factor is
 * interpolated linearly in the node index.
 *
 * <p>quantarch's tables are at 45 nm and 0.9 V (Horowitz's table), and every node is evaluated at a nominal supply:
 * 0.9 V down to 28 nm, 0.8 V at 16-20 nm, 0.7 V below (our choices, stated). The device flavour is one throughout
 * (HP by default): mixing the LP 45 nm row with HP rows below, as quantarch did before, made 45 -> 7 nm scale by
 * 0.057 instead of HP's 0.068.
 *
 * <p>SRAM is not scaled here: it has its own node factors (CACTI's runs per node, see the memory models).
 */
public final class TechScaling {

    /** The paper's device flavours below 65 nm. */
    public enum Flavor { HP, LP }

    /** Tabulated nodes, nm (the paper's). */
    static final int[] NODES = {180, 130, 90, 65, 45, 32, 20, 16, 14, 10, 7};
    /** Energy polynomial {a, b, c} per node, HP rows from 45 nm down (Stillmaker & Baas 2017, energy table). */
    static final double[][] ENERGY_HP = {
            {0, 24.64, -17.98}, {7.171, -6.709, 2.904}, {4.762, -4.781, 2.092}, {3.755, -4.398, 1.975},
            {1.018, -0.3107, 0.1539}, {0.8367, -0.4341, 0.1701}, {0.373, -0.1582, 0.04104}, {0.2958, -0.1241, 0.03024},
            {0.2363, -0.09675, 0.02239}, {0.2068, -0.09311, 0.02375}, {0.1776, -0.09097, 0.02447}};
    /** The same with the paper's LP rows from 45 nm down. */
    static final double[][] ENERGY_LP = {
            {0, 24.64, -17.98}, {7.171, -6.709, 2.904}, {4.762, -4.781, 2.092}, {3.755, -4.398, 1.975},
            {1.103, -0.362, 0.2767}, {0.9559, -0.7823, 0.471}, {0.2632, -0.14, 0.06841}, {0.2139, -0.1187, 0.05639},
            {0.1556, -0.06472, 0.03066}, {0.1261, -0.0518, 0.02769}, {0.09365, -0.03409, 0.02043}};
    /**
     * Area of a design at each node relative to 45 nm: the reciprocals of the 45 nm column of the paper's area table
     * (how many times larger the design is at 45 nm than at that node).
     */
    static final double[] AREA_TO_45 = {0.053, 0.16, 0.35, 0.66, 1, 2.2, 4.7, 5.3, 5.8, 9.8, 17};

    private TechScaling() {
    }

    /** Nominal supply used for a node. */
    public static double nominalVdd(double nodeNm) {
        if (nodeNm >= 28) {
            return 0.9;
        }
        if (nodeNm >= 16) {
            return 0.8;
        }
        return 0.7;
    }

    /** The paper's energy polynomial at a tabulated node index and supply. */
    static double energyAt(Flavor f, int node, double vdd) {
        double[] c = (f == Flavor.HP ? ENERGY_HP : ENERGY_LP)[node];
        return c[0] * vdd * vdd + c[1] * vdd + c[2];
    }

    /** Energy factor of a node at its nominal supply (interpolated between tabulated nodes). */
    static double energyFactor(Flavor f, double nodeNm) {
        double idx = index(nodeNm);
        double v = nominalVdd(nodeNm);
        int lo = (int) Math.floor(idx);
        int hi = (int) Math.ceil(idx);
        double flo = energyAt(f, lo, v);
        double fhi = energyAt(f, hi, v);
        return flo + (fhi - flo) * (idx - lo);
    }

    /** Multiply 45 nm energies by this to get {@code nodeNm} energies (HP devices). */
    public static double energyFrom45(double nodeNm) {
        return energyFrom45(nodeNm, Flavor.HP);
    }

    public static double energyFrom45(double nodeNm, Flavor f) {
        return energyFactor(f, nodeNm) / energyFactor(f, 45);
    }

    /** Multiply 45 nm areas by this to get {@code nodeNm} areas. */
    public static double areaFrom45(double nodeNm) {
        double idx = index(nodeNm);
        int lo = (int) Math.floor(idx);
        int hi = (int) Math.ceil(idx);
        double alo = 1 / AREA_TO_45[lo];
        double ahi = 1 / AREA_TO_45[hi];
        return alo + (ahi - alo) * (idx - lo);
    }

    private static double index(double nodeNm) {
        if (nodeNm > NODES[0] || nodeNm < NODES[NODES.length - 1]) {
            throw new IllegalArgumentException("technology node " + nodeNm + " nm outside the scaling model's 7..180 nm");
        }
        for (int i = 0; i < NODES.length - 1; i++) {
            if (nodeNm <= NODES[i] && nodeNm >= NODES[i + 1]) {
                return i + (NODES[i] - nodeNm) / (double) (NODES[i] - NODES[i + 1]);
            }
        }
        return NODES.length - 1;
    }
}
