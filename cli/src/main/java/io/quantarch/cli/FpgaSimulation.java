package io.quantarch.cli;

import io.quantarch.reports.csv.CsvTable;
import io.quantarch.cli.run.RunDirectory;
import io.quantarch.cost.actions.FpgaDevice;
import io.quantarch.cost.fpga.FpgaResources;
import io.quantarch.cost.fpga.MvauEstimate;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.pricing.Pricing;
import io.quantarch.pricing.fpga.PricedDataflow;
import io.quantarch.simulator.fpga.DataflowSimulator;
import io.quantarch.simulator.fpga.FpgaDataflowSpec;
import io.quantarch.simulator.fpga.MnistOnDataflow;
import io.quantarch.simulator.fpga.MvauLayerResult;
import io.quantarch.config.ConfigException;
import io.quantarch.workloads.layer.Workload;
import io.quantarch.workloads.model.MnistCnnModel;
import io.quantarch.workloads.quality.MnistClassifier;
import io.quantarch.workloads.model.MnistData;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.policy.TensorQuant;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code quantarch simulate} on an {@code fpga-dataflow} architecture: per-layer folding, cycles and resources, fit, accuracy. */
final class FpgaSimulation {

    static final List<String> LAYER_COLUMNS = List.of("layer", "mw", "mh", "input_vectors", "pe", "simd", "weight_format", "input_format",
            "output_format", "macs", "cycles_per_frame", "accumulator_bits", "luts", "ffs", "dsps", "bram18", "luts_multipliers",
            "luts_alignment", "luts_adder_tree", "luts_thresholds", "luts_distributed_weights", "weight_bits");

    private FpgaSimulation() {
    }

    static int run(Main.Io io, Path archFile, FpgaDataflowSpec spec, Workload w, QuantPolicy p, Path out) throws ConfigException, IOException {
        PricedDataflow r;
        try {
            r = Pricing.price(DataflowSimulator.run(spec, w, p));
        } catch (IllegalArgumentException e) {
            throw ConfigException.of(archFile + " with workload " + w.name() + " and policy " + p.name(), e.getMessage());
        }
        Double accuracy = null;
        if (w.name().equals(MnistClassifier.NAME) && w.layerNames().containsAll(MnistCnnModel.LAYERS)) {
            accuracy = mnistAccuracy(p);
        }
        FpgaDevice d = spec.device();
        FpgaResources t = r.resources();
        try (RunDirectory dir = RunDirectory.at(out)) {
            try (CsvTable csv = CsvTable.create(dir.work().resolve("layers.csv"), LAYER_COLUMNS)) {
                for (int i = 0; i < r.dataflow().layers().size(); i++) {
                    MvauLayerResult l = r.dataflow().layers().get(i);
                    MvauEstimate e = r.estimates().get(i);
                    var q = p.forLayer(l.layer().name());
                    csv.row(l.layer().name(), l.layer().mw(), l.layer().mh(), l.layer().vectors(), l.folding().pe(), l.folding().simd(),
                            q.weights().label(), q.inputs().label(), e.unit().output() == null ? "none" : e.unit().output().label(),
                            l.layer().macs(), l.cyclesPerFrame(), e.accumulatorBits(), e.resources().luts(), e.resources().flipFlops(),
                            e.resources().dsps(), e.resources().bram18(), e.multiplierLuts(), e.alignmentLuts(), e.adderTreeLuts(),
                            e.thresholdLuts(), e.distributedWeightLuts(), e.unit().weightBits());
                }
            }
            try (CsvTable csv = CsvTable.create(dir.work().resolve("summary.csv"), List.of("workload", "architecture", "device", "part",
                    "clock_mhz", "multipliers", "weight_memory", "policy", "units", "macs", "luts", "ffs", "dsps", "bram18", "device_luts",
                    "device_ffs", "device_dsps", "device_bram18", "utilization", "fits", "over_budget", "initiation_interval_cycles",
                    "bottleneck", "frames_per_s", "latency_cycles", "latency_s", "accuracy_pct", "eval_images", "skipped_layers"))) {
                csv.row(w.name(), spec.name(), d.name(), d.part(), spec.clockMhz(), spec.multipliers().name().toLowerCase(Locale.ROOT),
                        spec.weightMemory().name().toLowerCase(Locale.ROOT), p.name(), r.dataflow().layers().size(), r.dataflow().macsPerFrame(), t.luts(),
                        t.flipFlops(), t.dsps(), t.bram18(), d.luts(), d.flipFlops(), d.dsps(), d.bram18(), t.utilization(d), r.fits(),
                        String.join("; ", r.overBudget()), r.dataflow().initiationInterval(), r.dataflow().bottleneck(), r.framesPerSecond(),
                        r.dataflow().latencyCycles(),
                        r.latencySeconds(), accuracy, accuracy == null ? null : MnistData.CALIBRATION_FIRST, String.join(" ", r.dataflow().skippedLayers()));
            }
            Path done = dir.commit();
            io.out().println(String.format(Locale.ROOT, "%s on %s (%s %s, %.0f MHz): %d units, %,d LUTs, %,d FFs, %d DSPs, %d BRAM18; "
                            + "%.4g frames/s (bottleneck %s, %,d cycles/frame), latency %,d cycles%s",
                    w.name(), spec.name(), d.name(), d.part(), spec.clockMhz(), r.dataflow().layers().size(), t.luts(), t.flipFlops(), t.dsps(),
                    t.bram18(), r.framesPerSecond(), r.dataflow().bottleneck(), r.dataflow().initiationInterval(), r.dataflow().latencyCycles(),
                    accuracy == null ? "" : String.format(Locale.ROOT, ", accuracy %.2f%% on %d test images", accuracy, MnistData.CALIBRATION_FIRST)));
            if (!r.fits()) {
                io.out().println("DOES NOT FIT " + d.name() + " (" + d.part() + "): " + String.join(", ", r.overBudget()));
            } else {
                io.out().println(String.format(Locale.ROOT, "Fits %s: %.1f%% of its tightest resource", d.name(), 100 * t.utilization(d)));
            }
            io.out().println("Results: " + done);
        }
        return 0;
    }

    /** The bit-exact datapaths on the MNIST test split, with the policy's formats per layer. */
    static double mnistAccuracy(QuantPolicy p) {
        Map<String, NumberFormat> wf = new HashMap<>();
        Map<String, NumberFormat> af = new HashMap<>();
        for (String l : MnistCnnModel.LAYERS) {
            var q = p.forLayer(l);
            wf.put(l, ((TensorQuant.Quantized) q.weights()).format());
            af.put(l, ((TensorQuant.Quantized) q.inputs()).format());
        }
        MnistOnDataflow m = MnistOnDataflow.bundled();
        return m.accuracyPct(m.kernels(wf, af), MnistData.CALIBRATION_FIRST);
    }
}
