package io.quantarch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code simulate --workload model.onnx}: the imported graph runs on the array with the reference MAC count. */
class OnnxSimulateTest {

    static final Path MODELS = Path.of("..", "workloads", "src", "test", "resources", "onnx", "models");

    @Test
    void squeezenetFromOnnxSimulatesWithItsReferenceMacs(@TempDir Path tmp) throws Exception {
        CliRunner r = CliRunner.run("simulate", "--workload", MODELS.resolve("squeezenet").resolve("model.onnx").toString(),
                "--out", tmp.resolve("o").toString());
        assertEquals(0, r.exitCode(), r.err());
        Map<String, String> s = SimulateCommandTest.summary(tmp.resolve("o"));
        assertEquals("squeezenet", s.get("workload"));
        assertEquals(349_151_936L, Long.parseLong(s.get("macs")), "models.csv total_macs_conv_gemm_matmul");
        assertEquals(1_235_496L, Long.parseLong(s.get("weights")), "models.csv params_weights_and_biases");
    }
}
