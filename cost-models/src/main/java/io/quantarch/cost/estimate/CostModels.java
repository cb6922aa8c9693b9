package io.quantarch.cost.estimate;

import io.quantarch.config.component.Registry;
import io.quantarch.cost.actions.CostModelSpec;
import io.quantarch.cost.table.ComponentTable;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cost models from their specs: a registered table ({@code horowitz45}: Horowitz ISSCC 2014 and cited additions at
 * 45 nm), the same scaled to another node with Stillmaker & Baas 2017 ({@code horowitz45@7}, any node 7..130 nm), a
 * user table {@code table:PATH.csv} used as is, or a registered table with a user's units replacing its own. Registered
 * tables are built once per spec and shared (models are immutable); user tables are read on each call.
 */
public final class CostModels {

    /** The registered cost tables: one line each. */
    public static final Registry<CostTable> TABLES = new Registry<>("cost-table", "unit energy and area tables with a citation per row",
            List.of(
                    new CostTable("horowitz45", "M. Horowitz, ISSCC 2014 energy table (45 nm) with cited additions for areas, "
                            + "SRAM and registers", "horowitz45", 45)));

    /** Examples of the text form, for messages. */
    public static final List<String> NAMES = List.of("horowitz45", "horowitz45@28", "horowitz45@16", "horowitz45@7", "table:PATH.csv",
            "horowitz45+table:PATH.csv");

    private static final ConcurrentHashMap<CostModelSpec, CostModel> BUILT = new ConcurrentHashMap<>();

    private CostModels() {
    }

    /**
     * The cost model of {@code spec}.
     *
     * @throws IllegalArgumentException naming the table, the file and line, or the unit that is wrong
     */
    public static CostModel of(CostModelSpec spec) {
        if (spec.userTable() != null || spec.override() != null) {
            return build(spec);                   // a user's file may change between calls: read it each time
        }
        CostModel m = BUILT.get(spec);
        if (m == null) {
            m = build(spec);                      // outside computeIfAbsent: building may throw, which must not be cached
            BUILT.putIfAbsent(spec, m);
        }
        return m;
    }

    private static CostModel build(CostModelSpec spec) {
        if (spec.userTable() != null) {
            return new TableCostModel(spec.toString(), ComponentTable.file(spec.userTable()), 45, false);
        }
        CostTable t = TABLES.find(spec.table()).orElseThrow(() -> new IllegalArgumentException("unknown cost model '" + spec + "'"
                + io.quantarch.config.Names.didYouMean(TABLES.names(), spec.table()) + "; valid: " + String.join(", ", NAMES)));
        double node = spec.node().orElse(t.nativeNode());
        TableCostModel base = new TableCostModel(spec.toString(), t.load(), node, node != t.nativeNode());
        return spec.override() == null ? base : base.overriddenBy(spec.toString(), ComponentTable.file(spec.override()));
    }

    /** The model named by the text form (relative paths against the working directory). */
    public static CostModel byName(String text) {
        return of(CostModelSpec.parse(text, null));
    }
}
