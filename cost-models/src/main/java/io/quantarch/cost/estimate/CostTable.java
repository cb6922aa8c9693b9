package io.quantarch.cost.estimate;

import io.quantarch.config.component.Component;
import io.quantarch.config.component.Declaration;
import io.quantarch.cost.actions.CostModelSpec;
import io.quantarch.cost.table.ComponentTable;

import java.util.List;

/**
 * A built-in cost table: a CSV resource of unit energies and areas with a citation per row, measured at one technology
 * node. A new table is its CSV file plus one registration line in {@link CostModels#TABLES}.
 *
 * @param resource   the resource's base name under {@code io/quantarch/cost/}
 * @param nativeNode the node its numbers are for, nm
 */
public record CostTable(String name, String description, String resource, double nativeNode) implements Component {

    @Override
    public Declaration declaration() {
        return new Declaration("cost-table", name, description + " (native node " + (int) nativeNode + " nm)", List.of(CostModelSpec.NODE, CostModelSpec.OVERRIDE));
    }

    /** The table's rows. */
    public ComponentTable load() {
        return ComponentTable.resource(resource);
    }
}
