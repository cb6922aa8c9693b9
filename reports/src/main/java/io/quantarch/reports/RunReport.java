package io.quantarch.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One self-contained {@code report.html} per exploration run, rebuilt from the run directory's files alone
 * ({@code run.json}, {@code pareto.csv}, {@code evaluations.csv}, {@code generations.csv}, {@code front_layers.csv},
 * {@code front_genes.csv}): the question, the Pareto front in every 2-D projection (a scatter matrix for three or more
 * objectives), hypervolume convergence of this run and of any compared runs under one normalisation, the front
 * table with every gene, and for one chosen design its per-layer latency and energy, its per-gene quality and a
 * roofline of its layers. Every figure is also written as PNG and SVG under {@code plots/report/}; the HTML embeds
 * the PNGs, so it needs no network and no other file.
 */
public final class RunReport {

    /** Paper-column figure size at 150 dpi. */
    private static final int W = 560;
    private static final int H = 400;

    private final Path dir;
    private final JsonNode run;
    private final Table pareto;
    private final List<String> objectives = new ArrayList<>();   // pareto.csv columns
    private final List<Boolean> maximise = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();

    private record Figure(String id, String caption, byte[] png) { }

    /** The page written and, per run compared, its final hypervolume; whether the runs had to be re-normalised together. */
    public record Result(Path html, List<String> hypervolumes, boolean renormalised) { }

    private final List<String> finalHypervolumes = new ArrayList<>();
    private boolean renormalised;

    private RunReport(Path dir) throws IOException {
        this.dir = dir;
        Path json = dir.resolve("run.json");
        if (!Files.exists(json) || !Files.exists(dir.resolve("pareto.csv"))) {
            throw new IllegalArgumentException(dir + " is not an exploration run directory (expected run.json and pareto.csv)");
        }
        this.run = new ObjectMapper().readTree(json.toFile());
        this.pareto = Table.read(dir.resolve("pareto.csv"));
        for (JsonNode o : run.get("objectives")) {
            String[] p = o.asText().split(" ", 2);
            objectives.add(Units.column(p[1]));
            maximise.add(p[0].equals("max"));
        }
    }

    /** Writes {@code DIR/report.html} (and its figures); {@code compare} are other runs of the same space; {@code point} an evaluation id or null for the knee. */
    public static Result write(Path dir, List<Path> compare, Long point) throws IOException {
        System.setProperty("java.awt.headless", "true");
        RunReport r = new RunReport(dir);
        Path html = r.render(compare, point);
        return new Result(html, List.copyOf(r.finalHypervolumes), r.renormalised);
    }

    private Path render(List<Path> compare, Long point) throws IOException {
        Path plots = dir.resolve("plots").resolve("report");
        Files.createDirectories(plots);
        frontFigures(plots);
        convergence(plots, compare);
        long chosen = point != null ? point : knee();
        boolean hasChosen = pareto.rows().stream().anyMatch(r -> Long.parseLong(r.get(0)) == chosen);
        if (point != null && !hasChosen) {
            throw new IllegalArgumentException("evaluation " + point + " is not on the front of " + dir + " (see pareto.csv)");
        }
        if (hasChosen) {
            breakdown(plots, chosen);
        }
        String recommendation = hasChosen ? Recommendation.html(dir, run, pareto, objectives, maximise, chosen, point == null) : "";
        String html = html(compare, hasChosen ? chosen : -1, recommendation + (hasChosen ? ComponentEnergyTable.html(dir, chosen) : ""));
        Path out = dir.resolve("report.html");
        io.quantarch.config.io.AtomicOutput.writeString(out, html);
        return out;
    }

    /** Front point closest to the ideal corner after scaling each objective to [0, 1] over the front. */
    long knee() {
        int n = pareto.rows().size();
        if (n == 0) {
            return -1;
        }
        double[] best = {Double.POSITIVE_INFINITY};
        long[] id = {-1};
        double[][] cols = new double[objectives.size()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = pareto.numbers(objectives.get(j));
        }
        for (int i = 0; i < n; i++) {
            double d = 0;
            for (int j = 0; j < cols.length; j++) {
                double lo = min(cols[j]);
                double hi = max(cols[j]);
                double v = hi > lo ? (cols[j][i] - lo) / (hi - lo) : 0;
                d += Math.pow(maximise.get(j) ? 1 - v : v, 2);
            }
            if (d < best[0]) {
                best[0] = d;
                id[0] = Long.parseLong(pareto.rows().get(i).get(0));
            }
        }
        return id[0];
    }

    private void frontFigures(Path plots) throws IOException {
        for (int a = 0; a < objectives.size(); a++) {
            for (int b = a + 1; b < objectives.size(); b++) {
                String x = objectives.get(a);
                String y = objectives.get(b);
                XYChart c = new XYChartBuilder().width(W).height(H).title("Pareto front").xAxisTitle(Units.label(x)).yAxisTitle(Units.label(y)).build();
                c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                c.getStyler().setLegendVisible(false);
                double[] xs = pareto.numbers(x);
                double[] ys = pareto.numbers(y);
                if (xs.length > 0) {
                    c.addSeries("front", xs, ys);
                }
                save(plots, "front_" + x + "_vs_" + y, Units.label(y) + " against " + Units.label(x) + " for the " + xs.length + " front designs", c);
            }
        }
    }

    /** Archive hypervolume after each generation, for this run and the compared ones, all normalised by the same ranges. */
    private void convergence(Path plots, List<Path> compare) throws IOException {
        List<Path> runs = new ArrayList<>();
        runs.add(dir);
        runs.addAll(compare);
        ConvergenceCurves.Result result = ConvergenceCurves.of(runs, objectives, maximise);
        List<ConvergenceCurves.Curve> curves = result.curves();
        renormalised = result.renormalised();
        XYChart c = new XYChartBuilder().width(W).height(H).title("Hypervolume convergence").xAxisTitle("evaluations")
                .yAxisTitle(renormalised ? "hypervolume (runs re-normalised together, ref 1.1)" : "hypervolume (the space's normalisation, ref 1.1)")
                .build();
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        for (int r = 0; r < curves.size(); r++) {
            ConvergenceCurves.Curve curve = curves.get(r);
            if (curve.evaluations().length == 0) {
                continue;
            }
            String name = label(runs.get(r));
            finalHypervolumes.add(String.format(Locale.ROOT, "%s: %.4f", name, curve.finalHypervolume()));
            XYSeries s = c.addSeries(name, curve.evaluations(), curve.hypervolumes());
            s.setMarker(SeriesMarkers.NONE);
        }
        if (!finalHypervolumes.isEmpty()) {
            save(plots, "hypervolume", "Hypervolume of the feasible archive after each generation"
                    + (compare.isEmpty() ? "" : ", against " + compare.size() + " compared run(s)") + "; x: evaluations (feasible ones counted)", c);
        }
    }

    private static String label(Path run) {
        try {
            JsonNode j = new ObjectMapper().readTree(run.resolve("run.json").toFile());
            return j.get("algorithm").asText() + " seed " + j.get("seed").asText() + " (" + run.getFileName() + ")";
        } catch (IOException | RuntimeException e) {
            return run.getFileName().toString();
        }
    }

    private void breakdown(Path plots, long chosen) throws IOException {
        Table layers = Table.readIfPresent(dir.resolve("front_layers.csv"));
        if (layers != null) {
            List<String> names = new ArrayList<>();
            List<Double> latency = new ArrayList<>();
            List<Double> energy = new ArrayList<>();
            List<Double> luts = new ArrayList<>();
            List<double[]> roof = new ArrayList<>();       // intensity, achieved, peak, bandwidth
            for (List<String> r : layers.rows()) {
                if (Long.parseLong(r.get(0)) != chosen || !(Table.parse(r.get(layers.column("macs"))) > 0)) {
                    continue;                                 // matrix layers only: elementwise ones would crowd the axis
                }
                names.add(r.get(layers.column("layer")));
                latency.add(Table.parse(r.get(layers.column("latency_s"))));
                energy.add(Table.parse(r.get(layers.column("energy_pj"))));
                luts.add(Table.parse(r.get(layers.column("luts"))));
                double macs = Table.parse(r.get(layers.column("macs")));
                double cycles = Table.parse(r.get(layers.column("cycles")));
                double bytes = Table.parse(r.get(layers.column("dram_bytes")));
                if (macs > 0 && bytes > 0 && cycles > 0) {
                    roof.add(new double[] {2 * macs / bytes, 2 * macs / cycles, Table.parse(r.get(layers.column("peak_ops_per_cycle"))),
                            Table.parse(r.get(layers.column("dram_bytes_per_cycle")))});
                }
            }
            if (!names.isEmpty()) {
                bars(plots, "layers_latency", "Latency per matrix layer of design " + chosen, "latency (s)", names, latency);
                if (energy.stream().anyMatch(v -> !v.isNaN())) {
                    bars(plots, "layers_energy", "Energy per matrix layer of design " + chosen, "energy (pJ)", names, energy);
                }
                if (luts.stream().anyMatch(v -> !v.isNaN())) {
                    bars(plots, "layers_luts", "LUTs per matrix-vector unit of design " + chosen, "LUTs", names, luts);
                }
            }
            if (!roof.isEmpty()) {
                roofline(plots, chosen, roof);
            }
        }
        Table genes = Table.readIfPresent(dir.resolve("front_genes.csv"));
        if (genes != null) {
            List<String> names = new ArrayList<>();
            List<Double> q = new ArrayList<>();
            for (List<String> r : genes.rows()) {
                if (Long.parseLong(r.get(0)) == chosen) {
                    names.add(r.get(1) + " = " + r.get(2));
                    q.add(Table.parse(r.get(3)));
                }
            }
            if (!names.isEmpty()) {
                bars(plots, "genes_quality", "Tier-1 quality contribution per quantization gene of design " + chosen, "quality loss contribution", names, q);
            }
        }
    }

    private void bars(Path plots, String id, String caption, String yTitle, List<String> names, List<Double> values) throws IOException {
        boolean rotated = names.size() > 6 || names.stream().mapToInt(String::length).sum() > 60;
        int longest = names.stream().mapToInt(String::length).max().orElse(0);
        // rotated labels get the height they need; small values get ticks in scientific notation
        CategoryChart c = new CategoryChartBuilder().width(W).height(rotated ? H + 6 * longest : H).title(caption).xAxisTitle("").yAxisTitle(yTitle)
                .build();
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisLabelRotation(rotated ? 90 : 0);
        c.getStyler().setChartTitleVisible(false);
        List<Double> v = values.stream().map(x -> x.isNaN() ? 0.0 : x).toList();
        double top = v.stream().mapToDouble(Math::abs).max().orElse(0);
        if (top > 0 && (top < 0.01 || top >= 1e5)) {
            c.getStyler().setYAxisDecimalPattern("0.0#E0");
        }
        c.addSeries(yTitle, names, v);
        save(plots, id, caption, c);
    }

    private void roofline(Path plots, long chosen, List<double[]> roof) throws IOException {
        double bw = roof.get(0)[3];
        double[] peaks = roof.stream().mapToDouble(r -> r[2]).filter(v -> v > 0).distinct().sorted().toArray();
        double[] xi = roof.stream().mapToDouble(r -> r[0]).toArray();
        double[] yi = roof.stream().mapToDouble(r -> r[1]).toArray();
        double xmin = Math.min(min(xi), peaks.length == 0 ? min(xi) : peaks[0] / bw) / 4;
        double xmax = Math.max(max(xi), peaks.length == 0 ? max(xi) : peaks[peaks.length - 1] / bw) * 4;
        XYChart c = new XYChartBuilder().width(W).height(H).title("Roofline").xAxisTitle("operational intensity (ops per DRAM byte)")
                .yAxisTitle("ops per cycle").build();
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        // one roof per distinct peak: a PE's MACs per cycle depend on the layer's formats (Bit Fusion fuses for narrow ones)
        for (double peak : peaks) {
            XYSeries r = c.addSeries(String.format(Locale.ROOT, "roof: %.0f ops/cycle, %.3g B/cycle", peak, bw),
                    new double[] {xmin, peak / bw, xmax}, new double[] {bw * xmin, peak, peak});
            r.setMarker(SeriesMarkers.NONE);
        }
        XYSeries l = c.addSeries("layers", xi, yi);
        l.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        save(plots, "roofline", "Roofline of design " + chosen + ": each layer's operations per DRAM byte against operations per cycle achieved", c);
    }

    private void save(Path plots, String id, String caption, Chart<?, ?> c) throws IOException {
        Path png = plots.resolve(id + ".png");
        BitmapEncoder.saveBitmapWithDPI(c, png.toString(), BitmapEncoder.BitmapFormat.PNG, 150);
        VectorGraphicsEncoder.saveVectorGraphic(c, plots.resolve(id + ".svg").toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        figures.add(new Figure(id, caption, Files.readAllBytes(png)));
    }

    private String html(List<Path> compare, long chosen, String components) {
        StringBuilder h = new StringBuilder();
        String name = run.path("space").asText("run");
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>quantarch: ").append(esc(name)).append("</title>\n<style>")
                .append("body{font-family:sans-serif;max-width:1200px;margin:2em auto;color:#222}h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em}")
                .append("table{border-collapse:collapse;font-size:.8em}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}")
                .append("th{background:#eee}tr.chosen{background:#ffe9a8}.grid{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0;width:")
                .append(W).append("px}figure img{width:100%}figcaption{font-size:.8em;color:#555}pre{background:#f6f6f6;padding:8px;font-size:.8em;overflow:auto}")
                .append("</style></head>\n<body>\n<h1>quantarch exploration: ").append(esc(name)).append("</h1>\n");
        question(h);
        h.append(components);
        h.append("<h2>Pareto front</h2>\n<div class=\"grid\">");
        figures.stream().filter(f -> f.id().startsWith("front_")).forEach(f -> figure(h, f));
        h.append("</div>\n<h2>Convergence</h2>\n<div class=\"grid\">");
        figures.stream().filter(f -> f.id().equals("hypervolume")).forEach(f -> figure(h, f));
        if (!finalHypervolumes.isEmpty()) {
            h.append("<ul id=\"final-hypervolume\">");
            finalHypervolumes.forEach(v -> h.append("<li>final hypervolume, ").append(esc(v)).append("</li>"));
            h.append("</ul>");
            h.append("<p class=\"note\">").append(renormalised
                    ? "The compared runs state different normalisations (different spaces), so all are re-normalised together here by the ranges "
                    + "of all their feasible evaluations; these values differ from each run's own."
                    : "Hypervolume under the space's normalisation (run.json: each objective scaled by the minimum and maximum over 32 reference "
                    + "designs drawn with a fixed seed, reference point 1.1): the value the command line, generations.csv and run.json print.")
                    .append("</p>");
        }
        if (chosen >= 0) {
            h.append("</div>\n<h2>Design ").append(chosen).append(" (highlighted; the knee of the front unless chosen with --point)</h2>\n<div class=\"grid\">");
            figures.stream().filter(f -> f.id().startsWith("layers_") || f.id().equals("genes_quality") || f.id().equals("roofline"))
                    .forEach(f -> figure(h, f));
        }
        h.append("</div>\n");
        h.append("<h2>Front designs</h2>\n<div style=\"max-height:520px;overflow:auto\"><table id=\"front\"><thead><tr>");
        for (String c : pareto.header()) {
            h.append("<th>").append(esc(Units.isMetric(c) ? Units.name(c) : c)).append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        for (List<String> r : pareto.rows()) {
            h.append("<tr class=\"front-row").append(Long.parseLong(r.get(0)) == chosen ? " chosen" : "").append("\">");
            for (int i = 0; i < r.size(); i++) {
                String c = pareto.header().get(i);
                h.append("<td>").append(esc(Units.isMetric(c) ? Units.format(c, r.get(i)) : r.get(i))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n");
        h.append("<p style=\"font-size:.8em;color:#777\">Rebuilt from the CSV files of ").append(esc(dir.getFileName().toString()))
                .append(" by <code>quantarch report</code>; figures also under plots/report/ as PNG and SVG.</p>\n");
        // lets a headless browser check that every embedded image decoded
        h.append("<script>window.addEventListener('load',function(){var im=document.images,ok=0;for(var i=0;i<im.length;i++){")
                .append("if(im[i].complete&&im[i].naturalWidth>0)ok++;}document.body.setAttribute('data-images-loaded',ok);")
                .append("document.body.setAttribute('data-images-total',im.length);});</script>\n</body></html>\n");
        return h.toString();
    }

    /** What was asked: workload, objectives, constraints, quality measurement, search and its figures of merit. */
    private void question(StringBuilder h) {
        h.append("<h2>The question</h2>\n<ul>")
                .append("<li>workload: ").append(esc(run.path("workload").asText())).append("</li>")
                .append("<li>objectives: ").append(esc(join(run.get("objectives")))).append("</li>")
                .append("<li>constraints: ").append(esc(run.has("constraints") && run.get("constraints").size() > 0 ? join(run.get("constraints")) : "none")).append("</li>")
                .append("<li>quality: ").append(esc(run.path("quality").asText())).append("</li>")
                .append("<li>search: ").append(esc(run.path("algorithm").asText())).append(", seed ").append(esc(run.path("seed").asText()))
                .append(", ").append(esc(run.path("evaluations").asText())).append(" evaluations of ").append(esc(run.path("designs_in_space").asText()))
                .append(" designs; front of ").append(pareto.rows().size()).append("; normalised hypervolume ")
                .append(String.format(Locale.ROOT, "%.4f", run.path("hypervolume_normalised").asDouble())).append("; Kendall tau tier 1 vs tier 2 ")
                .append(run.hasNonNull("kendall_tau_tier1_vs_tier2") ? String.format(Locale.ROOT, "%.3f", run.get("kendall_tau_tier1_vs_tier2").asDouble())
                        : "n/a").append("</li></ul>\n");
        if (run.has("space_file")) {
            h.append("<details><summary>space file</summary><pre>").append(esc(run.get("space_file").asText())).append("</pre></details>\n");
        }
    }

    private static void figure(StringBuilder h, Figure f) {
        h.append("<figure id=\"fig-").append(f.id()).append("\"><img alt=\"").append(esc(f.caption())).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(f.png())).append("\"><figcaption>").append(esc(f.caption())).append("</figcaption></figure>");
    }

    private static String join(JsonNode arr) {
        List<String> s = new ArrayList<>();
        arr.forEach(n -> s.add(n.asText()));
        return String.join(", ", s);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : a) {
            if (!Double.isNaN(v)) {
                m = Math.min(m, v);
            }
        }
        return m;
    }

    private static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            if (!Double.isNaN(v)) {
                m = Math.max(m, v);
            }
        }
        return m;
    }
}
