package io.quantarch.simulator.fpga;

/** How far a matrix-vector unit is unrolled: {@code pe} outputs and {@code simd} inputs per cycle. */
public record Folding(int pe, int simd) {

    public static final Folding NONE = new Folding(1, 1);

    public Folding {
        if (pe < 1 || simd < 1) {
            throw new IllegalArgumentException("PE and SIMD must be at least 1, got PE " + pe + " SIMD " + simd);
        }
    }

    /** FINN's folded cycle count: (MH / PE) x (MW / SIMD) per input vector (get_exp_cycles). */
    public long cyclesPerVector(int mw, int mh) {
        return (long) (mh / pe) * (mw / simd);
    }
}
