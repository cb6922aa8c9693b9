package io.quantarch.cli;

import io.quantarch.reports.csv.CsvTable;
import io.quantarch.cost.actions.ActionKey;
import io.quantarch.cost.estimate.CostModel;
import io.quantarch.cost.actions.Inventory;
import io.quantarch.cost.actions.Part;
import io.quantarch.cost.table.Entry;
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
                double total = m.areaUm2(new Inventory(List.of(p), inv.sramBytes())).total();
                t.row(lower(p.component()), lower(p.kind()), p.variant(), p.count(), p.count() == 0 ? null : total / p.count(), total);
            }
        }
    }

    /** The table the model read, row by row with its source and citation. */
    static void writeProvenance(Path file, CostModel m) throws IOException {
        try (CsvTable t = CsvTable.create(file, List.of("cost_model", "unit", "size", "energy_pj", "area_um2", "source", "citation"))) {
            for (Entry e : m.provenance()) {
                t.row(m.name(), e.unit(), e.size(), e.energyPj(), e.areaUm2(), e.source(), e.citation());
            }
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
