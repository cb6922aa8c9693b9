package io.quantarch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code explore} on a user's ONNX model with {@code quality: {onnx: {inputs: DIR}}}: tier-1 quality is the model's
 * own output noise on the user's inputs, per gene option. On the MNIST CNN with a weight format per node, the
 * all-INT8 design has the lowest quality loss of the front and every INT2 choice costs more than its INT4 one.
 */
class ExploreOnnxQualityTest {

    @Test
    void aUsersModelAndDataDriveTier1Quality(@TempDir Path tmp) throws Exception {
        Path src = OnnxQualityTest.MNIST;
        Files.copy(src.resolve("model.onnx"), tmp.resolve("mnist.onnx"));
        Path data = Files.createDirectories(tmp.resolve("data"));
        try (var s = Files.list(src)) {
            for (Path set : s.filter(p -> p.getFileName().toString().startsWith("test_data_set")).toList()) {
                Path to = Files.createDirectories(data.resolve(set.getFileName().toString()));
                try (var f = Files.list(set)) {
                    for (Path p : f.toList()) {
                        Files.copy(p, to.resolve(p.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        Files.writeString(tmp.resolve("space.yaml"), """
                version: 1
                name: mnist-onnx
                workload: mnist.onnx
                quality: {onnx: {inputs: data}}
                architecture:
                  base: {version: 1, pe: {type: bit-fusion}}
                  genes: {array: [16x16, 32x32]}
                quantization:
                  default: {weights: int8_sym_channel, inputs: int8_sym_tensor}
                  genes:
                    - {layers: "*", per_layer: true, weights: [int8_sym_channel, int4_sym_channel, int2_sym_channel]}
                objectives: {quality_loss: min, energy_pj: min}
                search: {algorithm: exhaustive}
                """);
        List<String> rows = explore(tmp);
        List<String> header = List.of(rows.get(0).split(","));
        int q = header.indexOf("quality_loss_tier1");
        assertTrue(q > 0, rows.get(0));
        double best = Double.POSITIVE_INFINITY;
        String bestRow = "";
        for (String row : rows.subList(1, rows.size())) {
            double v = Double.parseDouble(row.split(",")[q]);
            if (v < best) {
                best = v;
                bestRow = row;
            }
        }
        assertTrue(!bestRow.contains("int4") && !bestRow.contains("int2"), "the least loss is all INT8: " + bestRow);
        assertTrue(best > 0 && best < 1e-3, "INT8 weights and activations leave a small output noise: " + best);
    }

    /**
     * With labels and calibration inputs: tier 1 uses static activation scales, tier 2 re-runs the front for accuracy, and
     * the all-INT8 front point's tier-2 accuracy equals the built-in mnist_cnn's under the same policy on the same images.
     */
    @Test
    void labelsAndCalibrationGiveTier2AccuracyEqualToTheBuiltInModel(@TempDir Path tmp) throws Exception {
        Files.copy(OnnxQualityTest.MNIST.resolve("model.onnx"), tmp.resolve("mnist.onnx"));
        OnnxQualityTest.images(tmp.resolve("eval"), 0, 200);
        OnnxQualityTest.images(tmp.resolve("calib"), 9000, 9032);
        OnnxQualityTest.labels(tmp.resolve("labels.txt"), 0, 200);
        Files.writeString(tmp.resolve("space.yaml"), """
                version: 1
                name: mnist-onnx-tier2
                workload: mnist.onnx
                quality: {onnx: {inputs: eval, labels: labels.txt, calibration_inputs: calib}}
                architecture:
                  base: {version: 1, pe: {type: bit-fusion}}
                  genes: {array: [16x16]}
                quantization:
                  default: {weights: int8_sym_channel, inputs: int8_sym_tensor}
                  genes:
                    - {layers: "*", weights: [int8_sym_channel, int2_sym_channel]}
                objectives: {quality_loss: min, energy_pj: min}
                search: {algorithm: exhaustive}
                """);
        List<String> rows = explore(tmp);
        List<String> header = List.of(rows.get(0).split(","));
        int acc = header.indexOf("accuracy_pct_tier2");
        assertTrue(acc > 0, rows.get(0));
        String int8 = rows.stream().filter(x -> x.contains("int8_sym_channel") && !x.contains("int2")).findFirst().orElseThrow(() -> new AssertionError(rows));
        Path policy = Files.writeString(tmp.resolve("int8.yaml"), "version: 1\nname: int8\ndefault: {weights: int8_sym_channel, inputs: int8_sym_tensor}\n");
        CliRunner builtIn = CliRunner.run("quality", "--model", "mnist_cnn", "--eval", "200", "--calibration", "32", "--policy", policy.toString(),
                "--out", tmp.resolve("b").toString());
        assertEquals(0, builtIn.exitCode(), builtIn.err());
        double expected = Double.parseDouble(Files.readAllLines(tmp.resolve("b").resolve("quality.csv")).get(1).split(",")[3]);
        assertEquals(expected, Double.parseDouble(int8.split(",")[acc]), 1e-9, int8);
    }

    @Test
    void onnxQualityNeedsAnOnnxWorkload(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("data"));
        Files.writeString(tmp.resolve("space.yaml"), """
                version: 1
                name: s
                workload: zoo:resnet18
                quality: {onnx: {inputs: data}}
                architecture: {base: {version: 1, pe: {type: bit-fusion}}, genes: {array: [16x16]}}
                objectives: {quality_loss: min, energy_pj: min}
                """);
        CliRunner r = CliRunner.run("explore", "--space", tmp.resolve("space.yaml").toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("space.yaml") && r.err().contains(".onnx workload"), r.err());
    }

    /** Runs {@code explore} on {@code tmp/space.yaml} and returns the lines of its pareto.csv. */
    static List<String> explore(Path tmp) throws Exception {
        CliRunner r = CliRunner.run("explore", "--space", tmp.resolve("space.yaml").toString(), "--out", tmp.resolve("out").toString());
        assertEquals(0, r.exitCode(), r.err());
        return Files.readAllLines(tmp.resolve("out").resolve("pareto.csv"));
    }
}
