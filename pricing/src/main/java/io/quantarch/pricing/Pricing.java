package io.quantarch.pricing;

import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.Inventory;
import io.quantarch.cost.estimate.Breakdown;
import io.quantarch.cost.estimate.CostModel;
import io.quantarch.pricing.fpga.PricedDataflow;
import io.quantarch.simulator.SimulationResult;
import io.quantarch.simulator.fpga.DataflowResult;

import java.util.List;
import java.util.Map;

/**
 * The one pricing step: what a simulator counted, times the design's own cost model. Systolic runs are priced per layer
 * with the architecture's inventory; attention units (which hold no SRAM of their own here: DRAM, PE and vector
 * actions only) from their action counts; FPGA dataflows from their units' descriptions by the FPGA resource model.
 */
public final class Pricing {

    private static final Inventory NO_STORAGE = new Inventory(List.of(), Map.of());

    private Pricing() {
    }

    public static PricedResult price(SimulationResult sim, CostModel model) {
        return PricedResult.of(sim, model);
    }

    /** Energy of actions that touch no on-chip SRAM (an attention unit's DRAM, multiplier, adder and vector actions). */
    public static Breakdown energyPj(ActionCounts actions, CostModel model) {
        return model.energyPj(actions, NO_STORAGE);
    }

    public static PricedDataflow price(DataflowResult dataflow) {
        return PricedDataflow.of(dataflow);
    }
}
