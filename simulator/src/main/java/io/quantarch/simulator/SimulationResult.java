package io.quantarch.simulator;

import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.workloads.layer.Workload;

import java.util.List;

/** A workload simulated on an architecture: per-layer results and their totals. */
public record SimulationResult(Architecture architecture, Workload workload, Fidelity fidelity, List<LayerResult> layers) {

    public SimulationResult {
        layers = List.copyOf(layers);
    }

    public long macs() {
        return layers.stream().mapToLong(l -> l.gemm().macs()).sum();
    }

    public long computeCycles() {
        return layers.stream().mapToLong(l -> l.gemm().computeCycles()).sum();
    }

    public long stallCycles() {
        return layers.stream().mapToLong(l -> l.gemm().stallCycles()).sum();
    }

    public long vectorCycles() {
        return layers.stream().mapToLong(LayerResult::vectorCycles).sum();
    }

    public long totalCycles() {
        return layers.stream().mapToLong(LayerResult::totalCycles).sum();
    }

    public double dramBytes() {
        return layers.stream().mapToDouble(l -> l.gemm().dramBytes()).sum();
    }

    /** MACs / the MACs the array could have done in its matrix cycles (each layer at its formats' peak MACs per cycle). */
    public double utilization() {
        double possible = 0;
        for (LayerResult l : layers) {
            possible += (double) l.gemm().totalCycles() * l.peakMacsPerCycle();
        }
        return possible == 0 ? 0 : macs() / possible;
    }

    public double latencySeconds() {
        return totalCycles() / (architecture.clockGhz() * 1e9);
    }

    public ActionCounts actions() {
        ActionCounts a = ActionCounts.EMPTY;
        for (LayerResult l : layers) {
            a = a.plus(l.actions());
        }
        return a;
    }
}
