package io.quantarch.cli;

import io.quantarch.pricing.fpga.FormatStudy;
import io.quantarch.pricing.fpga.PricedDataflow;
import io.quantarch.simulator.fpga.DataflowSimulator;
import io.quantarch.simulator.fpga.MnistOnDataflow;
import io.quantarch.workloads.policy.LayerQuant;
import io.quantarch.workloads.policy.Ptq;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.policy.TensorQuant;
import io.quantarch.workloads.zoo.Zoo;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FPGA study README's per-width table ("W = A bits", the whole 9,000-image evaluation split) states what the study
 * computes: each row's integer and minifloat accuracy and LUTs, recomputed here for those twelve points only (a
 * regression pin of our own figures, the full sweep being a ten-minute run).
 */
class FpgaReadmeTest {

    @Test
    void perWidthTableEqualsTheStudysPoints() throws Exception {
        String readme = Files.readString(Path.of("..", "examples", "fpga-minifloat", "README.md"));
        String t = readme.substring(readme.indexOf("| W = A bits |"));
        t = t.substring(0, t.indexOf("\n\n"));
        Map<String, FormatStudy.Element> elements = java.util.stream.Stream.concat(FormatStudy.integers().stream(), FormatStudy.minifloats().stream())
                .collect(Collectors.toMap(FormatStudy.Element::stem, Function.identity()));
        MnistOnDataflow model = MnistOnDataflow.bundled();
        List<String> rows = t.lines().skip(2).toList();
        assertEquals(6, rows.size());
        for (String row : rows) {
            String[] c = row.substring(1, row.length() - 1).split("\\|");
            for (int col = 1; col <= 2; col++) {
                // "INT4 98.36 %, 13,254" or "E2M1 98.61 %, 18,900"
                String[] parts = c[col].strip().split("[ ,%]+");
                String stem = parts[0].toLowerCase(java.util.Locale.ROOT) + (parts[0].startsWith("INT") ? "_sym" : "");
                FormatStudy.Element e = elements.get(stem);
                assertTrue(e != null, "no study element " + stem);
                double acc = model.quality(e.weights(), e.inputs(), 9000).accuracyPct();
                assertEquals(Double.parseDouble(parts[1]), acc, 0.005 + 1e-9, stem + " accuracy in the README");
                QuantPolicy p = QuantPolicy.uniform(stem, new LayerQuant(TensorQuant.of(e.weights()), TensorQuant.of(e.inputs()),
                        TensorQuant.FP32, TensorQuant.FP32, Ptq.RTN));
                long luts = PricedDataflow.of(DataflowSimulator.run(FpgaStudyCommand.DEFAULT, Zoo.byName("mnist_cnn"), p)).resources().luts();
                assertEquals(Long.parseLong(parts[2] + parts[3]), luts, stem + " LUTs in the README");
            }
        }
    }
}
