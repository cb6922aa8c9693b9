package io.quantarch.simulator;

import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.workloads.layer.Layer;

/**
 * One layer's simulation: its GEMMs on the array (summed), or its vector-unit work.
 *
 * @param vectorOps    element operations on the vector unit
 * @param vectorCycles cycles of the vector unit (ops / lanes)
 * @param bits         the operand widths the policy gave the layer
 */
public record LayerResult(Layer layer, GemmStats gemm, long vectorOps, long vectorCycles, OperandBits bits, double peakMacsPerCycle) {

    public long totalCycles() {
        return gemm.totalCycles() + vectorCycles;
    }

    /**
     * MACs / (total cycles x the array's peak MACs per cycle on this layer's formats): SCALE-Sim's "Overall Util" for
     * single-MAC PEs, and never above 1 for PEs that complete several MACs per cycle (dot-product lanes, fused Bit Fusion).
     */
    public double utilization() {
        long c = gemm.totalCycles();
        return c == 0 ? 0 : gemm.macs() / ((double) c * peakMacsPerCycle);
    }

    public ActionCounts actions() {
        if (vectorOps == 0) {
            return gemm.actions();
        }
        return gemm.actions().plus(ActionCounts.builder()
                .add(io.quantarch.cost.actions.Component.VECTOR_UNIT, io.quantarch.cost.actions.ActionKind.VECTOR_OP, io.quantarch.cost.actions.Variant.NONE, vectorOps)
                .add(io.quantarch.cost.actions.Component.VECTOR_UNIT, io.quantarch.cost.actions.ActionKind.ACTIVE_CYCLES, io.quantarch.cost.actions.Variant.NONE, vectorCycles)
                .build());
    }
}
