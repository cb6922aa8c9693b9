package io.quantarch.cli;

import io.quantarch.reports.csv.CsvTable;
import io.quantarch.cost.actions.ActionKey;
import io.quantarch.cost.estimate.CostModel;
import io.quantarch.cost.actions.Inventory;
import io.quantarch.cost.actions.Part;
import io.quantarch.cost.table.Entry;
import io.quantarch.cost.estimate.TableCostModel;
import io.quantarch.cost.memory.CactiSram;
import io.quantarch.cost.memory.DramTechnology;
import io.quantarch.cost.memory.LogicLeakage;
import io.quantarch.cost.memory.SramCosts;
import io.quantarch.simulator.LayerResult;
import io.quantarch.pricing.PricedResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cost model's working, as files a reviewer can check by hand (Accelergy's ERT/ART): every counted action with
 * its energy, every unit of the architecture with its area, and the table rows with their citations.
 */
final class CostTables {

    private CostTables() {
    }

    /** {@code layer,component,action,variant,count,energy_per_action_pj,energy_pj}: one row per layer and action kind. */
    static void writeActions(Path file, PricedResult priced) throws IOException {
        CostModel m = priced.costModel();
        Inventory inv = priced.inventory();
        try (CsvTable t = CsvTable.create(file, List.of("layer", "component", "action", "variant", "count", "energy_per_action_pj", "energy_pj"))) {
            for (LayerResult l : priced.simulation().layers()) {
                for (Map.Entry<ActionKey, Long> e : l.actions().asMap().entrySet()) {
                    ActionKey k = e.getKey();
                    double each = m.energyPerAction(k, inv);
                    t.row(l.layer().name(), lower(k.component()), lower(k.action()), k.variant(), e.getValue(), each, each * e.getValue());
                }
            }
        }
    }

    /** {@code component,unit,variant,count,area_per_unit_um2,area_um2}: the architecture's inventory priced. */
    static void writeArea(Path file, PricedResult priced) throws IOException {
        CostModel m = priced.costModel();
        Inventory inv = priced.inventory();
        try (CsvTable t = CsvTable.create(file, List.of("component", "unit", "variant", "count", "area_per_unit_um2", "area_um2"))) {
            for (Part p : inv.parts()) {
                double total = m.areaUm2(inv.withParts(List.of(p))).total();
                t.row(lower(p.component()), lower(p.kind()), p.variant(), p.count(), p.count() == 0 ? null : total / p.count(), total);
            }
        }
    }

    /**
     * Where every price comes from: the table the model read, row by row with its source and citation, then the design's
     * buffers as its SRAM model prices them (read energy per word in {@code energy_pj}, {@code size} = capacity in bytes),
     * its DRAM technology (energy per bit) and the leakage densities.
     */
    static void writeProvenance(Path file, PricedResult priced) throws IOException {
        CostModel m = priced.costModel();
        Inventory inv = priced.inventory();
        try (CsvTable t = CsvTable.create(file, List.of("cost_model", "unit", "size", "energy_pj", "area_um2", "source", "citation"))) {
            for (Entry e : m.provenance()) {
                t.row(m.name(), e.unit(), e.size(), e.energyPj(), e.areaUm2(), e.source(), e.citation());
            }
            if (m instanceof TableCostModel tm) {
                for (var e : inv.srams().entrySet()) {
                    SramCosts c = tm.sram(e.getKey(), inv);
                    t.row(m.name(), "sram:" + lower(e.getKey()), e.getValue().capacityBytes(), c.readPj(), c.areaUm2(),
                            "sram model " + inv.sramModel(), e.getValue() + " at " + tm.nodeNm() + " nm: read " + c.readPj() + " pJ, write "
                                    + c.writePj() + " pJ per word, leakage " + c.leakageMw() + " mW"
                                    + (inv.sramModel().equals(CactiSram.NAME) ? "; CACTI 7 runs with Accelergy's configuration, "
                                    + "cost-models resource cacti-sram-grid.csv (see its PROVENANCE.md)" : ""));
                }
                t.row(m.name(), "leakage:logic_nw_per_um2", 1, null, null, "Bit Fusion synthesis + CACTI ITRS-HP I_off",
                        LogicLeakage.nwPerUm2(tm.nodeNm()) + " nW/um^2 at " + tm.nodeNm() + " nm (LogicLeakage: 28.7 nW/um^2 at 45 nm from "
                                + "hsharma35/bitfusion systolic_array_synth.csv, node factor I_off Vdd / L of CACTI 7 ITRS-HP devices)");
            }
            DramTechnology d = inv.dram();
            t.row(m.name(), "dram:" + d.name(), 1, d.pjPerBit(), null, d.source(), d.citation());
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
