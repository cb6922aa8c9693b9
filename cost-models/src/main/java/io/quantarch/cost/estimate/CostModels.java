package io.quantarch.cost.estimate;

import io.quantarch.cost.table.ComponentTable;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Cost models by name: {@code horowitz45} (45 nm, Horowitz ISSCC 2014 and cited additions), the same scaled to
 * another node with Stillmaker & Baas 2017 ({@code horowitz45@28}, {@code @16}, {@code @7}, any node 7..130 nm),
 * a user table {@code table:PATH.csv} in the same CSV format, used as is, or {@code horowitz45[@NODE]+table:PATH.csv}: the
 * built-in table with the user's units replacing its own (e.g. SRAM energies from CACTI), scaled as a whole.
 */
public final class CostModels {

    public static final List<String> NAMES = List.of("horowitz45", "horowitz45@28", "horowitz45@16", "horowitz45@7", "table:PATH.csv",
            "horowitz45+table:PATH.csv");

    private CostModels() {
    }

    public static CostModel byName(String spec) {
        String s = spec.trim();
        if (s.startsWith("table:")) {
            Path p = Path.of(s.substring(6));
            return new TableCostModel(s, ComponentTable.file(p), 45, false);
        }
        int plus = s.indexOf("+table:");
        if (plus > 0) {
            CostModel base = byName(s.substring(0, plus));
            if (!(base instanceof TableCostModel t)) {
                throw new IllegalArgumentException("cost model '" + spec + "': only a table model can be overridden");
            }
            return t.overriddenBy(s, ComponentTable.file(Path.of(s.substring(plus + 7))));
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("horowitz45")) {
            return new TableCostModel("horowitz45", ComponentTable.resource("horowitz45"), 45, false);
        }
        if (lower.startsWith("horowitz45@")) {
            double node;
            try {
                node = Double.parseDouble(lower.substring(11).replace("nm", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("cost model '" + spec + "': expected horowitz45@NODE with NODE in nm, e.g. horowitz45@16");
            }
            return new TableCostModel(lower, ComponentTable.resource("horowitz45"), node, true);
        }
        throw new IllegalArgumentException("unknown cost model '" + spec + "'; valid: " + String.join(", ", NAMES));
    }
}
