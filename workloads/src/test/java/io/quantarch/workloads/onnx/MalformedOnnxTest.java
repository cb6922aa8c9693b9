package io.quantarch.workloads.onnx;

import io.quantarch.config.ConfigException;
import io.quantarch.workloads.onnx.exec.Executor;
import io.quantarch.workloads.onnx.exec.Value;
import io.quantarch.workloads.onnx.proto.Onnx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed ONNX files are bad input (ConfigException: exit 2, one line naming the file and the node or tensor). */
class MalformedOnnxTest {

    static final Path SQUEEZENET = Path.of("src", "test", "resources", "onnx", "models", "squeezenet", "model.onnx");

    static Onnx.Model.Builder twoNodes(String firstInput) {
        Onnx.Type t = Onnx.Type.newBuilder().setTensorType(Onnx.Type.TensorType.newBuilder().setElemType(1)
                .setShape(Onnx.Shape.newBuilder().addDim(Onnx.Shape.Dimension.newBuilder().setDimValue(4)))).build();
        return Onnx.Model.newBuilder().setIrVersion(8).addOpsetImport(Onnx.OperatorSet.newBuilder().setVersion(17))
                .setGraph(Onnx.Graph.newBuilder().setName("g").addInput(Onnx.ValueInfo.newBuilder().setName("x").setType(t))
                        .addOutput(Onnx.ValueInfo.newBuilder().setName("z"))
                        .addNode(Onnx.Node.newBuilder().setName("first").setOpType("Relu").addInput(firstInput).addOutput("y"))
                        .addNode(Onnx.Node.newBuilder().setName("second").setOpType("Relu").addInput("y").addOutput("z")));
    }

    static ConfigException importFails(Path f) {
        return assertThrows(ConfigException.class, () -> OnnxWorkload.read(f, Map.of()));
    }

    static void oneLine(ConfigException e, String... says) {
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        for (String s : says) {
            assertTrue(e.getMessage().contains(s), "should name '" + s + "': " + e.getMessage());
        }
    }

    @Test
    void truncatedFile(@TempDir Path tmp) throws Exception {
        byte[] b = Files.readAllBytes(SQUEEZENET);
        Path f = tmp.resolve("cut.onnx");
        Files.write(f, Arrays.copyOf(b, b.length / 2));
        oneLine(importFails(f), "cut.onnx");
    }

    @Test
    void wrongMagicOrOtherBytes(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("png.onnx");
        Files.write(f, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        oneLine(importFails(f), "png.onnx", "ONNX");
    }

    @Test
    void missingInitializerAndCyclicGraphNameTheTensor(@TempDir Path tmp) throws Exception {
        Path missing = tmp.resolve("missing.onnx");
        Files.write(missing, twoNodes("w_not_there").build().toByteArray());
        oneLine(importFails(missing), "missing.onnx", "node 'first'", "w_not_there");
        Path cyclic = tmp.resolve("cyclic.onnx");
        Files.write(cyclic, twoNodes("z").build().toByteArray());            // first reads what second writes
        oneLine(importFails(cyclic), "cyclic.onnx", "node 'first'", "'z'");
        Onnx.Model m = twoNodes("w_not_there").build();
        ConfigException run = assertThrows(ConfigException.class, () -> new Executor(missing, m)
                .run(List.of(Value.floats(new long[] {4}, new float[4]))));
        oneLine(run, "missing.onnx", "node 'first'", "w_not_there");
    }

    @Test
    void shapeMismatchNamesTheNode(@TempDir Path tmp) throws Exception {
        Onnx.Model.Builder b = twoNodes("x");
        b.getGraphBuilder().addInitializer(Onnx.Tensor.newBuilder().setName("w").setDataType(1).addDims(3).addDims(5)
                .addAllFloatData(java.util.Collections.nCopies(15, 1f)));
        b.getGraphBuilder().setNode(1, Onnx.Node.newBuilder().setName("second").setOpType("MatMul").addInput("y").addInput("w").addOutput("z"));
        Path f = tmp.resolve("mismatch.onnx");
        Files.write(f, b.build().toByteArray());
        oneLine(importFails(f), "mismatch.onnx", "node 'second'", "MatMul");
    }
}
