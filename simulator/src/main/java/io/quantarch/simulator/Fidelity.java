package io.quantarch.simulator;

/**
 * How compute cycles are obtained: the closed form per fold ({@link #ANALYTIC}, for search and large models)
 * or a register-level cycle-stepped run of the array ({@link #CYCLE}, for small layers and cross-checks).
 * Both give identical compute cycles; the cycle-stepped run also executes the GEMM.
 */
public enum Fidelity {
    ANALYTIC, CYCLE
}
