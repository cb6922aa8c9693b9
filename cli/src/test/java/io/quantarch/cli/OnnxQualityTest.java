package io.quantarch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code quality --model M.onnx --inputs DIR --labels FILE}: a user's model under a policy against its own FP32 run.
 * The CNTK MNIST CNN on its five reference images (labels 7 2 1 0 4): FP32 agrees with itself exactly; W4 (per channel)
 * A8 (per tensor) keeps every prediction with an output SQNR above 15 dB; W2 A4 loses more signal than W4 A8.
 */
class OnnxQualityTest {

    static final Path MNIST = Path.of("..", "workloads", "src", "test", "resources", "onnx", "models", "mnist_cnn");

    static Map<String, Double> run(Path tmp, String name, String policyYaml) throws Exception {
        Path labels = tmp.resolve("labels.txt");
        Files.writeString(labels, "7\n2\n1\n0\n4\n");
        String[] base = {"quality", "--model", MNIST.resolve("model.onnx").toString(), "--inputs", MNIST.toString(), "--labels",
                labels.toString(), "--out", tmp.resolve(name).toString()};
        List<String> args = new java.util.ArrayList<>(List.of(base));
        if (policyYaml != null) {
            Path p = tmp.resolve(name + ".yaml");
            Files.writeString(p, policyYaml);
            args.addAll(List.of("--policy", p.toString()));
        }
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Double> m = new HashMap<>();
        for (String line : Files.readAllLines(tmp.resolve(name).resolve("quality.csv")).subList(1, 4)) {
            String[] c = line.split(",");
            m.put(c[2], c[3].equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(c[3]));
        }
        return m;
    }

    @Test
    void mnistUnderFp32W4A8AndW2A4(@TempDir Path tmp) throws Exception {
        Map<String, Double> fp32 = run(tmp, "fp32", null);
        assertEquals(1.0, fp32.get("top1_agreement"));
        assertEquals(100.0, fp32.get("accuracy_pct"), "labels 7 2 1 0 4 are all predicted (the reference set's statement)");
        Map<String, Double> w4 = run(tmp, "w4", "version: 1\nname: w4a8\ndefault: {weights: int4_sym_channel, inputs: int8_sym_tensor}\n");
        assertEquals(1.0, w4.get("top1_agreement"));
        assertTrue(w4.get("output_sqnr_db") > 15, "W4A8 output SQNR " + w4.get("output_sqnr_db"));
        Map<String, Double> w2 = run(tmp, "w2", "version: 1\nname: w2a4\ndefault: {weights: int2_sym_channel, inputs: int4_sym_tensor}\n");
        assertTrue(w2.get("output_sqnr_db") < w4.get("output_sqnr_db") - 10, "W2A4 " + w2.get("output_sqnr_db") + " dB vs W4A8 " + w4.get("output_sqnr_db"));
    }

    @Test
    void aPolicyNamingNoNodeIsBadInput(@TempDir Path tmp) throws Exception {
        Path p = tmp.resolve("p.yaml");
        Files.writeString(p, "version: 1\nname: p\ndefault: {weights: int8_sym_channel}\noverrides:\n  - {layers: \"nosuch*\", weights: int4_sym_channel}\n");
        CliRunner r = CliRunner.run("quality", "--model", MNIST.resolve("model.onnx").toString(), "--inputs", MNIST.toString(), "--policy",
                p.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("nosuch*"), r.err());
    }

    /** MNIST images {@code from..to-1} as test_data_set_K folders of input_0.pb, the way a user exports their data. */
    static Path images(Path dir, int from, int to) throws Exception {
        var d = io.quantarch.workloads.model.MnistData.testSet();
        int px = io.quantarch.workloads.model.MnistData.PIXELS;
        for (int i = from; i < to; i++) {
            Path s = Files.createDirectories(dir.resolve(String.format(java.util.Locale.ROOT, "test_data_set_%04d", i - from)));
            var v = io.quantarch.workloads.onnx.exec.Value.floats(new long[] {1, 1, 28, 28}, java.util.Arrays.copyOfRange(d.pixels(), i * px, (i + 1) * px));
            Files.write(s.resolve("input_0.pb"), v.toProto("Input3").toByteArray());
        }
        return dir;
    }

    /** The MNIST labels of images {@code from..to-1}, a line each, written to {@code file}. */
    static Path labels(Path file, int from, int to) throws Exception {
        var d = io.quantarch.workloads.model.MnistData.testSet();
        StringBuilder lab = new StringBuilder();
        for (int i = from; i < to; i++) {
            lab.append(d.labels()[i]).append('\n');
        }
        return Files.writeString(file, lab);
    }

    /** The same W4A8 policy, evaluation images 0..299 and calibration images 9000..9063 give the built-in model's accuracy. */
    @Test
    void staticW4A8EqualsTheBuiltInModelFromTheCommandLine(@TempDir Path tmp) throws Exception {
        Path eval = images(tmp.resolve("eval"), 0, 300);
        Path calib = images(tmp.resolve("calib"), 9000, 9064);
        Path labels = labels(tmp.resolve("labels.txt"), 0, 300);
        Path policy = Files.writeString(tmp.resolve("w4a8.yaml"), "version: 1\nname: w4a8\ndefault: {weights: int4_sym_g128, inputs: int8_sym_tensor}\n");
        CliRunner onnx = CliRunner.run("quality", "--model", MNIST.resolve("model.onnx").toString(), "--inputs", eval.toString(), "--labels",
                labels.toString(), "--calibration-inputs", calib.toString(), "--policy", policy.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(0, onnx.exitCode(), onnx.err());
        CliRunner builtIn = CliRunner.run("quality", "--model", "mnist_cnn", "--eval", "300", "--calibration", "64", "--policy", policy.toString(),
                "--out", tmp.resolve("b").toString());
        assertEquals(0, builtIn.exitCode(), builtIn.err());
        String a = Files.readAllLines(tmp.resolve("o").resolve("quality.csv")).get(1);
        String b = Files.readAllLines(tmp.resolve("b").resolve("quality.csv")).get(1);
        assertEquals(b.split(",")[3], a.split(",")[3], "accuracy %: " + a + " vs built-in " + b);
        assertTrue(a.startsWith("model.onnx,w4a8,accuracy_pct,"), a);
        Path gptq = Files.writeString(tmp.resolve("gptq.yaml"), "version: 1\nname: g\ndefault: {weights: int4_sym_g128, ptq: {method: gptq}}\n");
        CliRunner noCalib = CliRunner.run("quality", "--model", MNIST.resolve("model.onnx").toString(), "--inputs", eval.toString(),
                "--policy", gptq.toString(), "--out", tmp.resolve("g").toString());
        assertEquals(2, noCalib.exitCode(), noCalib.err());
        assertTrue(noCalib.err().contains("--calibration-inputs") && noCalib.err().contains("Convolution28"), noCalib.err());
        assertTrue(Files.notExists(tmp.resolve("g")));
    }
}
