package io.quantarch.pricing;

import io.quantarch.cost.actions.Component;
import io.quantarch.cost.actions.Inventory;
import io.quantarch.cost.estimate.Breakdown;
import io.quantarch.cost.estimate.CostModel;
import io.quantarch.simulator.LayerResult;
import io.quantarch.simulator.SimulationResult;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A simulation priced by a cost model: dynamic energy per component per layer (from each layer's action counts only),
 * leakage energy per component per layer (the inventory's leakage power over the layer's latency), and the area per
 * component (from the inventory only). The simulator counted; this record holds what the cost model charged for it.
 *
 * @param layerEnergyPj  dynamic energy per component, one entry per layer in workload order
 * @param layerLeakagePj leakage energy per component, one entry per layer
 * @param leakageMw      standby leakage power per component
 * @param areaUm2        silicon area per component
 */
public record PricedResult(SimulationResult simulation, CostModel costModel, Inventory inventory, List<Breakdown> layerEnergyPj,
                           List<Breakdown> layerLeakagePj, Breakdown leakageMw, Breakdown areaUm2) {

    public PricedResult {
        layerEnergyPj = List.copyOf(layerEnergyPj);
        layerLeakagePj = List.copyOf(layerLeakagePj);
        if (layerEnergyPj.size() != simulation.layers().size() || layerLeakagePj.size() != simulation.layers().size()) {
            throw new IllegalArgumentException("one energy breakdown per layer");
        }
    }

    public static PricedResult of(SimulationResult sim, CostModel model) {
        Inventory inv = sim.architecture().inventory();
        Breakdown leak = model.leakageMw(inv);
        double hz = sim.architecture().clockGhz() * 1e9;
        List<Breakdown> energy = new ArrayList<>(sim.layers().size());
        List<Breakdown> leakage = new ArrayList<>(sim.layers().size());
        for (LayerResult l : sim.layers()) {
            energy.add(model.energyPj(l.actions(), inv));
            leakage.add(Pricing.leakagePj(leak, l.totalCycles() / hz));
        }
        return new PricedResult(sim, model, inv, energy, leakage, leak, model.areaUm2(inv));
    }

    /** Total dynamic energy of the workload per component. */
    public Breakdown dynamicEnergyPj() {
        return sum(layerEnergyPj);
    }

    /** Total leakage energy of the workload per component. */
    public Breakdown leakageEnergyPj() {
        return sum(layerLeakagePj);
    }

    /** Total energy (dynamic + leakage) per component. */
    public Breakdown energyPj() {
        return sum(List.of(dynamicEnergyPj(), leakageEnergyPj()));
    }

    /** Energy (dynamic + leakage) of layer {@code i}, pJ. */
    public double layerTotalPj(int i) {
        return layerEnergyPj.get(i).total() + layerLeakagePj.get(i).total();
    }

    private static Breakdown sum(List<Breakdown> parts) {
        Map<Component, Double> m = new EnumMap<>(Component.class);
        for (Breakdown b : parts) {
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

    /** Energy per multiply-accumulate of the matrix layers (all components, dynamic and leakage), pJ. */
    public double energyPerMacPj() {
        long macs = simulation.macs();
        return macs == 0 ? 0 : totalEnergyPj() / macs;
    }

    /** Average power over the run, W (dynamic and leakage). */
    public double averagePowerW() {
        double s = simulation.latencySeconds();
        return s == 0 ? 0 : totalEnergyPj() * 1e-12 / s;
    }
}
