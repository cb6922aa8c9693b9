package io.quantarch.cost.table;

/**
 * Technology scaling of energy and area (A. Stillmaker, B. Baas, "Scaling equations for the accurate prediction
 * of CMOS device performance from 180 nm to 7 nm", Integration, the VLSI Journal 58, 2017): energy per operation
 * of a node at supply V is the polynomial {@code a V^2 + b V + c} with the paper's per-node coefficients, and area
 * follows its node-to-node area factors. Nodes between tabulated ones are interpolated linearly in the node
 * index. Each node is evaluated at a nominal supply: 0.9 V at 45 nm (Horowitz's table), 0.9 V at 28/32 nm,
 * 0.8 V at 16 nm, 0.7 V at 7 nm (our choices, stated).
 */
public final class TechScaling {

    /** Tabulated nodes, nm (the paper's). */
    static final int[] NODES = {130, 90, 65, 45, 32, 20, 16, 14, 10, 7};
    /** Energy-factor polynomial coefficients {a, b, c} per node (Stillmaker & Baas 2017, Table 5 as tabulated). */
    static final double[][] ENERGY = {
            {7.171, -6.709, 2.904}, {4.762, -4.781, 2.092}, {3.755, -4.398, 1.975}, {1.103, -0.362, 0.2767},
            {0.9559, -0.7823, 0.471}, {0.373, -0.1582, 0.04104}, {0.2958, -0.1241, 0.03024}, {0.2363, -0.09675, 0.02239},
            {0.2068, -0.09311, 0.02375}, {0.1776, -0.09097, 0.02447}};
    /** Area factor from 45 nm to each node (the 45 nm row of the paper's area scaling table). */
    static final double[] AREA_FROM_45 = {6.4, 2.8, 1.5, 1, 0.46, 0.21, 0.19, 0.17, 0.1, 0.059};

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

    /** Energy factor of a node at its nominal supply. */
    static double energyFactor(double nodeNm) {
        double idx = index(nodeNm);
        double v = nominalVdd(nodeNm);
        int lo = (int) Math.floor(idx);
        int hi = (int) Math.ceil(idx);
        double flo = poly(ENERGY[lo], v);
        double fhi = poly(ENERGY[hi], v);
        return flo + (fhi - flo) * (idx - lo);
    }

    /** Multiply 45 nm energies by this to get {@code nodeNm} energies. */
    public static double energyFrom45(double nodeNm) {
        return energyFactor(nodeNm) / energyFactor(45);
    }

    /** Multiply 45 nm areas by this to get {@code nodeNm} areas. */
    public static double areaFrom45(double nodeNm) {
        double idx = index(nodeNm);
        int lo = (int) Math.floor(idx);
        int hi = (int) Math.ceil(idx);
        return AREA_FROM_45[lo] + (AREA_FROM_45[hi] - AREA_FROM_45[lo]) * (idx - lo);
    }

    private static double poly(double[] c, double v) {
        return c[0] * v * v + c[1] * v + c[2];
    }

    private static double index(double nodeNm) {
        if (nodeNm > NODES[0] || nodeNm < NODES[NODES.length - 1]) {
            throw new IllegalArgumentException("technology node " + nodeNm + " nm outside the scaling model's 7..130 nm");
        }
        for (int i = 0; i < NODES.length - 1; i++) {
            if (nodeNm <= NODES[i] && nodeNm >= NODES[i + 1]) {
                return i + (NODES[i] - nodeNm) / (double) (NODES[i] - NODES[i + 1]);
            }
        }
        return NODES.length - 1;
    }
}
