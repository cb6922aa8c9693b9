package io.quantarch.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The report's energy breakdown of one front design: per component, dynamic and leakage energy, their share, and where
 * the price comes from ({@code front_components.csv}).
 */
final class ComponentEnergyTable {

    private ComponentEnergyTable() {
    }

    /** The HTML table for design {@code chosen}, or nothing when the run has no component breakdown for it. */
    static String html(Path dir, long chosen) throws IOException {
        Table t = Table.readIfPresent(dir.resolve("front_components.csv"));
        if (t == null) {
            return "";
        }
        List<List<String>> rows = t.rows().stream().filter(r -> Long.parseLong(r.get(0)) == chosen).toList();
        double total = 0;
        for (List<String> r : rows) {
            total += Table.parse(r.get(t.column("energy_dynamic_pj"))) + Table.parse(r.get(t.column("energy_leakage_pj")));
        }
        if (rows.isEmpty() || !(total > 0)) {
            return "";
        }
        StringBuilder h = new StringBuilder("<h2>Energy of design ").append(chosen).append(" by component</h2>\n<table id=\"components\"><thead><tr>")
                .append("<th>component</th><th>dynamic (uJ)</th><th>leakage (uJ)</th><th>share</th><th>priced by</th></tr></thead><tbody>\n");
        for (List<String> r : rows) {
            double dyn = Table.parse(r.get(t.column("energy_dynamic_pj")));
            double leak = Table.parse(r.get(t.column("energy_leakage_pj")));
            h.append("<tr><td>").append(RunReport.esc(r.get(t.column("component")))).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.3f", dyn / 1e6)).append("</td><td>").append(String.format(Locale.ROOT, "%.3f", leak / 1e6))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.1f %%", 100 * (dyn + leak) / total)).append("</td><td style=\"text-align:left\">")
                    .append(RunReport.esc(r.get(t.column("price_source")))).append("</td></tr>\n");
        }
        return h.append("</tbody></table>\n").toString();
    }
}
