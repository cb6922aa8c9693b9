package io.quantarch.cli;

import io.quantarch.config.Text;
import io.quantarch.workloads.io.CsvStream;

import io.quantarch.config.ConfigException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code quantarch plot CSV --x COL --y COL}: a scatter of two columns of any result CSV, grouped by a third, as PNG and SVG. */
@Command(name = "plot", sortOptions = false,
        description = {"Scatter two numeric columns of a result CSV (one series per value of --series), as OUT.png (150 dpi) and",
                "OUT.svg, sized for a paper column. Rows whose x or y is empty or not a number are left out and counted."})
final class PlotCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CSV", description = "A CSV file with a header row (any quantarch result).")
    Path csv;

    @Option(names = "--x", required = true, paramLabel = "COLUMN", description = "Column on the x axis.")
    String x;

    @Option(names = "--y", required = true, paramLabel = "COLUMN", description = "Column on the y axis.")
    String y;

    @Option(names = "--series", paramLabel = "COLUMN", description = "Column whose values name the series (default: one series).")
    String series;

    @Option(names = "--x-title", paramLabel = "TEXT", description = "x axis title with its unit (default: the column name).")
    String xTitle;

    @Option(names = "--y-title", paramLabel = "TEXT", description = "y axis title with its unit (default: the column name).")
    String yTitle;

    @Option(names = "--title", paramLabel = "TEXT", description = "Chart title.")
    String title = "";

    @Option(names = "--log-x", description = "Logarithmic x axis.")
    boolean logX;

    @Option(names = "--log-y", description = "Logarithmic y axis.")
    boolean logY;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output path without extension (.png and .svg are written).")
    Path out;

    private final Main.Io io;

    PlotCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws ConfigException, IOException {
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        List<String> header = CsvStream.header(csv);                  // strict: UTF-8, distinct names, every row complete
        for (String c : series == null ? List.of(x, y) : List.of(x, y, series)) {
            if (!header.contains(c)) {
                throw new ConfigException(csv.toString(), "header", "a column named '" + c + "'", header.stream().allMatch(Text::isPlausibleKey)
                        ? "columns " + String.join(", ", header) : header.size() + " columns without it");
            }
        }
        int[] skipped = {0};
        CsvStream.forEach(csv, (line, row) -> {
            Double vx = number(row.get(x));
            Double vy = number(row.get(y));
            if (vx == null || vy == null || (logX && vx <= 0) || (logY && vy <= 0)) {
                skipped[0]++;                                          // result CSVs leave cells empty where a value does not apply
                return;
            }
            points.computeIfAbsent(series == null ? y : row.get(series), k -> new ArrayList<>()).add(new double[] {vx, vy});
        });
        if (points.isEmpty()) {
            throw new ConfigException(csv.toString(), x + ", " + y, "at least one row with numbers in both columns", "none");
        }
        System.setProperty("java.awt.headless", "true");
        XYChart c = new XYChartBuilder().width(640).height(440).title(title)
                .xAxisTitle(xTitle == null ? x : xTitle).yAxisTitle(yTitle == null ? y : yTitle).build();
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.getStyler().setMarkerSize(9);
        c.getStyler().setXAxisLogarithmic(logX);
        c.getStyler().setYAxisLogarithmic(logY);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setLegendVisible(series != null);
        var markers = new org.knowm.xchart.style.markers.Marker[] {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE,
                SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS};
        int i = 0;
        for (Map.Entry<String, List<double[]>> e : points.entrySet()) {
            double[] xs = e.getValue().stream().mapToDouble(v -> v[0]).toArray();
            double[] ys = e.getValue().stream().mapToDouble(v -> v[1]).toArray();
            c.addSeries(e.getKey(), xs, ys).setMarker(markers[i++ % markers.length]);
        }
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String base = out.toAbsolutePath().toString();
        BitmapEncoder.saveBitmapWithDPI(c, base + ".png", BitmapEncoder.BitmapFormat.PNG, 150);
        VectorGraphicsEncoder.saveVectorGraphic(c, base + ".svg", VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        io.out().println("Plot: " + base + ".png and .svg (" + points.values().stream().mapToInt(List::size).sum() + " points"
                + (skipped[0] > 0 ? ", " + skipped[0] + " rows without numbers left out" : "") + ")");
        return 0;
    }

    private static Double number(String s) {
        try {
            double v = Double.parseDouble(s.trim());
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
