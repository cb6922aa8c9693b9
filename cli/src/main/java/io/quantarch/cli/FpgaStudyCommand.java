package io.quantarch.cli;

import io.quantarch.reports.csv.CsvTable;
import io.quantarch.cli.run.RunDirectory;
import io.quantarch.cost.actions.FpgaDevice;
import io.quantarch.cost.actions.MvauUnit;
import io.quantarch.pricing.fpga.FormatStudy;
import io.quantarch.simulator.fpga.FpgaDataflowSpec;
import io.quantarch.simulator.fpga.MnistOnDataflow;
import io.quantarch.simulator.io.FpgaDataflowYaml;
import io.quantarch.config.ConfigException;
import io.quantarch.workloads.model.MnistData;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code quantarch fpga-study}: minifloat vs integer on an FPGA dataflow, accuracy vs LUTs and its Pareto front. */
@Command(name = "fpga-study", sortOptions = false,
        description = {"Minifloat vs integer quantization of the real MNIST CNN on a FINN-style FPGA dataflow: every (weights, activations)",
                "pair of INT3..INT8 and of 3..8-bit minifloats, accuracy from the bit-exact datapaths, LUTs/BRAM/throughput from the",
                "folded units. Writes DIR/points.csv, DIR/pareto.csv (accuracy up, LUTs down), DIR/plots/accuracy_vs_luts.{png,svg}."})
final class FpgaStudyCommand implements Callable<Integer> {

    /** The study's default dataflow: ZCU104, 200 MHz, LUT multipliers, weights in BRAM, every unit within 4000 cycles per frame. */
    static final FpgaDataflowSpec DEFAULT = new FpgaDataflowSpec("zcu104-4k", FpgaDevice.byName("zcu104"), 200,
            MvauUnit.Multipliers.LUT, MvauUnit.WeightMemory.BRAM, Map.of(), 4000);

    @Option(names = "--arch", paramLabel = "ARCH.yaml", description = "An fpga-dataflow architecture (default: ZCU104, 200 MHz, target 4000 cycles/frame).")
    Path arch;

    @Option(names = {"--samples", "--images"}, defaultValue = "2000", paramLabel = "N", description = "Evaluation samples: test images scored per point, 1..9000.")
    int images;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Result directory (written atomically).")
    Path out;

    private final Main.Io io;

    FpgaStudyCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws ConfigException, IOException {
        if (images < 1 || images > MnistData.CALIBRATION_FIRST) {
            throw new ConfigException("--images", null, "1.." + MnistData.CALIBRATION_FIRST + " (the evaluation split)", String.valueOf(images));
        }
        FpgaDataflowSpec spec = DEFAULT;
        if (arch != null) {
            if (!FpgaDataflowYaml.isFpga(arch)) {
                throw new ConfigException(arch.toString(), "key 'type'", "type: fpga-dataflow", "another architecture type");
            }
            spec = FpgaDataflowYaml.read(arch);
        }
        int total = FormatStudy.integers().size() * FormatStudy.integers().size() + FormatStudy.minifloats().size() * FormatStudy.minifloats().size();
        long t0 = System.nanoTime();
        int[] done = {0};
        StatusLine status = new StatusLine(io);
        List<FormatStudy.Point> points = FormatStudy.run(spec, MnistOnDataflow.bundled(), images, p -> {
            done[0]++;
            status.show(done[0], total, String.format(Locale.ROOT, "[%3d/%d] %-10s x %-10s %6.2f%% %,9d LUTs", done[0], total, p.weights().stem(),
                    p.inputs().stem(), p.accuracyPct(), p.dataflow().resources().luts()));
        });
        status.done();
        List<FormatStudy.Point> front = FormatStudy.front(points);
        List<FormatStudy.Point> nsrFront = FormatStudy.frontByLogitNsr(points);
        try (RunDirectory dir = RunDirectory.at(out)) {
            write(dir.work().resolve("points.csv"), points, front, nsrFront);
            write(dir.work().resolve("pareto.csv"), front, front, nsrFront);
            write(dir.work().resolve("pareto_logit_nsr.csv"), nsrFront, front, nsrFront);
            plot(dir.work().resolve("plots"), points, front, spec, images);
            Path result = dir.commit();
            long intOnFront = front.stream().filter(p -> p.family().equals("integer")).count();
            io.out().printf(Locale.ROOT, "%d points in %.0f s on %d images; Pareto front (accuracy up, LUTs down): %d points, %d integer, %d minifloat%n",
                    points.size(), (System.nanoTime() - t0) / 1e9, images, front.size(), intOnFront, front.size() - intOnFront);
            for (FormatStudy.Point p : front) {
                io.out().printf(Locale.ROOT, "  %-10s x %-10s %6.2f%% %,9d LUTs%n", p.weights().stem(), p.inputs().stem(), p.accuracyPct(),
                        p.dataflow().resources().luts());
            }
            long intOnNsr = nsrFront.stream().filter(p -> p.family().equals("integer")).count();
            io.out().printf(Locale.ROOT, "Pareto front (logit NSR down, LUTs down): %d points, %d integer, %d minifloat%n", nsrFront.size(), intOnNsr,
                    nsrFront.size() - intOnNsr);
            for (FormatStudy.Point p : nsrFront) {
                io.out().printf(Locale.ROOT, "  %-10s x %-10s NSR %.2e (%5.1f dB) %,9d LUTs%n", p.weights().stem(), p.inputs().stem(), p.logitNsr(),
                        -10 * Math.log10(p.logitNsr()), p.dataflow().resources().luts());
            }
            io.out().println("Results: " + result);
        }
        return 0;
    }

    private static void write(Path file, List<FormatStudy.Point> points, List<FormatStudy.Point> front, List<FormatStudy.Point> nsrFront)
            throws IOException {
        try (CsvTable t = CsvTable.create(file, List.of("family", "weights", "activations", "weight_bits", "activation_bits", "accuracy_pct",
                "logit_nsr", "nll", "luts", "ffs", "dsps", "bram18", "frames_per_s", "latency_cycles", "fits", "pareto", "pareto_logit_nsr"))) {
            for (FormatStudy.Point p : points) {
                var r = p.dataflow();
                t.row(p.family(), p.weights().weights().name(), p.inputs().inputs().name(), p.weights().bits(), p.inputs().bits(),
                        p.accuracyPct(), p.logitNsr(), p.quality().nll(), r.resources().luts(), r.resources().flipFlops(), r.resources().dsps(),
                        r.resources().bram18(), r.framesPerSecond(), r.dataflow().latencyCycles(), r.fits(), front.contains(p), nsrFront.contains(p));
            }
        }
    }

    private static void plot(Path dir, List<FormatStudy.Point> points, List<FormatStudy.Point> front, FpgaDataflowSpec spec, int images)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        XYChart c = new XYChartBuilder().width(640).height(440)
                .title("MNIST CNN on " + spec.device().part() + ": accuracy vs LUTs (" + images + " test images)")
                .xAxisTitle("LUTs (FINN-style estimate, whole dataflow)").yAxisTitle("top-1 accuracy (%)").build();
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        for (String family : List.of("integer", "minifloat")) {
            List<FormatStudy.Point> f = points.stream().filter(p -> p.family().equals(family)).toList();
            c.addSeries(family, f.stream().mapToDouble(p -> p.dataflow().resources().luts()).toArray(),
                    f.stream().mapToDouble(FormatStudy.Point::accuracyPct).toArray());
        }
        XYSeries s = c.addSeries("Pareto front", front.stream().mapToDouble(p -> p.dataflow().resources().luts()).toArray(),
                front.stream().mapToDouble(FormatStudy.Point::accuracyPct).toArray());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        s.setMarker(SeriesMarkers.NONE);
        BitmapEncoder.saveBitmapWithDPI(c, dir.resolve("accuracy_vs_luts.png").toString(), BitmapEncoder.BitmapFormat.PNG, 150);
        VectorGraphicsEncoder.saveVectorGraphic(c, dir.resolve("accuracy_vs_luts.svg").toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }
}
