package io.quantarch.simulator.pe;

import io.quantarch.cost.actions.Part;
import io.quantarch.cost.actions.UnitKind;
import io.quantarch.cost.actions.Variant;
import io.quantarch.cost.actions.Component;

import java.util.List;

/**
 * The per-block scales a block dot-product PE combines, which decides its scale datapath: E8M0 powers of two need one
 * exponent addition per block pair (OCP MX v1.0 §6); E4M3 scales (NVFP4) their product (4x4-bit mantissas, exact in
 * 8 bits), then the block sum times that 8-bit mantissa; float32 scales (integer groups) a float32 product, then the
 * block sum times its 24-bit mantissa. The scaled block sum goes to the FP32 accumulator with its exponent.
 */
public enum BlockScale {
    E8M0("e8m0"), E4M3("e4m3"), FP32("fp32");

    /** The name in architecture files ({@code pe: {type: mx-dot, scales: e4m3}}). */
    public final String key;

    BlockScale(String key) {
        this.key = key;
    }

    public static BlockScale byKey(String key) {
        for (BlockScale s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }

    /** Multiplier variant (a square FP multiplier) that forms the product of two block scales (null for E8M0: an exponent addition). */
    Variant.Fp scaleProduct() {
        return switch (this) {
            case E8M0 -> null;
            case E4M3 -> new Variant.Fp(4, 3);
            case FP32 -> Variant.FP32;
        };
    }

    /** Significand width of the scale product the block sum is multiplied by (0 for E8M0: no multiply). */
    int productMantissaBits() {
        return switch (this) {
            case E8M0 -> 0;
            case E4M3 -> 8;                                     // (1.xxx) x (1.xxx): at most 8 significant bits, exact
            case FP32 -> 24;                                    // the product rounded to float32
        };
    }

    /** Integer multiplier variant for block sum x scale-product significand. */
    Variant.IntProduct blockScaling(int sumBits) {
        return Variant.product(sumBits, productMantissaBits());
    }

    /**
     * The scale path of one PE: {@code blocksPerCycle} block pairs finish per cycle at most (lanes / smallest block),
     * each needing a scale combination, and for non-power-of-two scales a multiply of the block sum (built for sums of
     * {@code accumulatorBits}).
     */
    List<Part> parts(int blocksPerCycle, int accumulatorBits) {
        if (this == E8M0) {
            return List.of(new Part(Component.PE_ARRAY, UnitKind.ADDER, Variant.integer(9), blocksPerCycle));
        }
        return List.of(new Part(Component.PE_ARRAY, UnitKind.MULTIPLIER, scaleProduct(), blocksPerCycle),
                new Part(Component.PE_ARRAY, UnitKind.MULTIPLIER, blockScaling(accumulatorBits), blocksPerCycle));
    }
}
