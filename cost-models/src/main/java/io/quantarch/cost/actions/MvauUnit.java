package io.quantarch.cost.actions;

import java.util.Objects;

/**
 * One FINN-style matrix-vector(-activation) unit as built: an {@code MH x MW} weight matrix folded onto
 * {@code pe} output lanes each taking {@code simd} inputs per cycle, with its operand types and where its
 * weights live. The simulator builds these from a layer and its folding; the resource model prices them.
 *
 * @param mw           matrix width: inputs per output (channels x kernel area)
 * @param mh           matrix height: outputs (output channels)
 * @param output       the activation quantizer on the output (thresholds for integers), or null for none
 * @param multipliers  where multiplications go: LUT fabric or DSP slices
 * @param weightMemory where the weights live: block RAM or distributed (LUT) RAM
 */
public record MvauUnit(String name, int mw, int mh, int pe, int simd, FpgaOperand weights, FpgaOperand inputs,
                       FpgaOperand output, Multipliers multipliers, WeightMemory weightMemory) {

    public enum Multipliers { LUT, DSP }

    public enum WeightMemory { BRAM, DISTRIBUTED }

    public MvauUnit {
        Objects.requireNonNull(weights);
        Objects.requireNonNull(inputs);
        Objects.requireNonNull(multipliers);
        Objects.requireNonNull(weightMemory);
        if (mw < 1 || mh < 1 || pe < 1 || simd < 1) {
            throw new IllegalArgumentException(name + ": matrix and folding must be positive");
        }
        if (mh % pe != 0 || mw % simd != 0) {
            throw new IllegalArgumentException(name + ": PE " + pe + " must divide MH " + mh + " and SIMD " + simd + " must divide MW " + mw);
        }
    }

    /** Weight memory depth per PE: {@code MW x MH / (SIMD x PE)} words of {@code SIMD x W} bits (FINN's WMEM). */
    public long weightMemoryDepth() {
        return (long) mw * mh / ((long) simd * pe);
    }

    /** Threshold memory depth per PE: {@code MH / PE} (FINN's TMEM). */
    public long thresholdMemoryDepth() {
        return mh / pe;
    }

    public long weightBits() {
        return (long) mw * mh * weights.bits();
    }
}
