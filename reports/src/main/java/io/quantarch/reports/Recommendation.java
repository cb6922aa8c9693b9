package io.quantarch.reports;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's answer to "which design, and why": the recommended front design with its reason in one sentence, its
 * metrics against the run's baseline (run.json: the same hardware at the default or highest-precision formats), and
 * what dominates its energy (front_components.csv) and its latency (front_layers.csv).
 */
final class Recommendation {

    private Recommendation() {
    }

    static String html(Path dir, JsonNode run, Table pareto, List<String> objectives, List<Boolean> maximise, long chosen, boolean byKnee)
            throws IOException {
        List<String> row = pareto.rows().stream().filter(r -> Long.parseLong(r.get(0)) == chosen).findFirst().orElse(null);
        if (row == null) {
            return "";
        }
        StringBuilder h = new StringBuilder("<section id=\"recommendation\"><h2>Recommendation</h2>\n<p class=\"reason\"><b>Design ")
                .append(chosen).append("</b> ");
        List<String> values = new ArrayList<>();
        for (String o : objectives) {
            values.add(Units.name(o) + " " + Units.format(o, row.get(pareto.column(o))));
        }
        if (byKnee) {
            h.append("is recommended because it is the knee of the front: with each objective scaled to its range over the ")
                    .append(pareto.rows().size()).append(" front designs, it is the one closest to the best of all of them at once (")
                    .append(RunReport.esc(String.join(", ", values))).append(").");
        } else {
            h.append("was chosen with --point (").append(RunReport.esc(String.join(", ", values))).append(").");
        }
        h.append("</p>\n");
        JsonNode base = run.path("baseline");
        if (base.has("knee") && base.get("knee").asLong() == chosen) {
            h.append(comparison(row, pareto, base));
        }
        h.append(ends(pareto, objectives, maximise, chosen));
        h.append(energyShares(dir, chosen)).append(latencyShares(dir, chosen)).append("</section>\n");
        return h.toString();
    }

    private static String comparison(List<String> row, Table pareto, JsonNode base) {
        if (same(row, pareto, base)) {
            return "<p>It already runs the baseline's formats (" + RunReport.esc(base.path("description").asText())
                    + "); the cheaper front designs below trade quality for cost.</p>\n";
        }
        StringBuilder h = new StringBuilder("<p>Against the baseline, ").append(RunReport.esc(base.path("description").asText())).append(":</p>\n");
        if (base.hasNonNull("infeasible")) {
            return h.append("<p>the baseline is infeasible: ").append(RunReport.esc(base.get("infeasible").asText())).append("</p>\n").toString();
        }
        h.append("<table id=\"baseline\"><thead><tr><th>metric</th><th>recommended</th><th>baseline</th><th>change</th></tr></thead><tbody>\n");
        base.path("metrics").fields().forEachRemaining(e -> {
            int col = pareto.column(e.getKey().equals("quality_loss") ? "quality_loss_tier1" : e.getKey());
            if (col < 0) {
                return;
            }
            String c = pareto.header().get(col);
            double ours = Table.parse(row.get(col));
            double theirs = e.getValue().asDouble();
            String change = theirs != 0 ? String.format(Locale.ROOT, "%+.1f %%", 100 * (ours / theirs - 1)) : "";
            h.append("<tr><td style=\"text-align:left\">").append(RunReport.esc(Units.name(c))).append("</td><td>")
                    .append(RunReport.esc(Units.format(c, row.get(col)))).append("</td><td>").append(RunReport.esc(Units.format(c, Double.toString(theirs))))
                    .append("</td><td>").append(change).append("</td></tr>\n");
        });
        return h.append("</tbody></table>\n").toString();
    }

    /** Whether the baseline's metrics are the recommended design's own (the knee already runs the baseline's formats). */
    private static boolean same(List<String> row, Table pareto, JsonNode base) {
        boolean[] same = {base.path("metrics").size() > 0};
        base.path("metrics").fields().forEachRemaining(e -> {
            int col = pareto.column(e.getKey().equals("quality_loss") ? "quality_loss_tier1" : e.getKey());
            same[0] &= col >= 0 && Table.parse(row.get(col)) == e.getValue().asDouble();
        });
        return same[0];
    }

    /** The front's ends: for each objective, the front design best on it, with all its objectives, beside the recommended one. */
    private static String ends(Table pareto, List<String> objectives, List<Boolean> maximise, long chosen) {
        StringBuilder h = new StringBuilder("<table id=\"front-ends\"><thead><tr><th>design</th>");
        objectives.forEach(o -> h.append("<th>").append(RunReport.esc(Units.name(o))).append("</th>"));
        h.append("</tr></thead><tbody>\n");
        List<Long> shown = new ArrayList<>();
        List<String> why = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r : pareto.rows()) {
            if (Long.parseLong(r.get(0)) == chosen) {
                rows.add(r);
                shown.add(chosen);
                why.add("recommended");
            }
        }
        for (int j = 0; j < objectives.size(); j++) {
            int col = pareto.column(objectives.get(j));
            boolean max = maximise.get(j);
            List<String> best = pareto.rows().stream().min(Comparator.comparingDouble(r -> (max ? -1 : 1) * Table.parse(r.get(col)))).orElseThrow();
            long id = Long.parseLong(best.get(0));
            if (!shown.contains(id)) {
                rows.add(best);
                shown.add(id);
                why.add((max ? "highest " : "lowest ") + Units.name(objectives.get(j)));
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            h.append("<tr><td style=\"text-align:left\">").append(shown.get(i)).append(" (").append(RunReport.esc(why.get(i))).append(")</td>");
            for (String o : objectives) {
                h.append("<td>").append(RunReport.esc(Units.format(o, rows.get(i).get(pareto.column(o))))).append("</td>");
            }
            h.append("</tr>\n");
        }
        return h.append("</tbody></table>\n").toString();
    }

    /** "Its energy goes to ..." from the design's components, the three largest with their shares. */
    private static String energyShares(Path dir, long chosen) throws IOException {
        Table t = Table.readIfPresent(dir.resolve("front_components.csv"));
        if (t == null) {
            return "";
        }
        Map<String, Double> by = new LinkedHashMap<>();
        for (List<String> r : t.rows()) {
            if (Long.parseLong(r.get(0)) == chosen) {
                by.merge(r.get(t.column("component")), Table.parse(r.get(t.column("energy_dynamic_pj")))
                        + Table.parse(r.get(t.column("energy_leakage_pj"))), Double::sum);
            }
        }
        return shares("Its energy goes to ", by, "energy");
    }

    /** "Its latency is spent in ..." from the design's layers, the three longest with their shares. */
    private static String latencyShares(Path dir, long chosen) throws IOException {
        Table t = Table.readIfPresent(dir.resolve("front_layers.csv"));
        if (t == null) {
            return "";
        }
        Map<String, Double> by = new LinkedHashMap<>();
        for (List<String> r : t.rows()) {
            if (Long.parseLong(r.get(0)) == chosen) {
                by.merge(r.get(t.column("layer")) + " (" + r.get(t.column("type")) + ")", Table.parse(r.get(t.column("latency_s"))), Double::sum);
            }
        }
        return shares("Its latency is spent in ", by, "latency");
    }

    private static String shares(String lead, Map<String, Double> by, String id) {
        double total = by.values().stream().mapToDouble(Double::doubleValue).filter(x -> !Double.isNaN(x)).sum();
        if (!(total > 0)) {
            return "";
        }
        List<Map.Entry<String, Double>> top = by.entrySet().stream().filter(e -> !Double.isNaN(e.getValue()))
                .sorted(Comparator.comparing((Map.Entry<String, Double> e) -> -e.getValue())).limit(3).toList();
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Double> e : top) {
            parts.add(String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), 100 * e.getValue() / total));
        }
        return "<p id=\"" + id + "-shares\">" + RunReport.esc(lead + String.join(", ", parts) + (by.size() > 3 ? " (of " + by.size() + ")" : "")
                + ".") + "</p>\n";
    }
}
