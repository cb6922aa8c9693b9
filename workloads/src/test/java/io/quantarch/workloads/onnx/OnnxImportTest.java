package io.quantarch.workloads.onnx;

import io.quantarch.config.ConfigException;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.layer.Workload;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ONNX import against counts computed independently (onnx.shape_inference and the conventions in
 * src/test/resources/onnx/PROVENANCE.md): every Conv/ConvTranspose/Gemm/MatMul node's MACs equal, the total equal,
 * and the parameter count equal to the reference's weights-and-biases or BN-folded count.
 */
class OnnxImportTest {

    static final Path MODELS = Path.of("src", "test", "resources", "onnx", "models");

    static List<CSVRecord> csv(Path p) throws Exception {
        try (Reader r = Files.newBufferedReader(p)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"alexnet", "inception_v1", "mnist_cnn", "resnet50", "squeezenet", "tiny_decoder_a", "vgg19"})
    void macsAndParametersMatchTheIndependentCounts(String model) throws Exception {
        CSVRecord ref = csv(MODELS.resolve("models.csv")).stream().filter(r -> r.get("model").equals(model)).findFirst().orElseThrow();
        Workload w = OnnxWorkload.read(MODELS.resolve(model).resolve("model.onnx"), Map.of());
        Map<String, Layer> byName = new HashMap<>();
        for (Layer l : w.layers()) {
            byName.put(l.name(), l);
        }
        for (CSVRecord node : csv(MODELS.resolve(model).resolve("counts.csv"))) {
            if (node.get("op_type").equals("BatchNormalization")) {
                continue;
            }
            Layer l = byName.get(node.get("node"));
            assertTrue(l != null, model + ": no layer named " + node.get("node") + " among " + byName.keySet());
            assertEquals(Long.parseLong(node.get("macs")), l.macs(), model + " " + node.get("node") + " MACs");
        }
        long macs = w.layers().stream().mapToLong(Layer::macs).sum();
        assertEquals(Long.parseLong(ref.get("total_macs_conv_gemm_matmul")), macs, model + " total MACs");
        long params = w.parameters();
        long wb = Long.parseLong(ref.get("params_weights_and_biases"));
        long folded = Long.parseLong(ref.get("params_bn_folded"));
        assertTrue(params == wb || params == folded,
                model + ": " + params + " parameters vs " + wb + " (weights and biases) or " + folded + " (BN folded)");
    }

    @Test
    void aFileThatIsNotOnnxIsBadInput(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("x.onnx");
        Files.writeString(f, "not a model\n");
        ConfigException e = assertThrows(ConfigException.class, () -> OnnxWorkload.read(f, Map.of()));
        assertTrue(e.getMessage().contains("x.onnx") && e.getMessage().contains("ONNX"), e.getMessage());
    }
}
