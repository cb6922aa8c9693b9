package io.quantarch.pricing;

import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.Component;
import io.quantarch.cost.actions.Inventory;
import io.quantarch.simulator.LayerResult;
import io.quantarch.simulator.SimulationResult;
import io.quantarch.cost.estimate.Breakdown;
import io.quantarch.cost.estimate.CostModel;

import java.util.ArrayList;
import java.util.List;

/**
 * A simulation priced by a cost model: energy per component per layer (from each layer's {@link ActionCounts}
 * only) and the architecture's area per component (from its inventory only). The simulator counted; this
 * record holds what the cost model charged for it.
 *
 * @param layerEnergyPj dynamic energy per component, one entry per layer in workload order
 * @param areaUm2       silicon area per component
 */
public record PricedResult(SimulationResult simulation, CostModel costModel, Inventory inventory, List<Breakdown> layerEnergyPj,
                           Breakdown areaUm2) {

    public PricedResult {
        layerEnergyPj = List.copyOf(layerEnergyPj);
        if (layerEnergyPj.size() != simulation.layers().size()) {
            throw new IllegalArgumentException("one energy breakdown per layer");
        }
    }

    public static PricedResult of(SimulationResult sim, CostModel model) {
        Inventory inv = sim.architecture().inventory();
        List<Breakdown> energy = new ArrayList<>(sim.layers().size());
        for (LayerResult l : sim.layers()) {
            energy.add(model.energyPj(l.actions(), inv));
        }
        return new PricedResult(sim, model, inv, energy, model.areaUm2(inv));
    }

    /** Total dynamic energy of the workload per component. */
    public Breakdown energyPj() {
        java.util.Map<Component, Double> m = new java.util.EnumMap<>(Component.class);
        for (Breakdown b : layerEnergyPj) {
            b.byComponent().forEach((c, v) -> m.merge(c, v, Double::sum));
        }
        return new Breakdown(m);
    }

    public double totalEnergyPj() {
        return energyPj().total();
    }

    public double areaMm2() {
        return areaUm2.total() / 1e6;
    }

    /** Energy per multiply-accumulate of the matrix layers (all components included), pJ. */
    public double energyPerMacPj() {
        long macs = simulation.macs();
        return macs == 0 ? 0 : totalEnergyPj() / macs;
    }

    /** Average power over the run, W (dynamic only). */
    public double averagePowerW() {
        double s = simulation.latencySeconds();
        return s == 0 ? 0 : totalEnergyPj() * 1e-12 / s;
    }
}
