package io.quantarch.cost.memory;

/**
 * Standby leakage of synthesized logic per unit area. At 45 nm: 28.7 nW/um^2, the mean of leakage over area of the
 * fixed-precision PEs in Bit Fusion's synthesis sweep (hsharma35/bitfusion results/systolic_array_synth.csv, 500 MHz:
 * 2x2 22.7, 4x4 27.6, 8x8 33.4, 16x16 31.3 nW/um^2). Other nodes scale it by the off-current per unit area of CACTI's
 * ITRS high-performance devices, {@code I_off Vdd / L} (CACTI 7 tech_params, 300 K: 90 nm 3.24e-8 A/um at 1.2 V,
 * 65 nm 1.96e-7 at 1.1 V, 45 nm 2.8e-7 at 1.0 V, 32 nm 1.52e-7 at 0.9 V, 22 nm 1.216e-7 at 0.8 V); below 22 nm the
 * 22 nm density is held (FinFETs cut off-current per width; an assumption, stated).
 */
public final class LogicLeakage {

    static final double NW_PER_UM2_AT_45 = 28.7;
    static final int[] NODES = {22, 32, 45, 65, 90};
    /** I_off x Vdd / L of ITRS-HP devices relative to 45 nm. */
    static final double[] RELATIVE = {
            1.216e-7 * 0.8 / 22 / (2.8e-7 / 45), 1.52e-7 * 0.9 / 32 / (2.8e-7 / 45), 1.0, 1.96e-7 * 1.1 / 65 / (2.8e-7 / 45),
            3.24e-8 * 1.2 / 90 / (2.8e-7 / 45)};

    private LogicLeakage() {
    }

    /** Leakage of logic per um^2 of (node-scaled) area, nW. */
    public static double nwPerUm2(double nodeNm) {
        if (nodeNm <= NODES[0]) {
            return NW_PER_UM2_AT_45 * RELATIVE[0];
        }
        if (nodeNm >= NODES[NODES.length - 1]) {
            return NW_PER_UM2_AT_45 * RELATIVE[NODES.length - 1];
        }
        int hi = 0;
        while (NODES[hi] < nodeNm) {
            hi++;
        }
        double t = (nodeNm - NODES[hi - 1]) / (NODES[hi] - NODES[hi - 1]);
        return NW_PER_UM2_AT_45 * (RELATIVE[hi - 1] + (RELATIVE[hi] - RELATIVE[hi - 1]) * t);
    }
}
