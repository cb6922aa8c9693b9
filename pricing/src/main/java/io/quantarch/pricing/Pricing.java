package io.quantarch.pricing;

import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.Inventory;
import io.quantarch.cost.estimate.Breakdown;
import io.quantarch.cost.estimate.CostModel;
import io.quantarch.pricing.fpga.PricedDataflow;
import io.quantarch.simulator.LayerResult;
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

    private static final Inventory NO_STORAGE = Inventory.of(List.of());

    private Pricing() {
    }

    public static PricedResult price(SimulationResult sim, CostModel model) {
        return PricedResult.of(sim, model);
    }

    /** Energy of actions that touch no on-chip SRAM (an attention unit's DRAM, multiplier, adder and vector actions). */
    public static Breakdown energyPj(ActionCounts actions, CostModel model) {
        return model.energyPj(actions, NO_STORAGE);
    }

    /** The same with the DRAM technology of {@code design} (the architecture the unit sits beside). */
    public static Breakdown energyPj(ActionCounts actions, CostModel model, Inventory design) {
        return model.energyPj(actions, Inventory.of(List.of()).withDram(design.dram()));
    }

    /** Energy of a design's layer: dynamic from its actions, leakage of the whole inventory over its latency. */
    public record LayerEnergy(double dynamicPj, double leakagePj) {

        public double totalPj() {
            return dynamicPj + leakagePj;
        }
    }

    public static LayerEnergy layer(LayerResult r, CostModel model, Inventory inv, double clockGhz) {
        return new LayerEnergy(model.energyPj(r.actions(), inv).total(), model.leakageMw(inv).total() * r.totalCycles() / (clockGhz * 1e9) * 1e9);
    }

    /** Leakage energy per component of {@code powerMw} over {@code seconds}, pJ (mW x s = 1e9 pJ). */
    public static Breakdown leakagePj(Breakdown powerMw, double seconds) {
        Map<io.quantarch.cost.actions.Component, Double> m = new java.util.EnumMap<>(io.quantarch.cost.actions.Component.class);
        powerMw.byComponent().forEach((c, mw) -> m.put(c, mw * seconds * 1e9));
        return new Breakdown(m);
    }

    public static PricedDataflow price(DataflowResult dataflow) {
        return PricedDataflow.of(dataflow);
    }
}
