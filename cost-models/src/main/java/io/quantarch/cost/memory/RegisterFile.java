package io.quantarch.cost.memory;

import io.quantarch.cost.table.TechScaling;

/**
 * A small flip-flop register file, priced as Aladdin prices one (Shao et al., ISCA 2014; the values of Accelergy's
 * Aladdin plug-in tables, 40 nm, 1 GHz): an access moves {@code width} register bits (0.009 pJ each) and compares its
 * address against every entry ({@code depth} comparators of {@code ceil(log2 depth)} bits, 0.02947 pJ per 32 bits).
 * Area: {@code width x depth} register bits (5.98 um^2 each) and the comparators (71 um^2 per 32 bits); leakage as
 * Aladdin's model has it (below). Scaled like logic from 40 nm (Stillmaker and Baas 2017).
 */
public final class RegisterFile {

    static final double REGISTER_BIT_PJ = 0.009;
    static final double COMPARATOR_32_PJ = 0.02947;
    static final double REGISTER_BIT_UM2 = 5.98;
    static final double COMPARATOR_32_UM2 = 71;
    static final double REGISTER_BIT_LEAK_MW = 7e-5;
    static final double COMPARATOR_32_LEAK_MW = 2.51e-5;
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

    /**
     * Leakage of the file as Aladdin's model has it, mW: {@code width} registers (7e-5 mW per bit) and one idle comparator
     * of {@code ceil(log2 depth)} bits per entry (2.51e-5 mW per 32 bits).
     */
    public static double leakageMw(int depth, int widthBits, double nodeNm) {
        int addressBits = depth <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(depth - 1);
        double mw = widthBits * REGISTER_BIT_LEAK_MW + depth * COMPARATOR_32_LEAK_MW * addressBits / 32.0;
        return mw * TechScaling.energyFrom45(nodeNm) / TechScaling.energyFrom45(NATIVE_NM);
    }

    /** Leakage of Accelergy's smartbuffer_RF compound, mW: its library register file's, scaled by area. */
    public static double smartBufferLeakageMw(int depth, int widthBits, double nodeNm) {
        int memWidth = Math.max(32, widthBits);
        int memDepth = Math.max(64, depth);
        double scale = (double) widthBits / memWidth * depth / memDepth;
        double mw = memWidth * REGISTER_BIT_LEAK_MW + memDepth * COMPARATOR_32_LEAK_MW;
        return mw * scale * TechScaling.energyFrom45(nodeNm) / TechScaling.energyFrom45(NATIVE_NM);
    }

    /**
     * Accelergy's {@code smartbuffer_RF} compound (timeloop-accelergy-exercises, example_designs/_components): a register
     * file of at least 32 bits by 64 entries, whose storage is the component library's register file (one 32-bit
     * comparator per entry besides the registers of one word), scaled down to the real size ({@code width/32 x
     * (depth/64)^0.78} for energy, "CACTI scaling: 2x depth, 1.56x dynamic power"), plus one address adder of
     * {@code ceil(log2 depth)} bits per access. Energy of one access, pJ.
     */
    public static double smartBufferAccessPj(int depth, int widthBits, double nodeNm) {
        int memWidth = Math.max(32, widthBits);
        int memDepth = Math.max(64, depth);
        double scale = (double) widthBits / memWidth * Math.pow((double) depth / memDepth, 1.56 / 2);
        double storage = memWidth * REGISTER_BIT_PJ + memDepth * COMPARATOR_32_PJ;
        int addressBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, depth - 1)));
        double adder = 0.21 * addressBits / 32;                                 // Aladdin 32-bit adder, 0.21 pJ at 40 nm
        return (storage * scale + adder) * TechScaling.energyFrom45(nodeNm) / TechScaling.energyFrom45(NATIVE_NM);
    }

    /** Area of the same, um^2 (storage scaled by width and depth, the two address adders). */
    public static double smartBufferAreaUm2(int depth, int widthBits, double nodeNm) {
        int memWidth = Math.max(32, widthBits);
        int memDepth = Math.max(64, depth);
        double scale = (double) widthBits / memWidth * depth / memDepth;
        double storage = (double) memWidth * REGISTER_BIT_UM2 + memDepth * COMPARATOR_32_UM2;
        int addressBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, depth - 1)));
        return (storage * scale + 2 * 278.0 * addressBits / 32) * TechScaling.areaFrom45(nodeNm) / TechScaling.areaFrom45(NATIVE_NM);
    }
}
