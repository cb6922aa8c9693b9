package io.quantarch.cli;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Perplexity against a traffic-reduction factor (log x axis), one line per series: the attention studies' figure. */
final class PerplexityPlot {

    private final Map<String, double[][]> series = new LinkedHashMap<>();
    private final double baseline;

    /** @param baseline the dense perplexity: the y axis spans 0.98x..1.35x of it, points above are left to the CSV */
    PerplexityPlot(double baseline) {
        this.baseline = baseline;
    }

    void add(String name, double reduction, double perplexity) {
        if (perplexity > baseline * 1.35) {
            return;
        }
        double[][] xy = series.getOrDefault(name, new double[2][0]);
        double[] x = Arrays.copyOf(xy[0], xy[0].length + 1);
        double[] y = Arrays.copyOf(xy[1], xy[1].length + 1);
        x[x.length - 1] = reduction;
        y[y.length - 1] = perplexity;
        series.put(name, new double[][] {x, y});
    }

    /** Writes {@code dir/name.png} (150 dpi) and {@code dir/name.svg}. */
    void save(Path dir, String name, String title, String xAxis) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        XYChart c = new XYChartBuilder().width(640).height(440).title(title).xAxisTitle(xAxis).yAxisTitle("perplexity").build();
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisMin(baseline * 0.98);
        c.getStyler().setYAxisMax(baseline * 1.35);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            XYSeries s = c.addSeries(e.getKey(), e.getValue()[0], e.getValue()[1]);
            if (e.getValue()[0].length < 2) {
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            }
        }
        BitmapEncoder.saveBitmapWithDPI(c, dir.resolve(name + ".png").toString(), BitmapEncoder.BitmapFormat.PNG, 150);
        VectorGraphicsEncoder.saveVectorGraphic(c, dir.resolve(name + ".svg").toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }
}
