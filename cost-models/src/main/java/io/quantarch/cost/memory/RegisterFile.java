package io.quantarch.cost.memory;

import io.quantarch.cost.table.TechScaling;

/**
 * A small flip-flop register file, priced as Aladdin prices one (Shao et al., ISCA 2014; the values of Accelergy's
 * Aladdin plug-in tables, 40 nm, 1 GHz): an access moves {@code width} register bits (0.009 pJ each) and compares its
 * address against every entry ({@code depth} comparators of {@code ceil(log2 depth)} bits, 0.02947 pJ per 32 bits).
 * Area: {@code width x depth} register bits (5.98 um^2 each) and the comparators (71 um^2 per 32 bits); leakage at
 * Aladdin's 0.07 uW per register bit. Scaled like logic from 40 nm (Stillmaker and Baas 2017).
 */
public final class RegisterFile {

    static final double REGISTER_BIT_PJ = 0.009;
    static final double COMPARATOR_32_PJ = 0.02947;
    static final double REGISTER_BIT_UM2 = 5.98;
    static final double COMPARATOR_32_UM2 = 71;
    static final double REGISTER_BIT_LEAK_MW = 7e-5;
    static final double NATIVE_NM = 40;

    private RegisterFile() {
    }

    /** Energy of one access (read or write) of one word, pJ. */
    public static double accessPj(int depth, int widthBits, double nodeNm) {
        int addressBits = depth <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(depth - 1);
        double pj = widthBits * REGISTER_BIT_PJ + depth * COMPARATOR_32_PJ * addressBits / 32.0;
        return pj * TechScaling.energyFrom45(nodeNm) / TechScaling.energyFrom45(NATIVE_NM);
    }

    /** Area of the whole file, um^2. */
    public static double areaUm2(int depth, int widthBits, double nodeNm) {
        int addressBits = depth <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(depth - 1);
        double um2 = (double) depth * widthBits * REGISTER_BIT_UM2 + depth * COMPARATOR_32_UM2 * addressBits / 32.0;
        return um2 * TechScaling.areaFrom45(nodeNm) / TechScaling.areaFrom45(NATIVE_NM);
    }

    /** Leakage of the whole file, mW. */
    public static double leakageMw(int depth, int widthBits, double nodeNm) {
        return (double) depth * widthBits * REGISTER_BIT_LEAK_MW * TechScaling.energyFrom45(nodeNm) / TechScaling.energyFrom45(NATIVE_NM);
    }
}
