package io.quantarch.search.run;

import io.quantarch.search.eval.AttentionUnitCost;
import io.quantarch.simulator.attention.AttentionHardware;
import io.quantarch.workloads.layer.Attention;
import io.quantarch.cost.estimate.CostModels;
import io.quantarch.search.eval.QualityTable;
import io.quantarch.search.space.Design;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.simulator.Fidelity;
import io.quantarch.simulator.LayerResult;
import io.quantarch.pricing.PricedResult;
import io.quantarch.pricing.Pricing;
import io.quantarch.pricing.fpga.PricedDataflow;
import io.quantarch.cost.estimate.CostModel;
import io.quantarch.simulator.SimulationResult;
import io.quantarch.simulator.Simulator;
import io.quantarch.simulator.fpga.DataflowSimulator;
import io.quantarch.simulator.fpga.MvauLayerResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The per-layer and per-gene data a report needs about each front design, written next to pareto.csv so the report
 * is rebuilt from CSV files alone: {@code front_layers.csv} (latency, energy, DRAM bytes, MACs and the roofline's
 * peak and bandwidth per layer; cycles and LUTs per unit for FPGA designs) and {@code front_genes.csv} (each
 * quantization gene's tier-1 quality contribution).
 */
final class FrontBreakdown {

    private FrontBreakdown() {
    }

    static void write(DesignSpace space, Path dir, List<Exploration.FrontPoint> front, QualityTable quality) throws IOException {
        StringBuilder b = new StringBuilder("evaluation,layer,type,macs,cycles,latency_s,energy_pj,dram_bytes,luts,"
                + "peak_ops_per_cycle,dram_bytes_per_cycle,clock_hz\n");
        for (Exploration.FrontPoint p : front) {
            Design d = space.decode(p.choice());
            if (d.fpga() != null) {
                PricedDataflow r = Pricing.price(DataflowSimulator.run(d.fpga(), space.workload(), d.policy()));
                double hz = d.fpga().clockMhz() * 1e6;
                for (int i = 0; i < r.dataflow().layers().size(); i++) {
                    MvauLayerResult l = r.dataflow().layers().get(i);
                    row(b, p.evaluation(), l.layer().name(), "mvau", l.layer().macs(), l.cyclesPerFrame(), l.cyclesPerFrame() / hz, Double.NaN,
                            Double.NaN, r.estimates().get(i).resources().luts(), 2.0 * l.folding().pe() * l.folding().simd(), Double.NaN, hz);
                }
                continue;
            }
            SimulationResult sim = Simulator.run(d.architecture(), space.workload(), d.policy(), Fidelity.ANALYTIC);
            CostModel cost = CostModels.of(d.architecture().costModel());
            PricedResult priced = Pricing.price(sim, cost);
            double hz = d.architecture().clockGhz() * 1e9;
            for (int i = 0; i < sim.layers().size(); i++) {
                LayerResult l = sim.layers().get(i);
                if (d.attention() != null && l.layer() instanceof Attention) {
                    continue;                                          // runs on the attention unit: one row below
                }
                double peak = 2 * Simulator.peakMacsPerCycle(d.architecture(), l.layer(), d.policy());
                row(b, p.evaluation(), l.layer().name(), l.layer().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT), l.gemm().macs(),
                        l.totalCycles(), l.totalCycles() / hz, priced.layerEnergyPj().get(i).total(), l.gemm().dramBytes(), Double.NaN, peak,
                        d.architecture().memory().dramBytesPerCycle(), hz);
            }
            if (d.attention() != null) {
                AttentionUnitCost u = AttentionUnitCost.of(d.attention());
                double unitHz = AttentionHardware.SPATTEN.clockGhz() * 1e9;
                row(b, p.evaluation(), "attention unit", "attention-unit", 0, Math.round(u.seconds() * unitHz), u.seconds(), u.energyPj(cost),
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, unitHz);
            }
        }
        Exploration.atomicWrite(dir.resolve("front_layers.csv"), b.toString());

        StringBuilder g = new StringBuilder("evaluation,gene,option,quality_contribution\n");
        int nArch = space.archGenes().size();
        for (Exploration.FrontPoint p : front) {
            for (int j = 0; j < space.quantGenes().size(); j++) {
                int o = p.choice()[nArch + j];
                g.append(p.evaluation()).append(',').append(Explorer.csv(space.quantGenes().get(j).name())).append(',')
                        .append(Explorer.csv(space.label(nArch + j, o))).append(',').append(Explorer.fmt(quality.contribution(j, o))).append('\n');
            }
            Design d = space.decode(p.choice());
            if (d.attention() != null) {
                g.append(p.evaluation()).append(",attention unit,").append(Explorer.csv(d.attention().key())).append(',')
                        .append(Explorer.fmt(AttentionUnitCost.of(d.attention()).qualityLoss())).append('\n');
            }
        }
        Exploration.atomicWrite(dir.resolve("front_genes.csv"), g.toString());
    }

    private static void row(StringBuilder b, long eval, String layer, String type, long macs, long cycles, double latency, double energy,
                            double dram, double luts, double peak, double bw, double hz) {
        b.append(eval).append(',').append(Explorer.csv(layer)).append(',').append(type).append(',').append(macs).append(',').append(cycles)
                .append(',').append(Explorer.fmt(latency)).append(',').append(Explorer.fmt(energy)).append(',').append(Explorer.fmt(dram))
                .append(',').append(Explorer.fmt(luts)).append(',').append(Explorer.fmt(peak)).append(',').append(Explorer.fmt(bw))
                .append(',').append(Explorer.fmt(hz)).append('\n');
    }
}
