package io.quantarch.cost.estimate;

import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.Inventory;
import io.quantarch.cost.table.Entry;

import java.util.List;

/**
 * Prices what the simulator counted: {@code ActionCounts x energy per action -> pJ per component}
 * (Accelergy's ERT), and an architecture's inventory to area (its ART). Open for new estimators: a cost model
 * is found by name in {@link CostModels}, and a user table in CSV needs no Java.
 */
public interface CostModel {

    String name();

    /** Dynamic energy in pJ per component. */
    Breakdown energyPj(ActionCounts actions, Inventory inventory);

    /** Standby leakage power in mW per component (energy = power x the time the design is powered). */
    Breakdown leakageMw(Inventory inventory);

    /** Area in um^2 per component. */
    Breakdown areaUm2(Inventory inventory);

    /** The table rows (with citations) the numbers come from. */
    List<Entry> provenance();

    /** Energy of one action in pJ (for reports and tests). */
    double energyPerAction(io.quantarch.cost.actions.ActionKey key, Inventory inventory);
}
