package io.quantarch.workloads.onnx;

import io.quantarch.workloads.onnx.proto.Onnx;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shape inference against the ONNX backend node tests (src/test/resources/onnx/node, from the onnx wheel's test
 * definitions, outputs confirmed by onnxruntime; output_shapes.csv holds the dims of each stored output tensor): for
 * every test of an operator whose output shape depends on attributes or constant inputs (Conv, ConvTranspose, pools,
 * Gemm, MatMul, Reshape, Transpose, Concat, Slice, Split, Squeeze, Unsqueeze, Gather, Pad, Flatten, Expand,
 * reductions), the inferred shape of every graph output equals the stored output's.
 */
class OnnxShapeTest {

    static final Path NODE = Path.of("src", "test", "resources", "onnx", "node");

    @Test
    void everyNodeTestsOutputShapeIsInferred() throws Exception {
        Map<String, List<CSVRecord>> expected = new HashMap<>();
        for (CSVRecord r : OnnxImportTest.csv(NODE.resolve("output_shapes.csv"))) {
            expected.computeIfAbsent(r.get("test"), k -> new ArrayList<>()).add(r);
        }
        List<String> failures = new ArrayList<>();
        for (var e : expected.entrySet()) {
            Path dir = NODE.resolve(e.getKey());
            try {
                Onnx.Model m = OnnxFile.read(dir.resolve("model.onnx"));
                ShapeInference s = ShapeInference.of(dir.resolve("model.onnx"), m, Map.of(), inputValues(dir, m));
                for (CSVRecord r : e.getValue()) {
                    String out = m.getGraph().getOutput(Integer.parseInt(r.get("output"))).getName();
                    String got = Arrays.stream(s.shapeOf(out)).mapToObj(Long::toString).reduce((a, b) -> a + "x" + b).orElse("scalar");
                    if (!got.equals(r.get("shape"))) {
                        failures.add(e.getKey() + " output " + r.get("output") + ": " + got + " vs " + r.get("shape"));
                    }
                }
            } catch (Exception ex) {
                failures.add(e.getKey() + ": " + ex.getMessage());
            }
        }
        assertTrue(expected.size() >= 100, "node tests: " + expected.size());
        assertTrue(failures.isEmpty(), failures.size() + " of " + expected.size() + " tests: " + String.join("\n", failures));
    }

    /** Integer inputs stored beside the model (input_N.pb: the N-th graph input without an initializer). */
    static Map<String, long[]> inputValues(Path dir, Onnx.Model m) throws Exception {
        Set<String> init = new HashSet<>();
        m.getGraph().getInitializerList().forEach(t -> init.add(t.getName()));
        List<String> inputs = m.getGraph().getInputList().stream().map(Onnx.ValueInfo::getName).filter(n -> !init.contains(n)).toList();
        Map<String, long[]> v = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            Path p = dir.resolve("input_" + i + ".pb");
            if (Files.exists(p)) {
                long[] ints = Tensors.ints(Onnx.Tensor.parseFrom(Files.readAllBytes(p)));
                if (ints != null) {
                    v.put(inputs.get(i), ints);
                }
            }
        }
        return v;
    }
}
