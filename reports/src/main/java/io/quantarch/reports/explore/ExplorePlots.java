package io.quantarch.reports.explore;

import io.quantarch.search.run.FrontPoint;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.Objective;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's figures (XChart PNGs in {@code DIR/plots/}): the front in every 2-D projection of its objectives,
 * and hypervolume against evaluations from generations.csv. Written under temporary names and renamed.
 */
public final class ExplorePlots {

    private ExplorePlots() {
    }

    public static List<Path> write(DesignSpace space, Path dir, List<FrontPoint> front) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path plots = dir.resolve("plots");
        Files.createDirectories(plots);
        List<Path> out = new ArrayList<>();
        List<Objective> obj = space.objectives();
        for (int a = 0; a < obj.size(); a++) {
            for (int b = a + 1; b < obj.size(); b++) {
                Objective x = obj.get(a);
                Objective y = obj.get(b);
                double[] xs = front.stream().mapToDouble(p -> p.metrics().get(x.metric())).toArray();
                double[] ys = front.stream().mapToDouble(p -> p.metrics().get(y.metric())).toArray();
                XYChart c = new XYChartBuilder().width(720).height(520).title(space.name() + ": Pareto front")
                        .xAxisTitle(Columns.of(x.metric())).yAxisTitle(Columns.of(y.metric())).build();
                c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                c.getStyler().setLegendVisible(false);
                if (xs.length > 0) {
                    c.addSeries("front", xs, ys);
                }
                out.add(save(c, plots.resolve("front_" + x.metric().column() + "_vs_" + y.metric().column() + ".png")));
            }
        }
        Path gens = dir.resolve("generations.csv");
        if (Files.exists(gens)) {
            io.quantarch.reports.Table t = io.quantarch.reports.Table.read(gens);
            double[] ev = t.numbers("evaluations");
            double[] hv = t.numbers("hypervolume");
            XYChart c = new XYChartBuilder().width(720).height(520).title(space.name() + ": " + space.search().algorithm().name()
                    + " convergence").xAxisTitle("evaluations").yAxisTitle("normalised hypervolume").build();
            c.getStyler().setLegendVisible(false);
            if (ev.length > 0) {
                c.addSeries(space.search().algorithm().name(), ev, hv);
            }
            out.add(save(c, plots.resolve("hypervolume.png")));
        }
        return out;
    }

    private static Path save(XYChart c, Path target) throws IOException {
        Path tmp = io.quantarch.config.io.AtomicOutput.temporarySibling(target);
        BitmapEncoder.saveBitmap(c, tmp.toString(), BitmapEncoder.BitmapFormat.PNG);
        io.quantarch.config.io.AtomicOutput.commit(tmp, target);
        return target;
    }
}
