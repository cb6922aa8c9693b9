package io.quantarch.cli;

import io.quantarch.workloads.onnx.exec.Value;
import io.quantarch.workloads.onnx.proto.Onnx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quantarch onnx run}: the MNIST CNN on a test image writes the reference logits (within the set's tolerance). */
class OnnxRunTest {

    static final Path MNIST = Path.of("..", "workloads", "src", "test", "resources", "onnx", "models", "mnist_cnn");

    @Test
    void mnistLogitsMatchTheReference(@TempDir Path tmp) throws Exception {
        Path set = MNIST.resolve("test_data_set_0");
        CliRunner r = CliRunner.run("onnx", "run", "--model", MNIST.resolve("model.onnx").toString(), "--inputs", set.toString(),
                "--out", tmp.resolve("o").toString());
        assertEquals(0, r.exitCode(), r.err());
        Value got = Value.of(Onnx.Tensor.parseFrom(Files.readAllBytes(tmp.resolve("o").resolve("output_0.pb"))));
        Value want = Value.of(Onnx.Tensor.parseFrom(Files.readAllBytes(set.resolve("output_0.pb"))));
        assertEquals(want.size(), got.size());
        double max = 0;
        for (int k = 0; k < want.size(); k++) {
            max = Math.max(max, Math.abs(want.get(k)));
        }
        for (int k = 0; k < want.size(); k++) {
            assertTrue(Math.abs(got.get(k) - want.get(k)) <= 1e-5 * max + 1e-3 * Math.abs(want.get(k)), k + ": " + got.get(k) + " vs " + want.get(k));
        }
    }

    @Test
    void aMissingInputNamesTheFile(@TempDir Path tmp) {
        CliRunner r = CliRunner.run("onnx", "run", "--model", MNIST.resolve("model.onnx").toString(), "--inputs", tmp.toString(),
                "--out", tmp.resolve("o").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("input_0.pb") && r.err().contains("not found"), r.err());
    }

    @Test
    void anOperatorItDoesNotExecuteIsOneLineNamingNodeAndOperator(@TempDir Path tmp) throws Exception {
        Onnx.Model m = Onnx.Model.newBuilder().setIrVersion(8).addOpsetImport(Onnx.OperatorSet.newBuilder().setVersion(17))
                .setGraph(Onnx.Graph.newBuilder().setName("g")
                        .addInput(Onnx.ValueInfo.newBuilder().setName("x").setType(Onnx.Type.newBuilder().setTensorType(
                                Onnx.Type.TensorType.newBuilder().setElemType(1).setShape(Onnx.Shape.newBuilder()
                                        .addDim(Onnx.Shape.Dimension.newBuilder().setDimValue(4))))))
                        .addOutput(Onnx.ValueInfo.newBuilder().setName("y"))
                        .addNode(Onnx.Node.newBuilder().setName("fancy").setOpType("Hardmax").addInput("x").addOutput("y"))).build();
        Path model = tmp.resolve("m.onnx");
        Files.write(model, m.toByteArray());
        Files.createDirectories(tmp.resolve("in"));
        Files.write(tmp.resolve("in").resolve("input_0.pb"), Value.floats(new long[] {4}, new float[] {1, 2, 3, 4}).toProto("x").toByteArray());
        CliRunner r = CliRunner.run("onnx", "run", "--model", model.toString(), "--inputs", tmp.resolve("in").toString(),
                "--out", tmp.resolve("o").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("node 'fancy'") && r.err().contains("'Hardmax'") && r.err().contains("Conv"), r.err());
        assertTrue(!Files.exists(tmp.resolve("o")), "no result directory");
    }
}
