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

import java.util.ArrayList;
import java.util.List;

/**
 * The per-layer and per-gene data a report needs about each front design, as rows the reports module writes next to
 * pareto.csv (so the report is rebuilt from CSV files alone): per layer the latency, energy, DRAM bytes, MACs and the
 * roofline's peak and bandwidth (cycles and LUTs per unit for FPGA designs), and each quantization gene's tier-1
 * quality contribution.
 */
public final class FrontBreakdown {

    /** One layer (or FPGA unit, or the attention unit) of one front design; NaN where a column does not apply. */
    public record LayerRow(long evaluation, String layer, String type, long macs, long cycles, double latencyS, double energyPj,
                           double dramBytes, double luts, double peakOpsPerCycle, double dramBytesPerCycle, double clockHz) { }

    /**
     * One component of one (systolic) front design: its dynamic and leakage energy over the workload and where its price
     * comes from (cost table, SRAM model with the buffer's shape, DRAM technology with its source).
     */
    public record ComponentRow(long evaluation, String component, double dynamicPj, double leakagePj, String priceSource) { }

    /** The mapping of one loop nest of one (hierarchy) front design, as a Timeloop mapping file. */
    public record MappingRow(long evaluation, String nest, String yaml) { }

    /** One quantization gene's option in one front design, and its tier-1 quality contribution. */
    public record GeneRow(long evaluation, String gene, String option, double qualityContribution) { }

    private FrontBreakdown() {
    }

    /** Every layer of every front design, in front order. */
    public static List<LayerRow> layers(DesignSpace space, List<FrontPoint> front) {
        List<LayerRow> rows = new ArrayList<>();
        for (FrontPoint p : front) {
            Design d = space.decode(p.choice());
            if (d.fpga() != null) {
                fpgaRows(rows, space, d, p.evaluation());
            } else if (d.hierarchy() != null) {
                HierarchyRows.layers(rows, space, d, p.evaluation());
            } else {
                systolicRows(rows, space, d, p.evaluation());
            }
        }
        return rows;
    }

    /** Energy per component, dynamic and leakage, of every systolic front design (attention units are their own row). */
    public static List<ComponentRow> components(DesignSpace space, List<FrontPoint> front) {
        List<ComponentRow> rows = new ArrayList<>();
        for (FrontPoint p : front) {
            Design d = space.decode(p.choice());
            if (d.fpga() != null) {
                continue;
            }
            if (d.hierarchy() != null) {
                HierarchyRows.components(rows, space, d, p.evaluation());
                continue;
            }
            CostModel cost = CostModels.of(d.architecture().costModel());
            PricedResult priced = Pricing.price(Simulator.run(d.architecture(), space.workload(), d.policy(), Fidelity.ANALYTIC), cost);
            var inv = priced.inventory();
            for (io.quantarch.cost.actions.Component c : io.quantarch.cost.actions.Component.values()) {
                double dyn = priced.dynamicEnergyPj().get(c);
                double leak = priced.leakageEnergyPj().get(c);
                if (dyn == 0 && leak == 0) {
                    continue;
                }
                String source = switch (c) {
                    case DRAM -> "dram " + inv.dram().name() + " (" + inv.dram().pjPerBit() + " pJ/bit, " + inv.dram().source() + ")";
                    case IFMAP_SRAM, FILTER_SRAM, OFMAP_SRAM -> "sram model " + inv.sramModel() + ": " + inv.srams().get(c);
                    case PE_ARRAY, VECTOR_UNIT, DEQUANT_UNIT, TOPK_ENGINE -> "cost table " + cost.name();
                };
                rows.add(new ComponentRow(p.evaluation(), c.name().toLowerCase(java.util.Locale.ROOT), dyn, leak, source));
            }
        }
        return rows;
    }

    private static void fpgaRows(List<LayerRow> rows, DesignSpace space, Design d, long eval) {
        PricedDataflow r = Pricing.price(DataflowSimulator.run(d.fpga(), space.workload(), d.policy()));
        double hz = d.fpga().clockMhz() * 1e6;
        for (int i = 0; i < r.dataflow().layers().size(); i++) {
            MvauLayerResult l = r.dataflow().layers().get(i);
            rows.add(new LayerRow(eval, l.layer().name(), "mvau", l.layer().macs(), l.cyclesPerFrame(), l.cyclesPerFrame() / hz, Double.NaN,
                    Double.NaN, r.estimates().get(i).resources().luts(), 2.0 * l.folding().pe() * l.folding().simd(), Double.NaN, hz));
        }
    }

    private static void systolicRows(List<LayerRow> rows, DesignSpace space, Design d, long eval) {
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
            rows.add(new LayerRow(eval, l.layer().name(), l.layer().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT),
                    l.gemm().macs(), l.totalCycles(), l.totalCycles() / hz, priced.layerTotalPj(i), l.gemm().dramBytes(),
                    Double.NaN, peak, d.architecture().memory().dramBytesPerCycle(), hz));
        }
        if (d.attention() != null) {
            AttentionUnitCost u = AttentionUnitCost.of(d.attention());
            double unitHz = AttentionHardware.SPATTEN.clockGhz() * 1e9;
            rows.add(new LayerRow(eval, "attention unit", "attention-unit", 0, Math.round(u.seconds() * unitHz), u.seconds(), u.energyPj(cost, priced.inventory()),
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, unitHz));
        }
    }

    /** The mapping of every loop nest of every hierarchy front design (none in other spaces). */
    public static List<MappingRow> mappings(DesignSpace space, List<FrontPoint> front) {
        List<MappingRow> rows = new ArrayList<>();
        for (FrontPoint p : front) {
            Design d = space.decode(p.choice());
            if (d.hierarchy() != null) {
                for (var n : io.quantarch.search.eval.HierarchyCost.mappings(space, d)) {
                    rows.add(new MappingRow(p.evaluation(), n.problem().name(), n.mappingYaml()));
                }
            }
        }
        return rows;
    }

    /** Every quantization gene (and attention unit) of every front design with its tier-1 quality contribution. */
    public static List<GeneRow> genes(DesignSpace space, List<FrontPoint> front, QualityTable quality) {
        List<GeneRow> rows = new ArrayList<>();
        int nArch = space.archGenes().size();
        for (FrontPoint p : front) {
            for (int j = 0; j < space.quantGenes().size(); j++) {
                int o = p.choice()[nArch + j];
                rows.add(new GeneRow(p.evaluation(), space.quantGenes().get(j).name(), space.label(nArch + j, o), quality.contribution(j, o)));
            }
            Design d = space.decode(p.choice());
            if (d.attention() != null) {
                rows.add(new GeneRow(p.evaluation(), "attention unit", d.attention().key(), AttentionUnitCost.of(d.attention()).qualityLoss()));
            }
        }
        return rows;
    }
}
