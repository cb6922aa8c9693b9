package io.quantarch.numerics.format;

/** How a minifloat spends its top exponent binade on non-finite values. */
public enum SpecialValues {
    /** Every code is a finite number (OCP FP6/FP4 and MX elements). */
    NONE,
    /** OCP E4M3 ("FN"): no infinities; only S.1..1.1..1 is NaN, the rest of the top binade is normal. */
    FN,
    /** IEEE 754 style: exponent all ones is Inf (mantissa 0) or NaN (mantissa non-zero). */
    IEEE
}
