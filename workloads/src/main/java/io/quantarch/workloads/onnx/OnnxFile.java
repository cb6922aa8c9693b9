package io.quantarch.workloads.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.quantarch.config.ConfigException;
import io.quantarch.workloads.onnx.proto.Onnx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** An ONNX model file, parsed by protobuf-java with the schema protoc compiled at build time. */
public final class OnnxFile {

    /** protobuf's own limit for one message; larger models keep their weights in external data files. */
    static final long MAX_BYTES = Integer.MAX_VALUE;

    private OnnxFile() {
    }

    public static Onnx.Model read(Path file) throws ConfigException {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ConfigException(file, null, "an ONNX file under 2 GB (larger models keep weights in external data files, which "
                        + "quantarch does not read)", size + " bytes");
            }
            Onnx.Model m;
            try (InputStream in = Files.newInputStream(file)) {
                CodedInputStream c = CodedInputStream.newInstance(in);
                c.setSizeLimit(Integer.MAX_VALUE);
                c.setRecursionLimit(200);
                m = Onnx.Model.parseFrom(c);
            }
            if (!m.hasGraph() || m.getGraph().getNodeCount() == 0) {
                throw new ConfigException(file, null, "an ONNX model with a graph of nodes", "no graph");
            }
            for (Onnx.Tensor t : m.getGraph().getInitializerList()) {
                if (t.getDataLocation() == 1 || t.getExternalDataCount() > 0) {
                    throw new ConfigException(file, "initializer '" + t.getName() + "'", "weights stored in the .onnx file itself",
                            "external data (convert with onnx.save_model(..., save_as_external_data=False) if under 2 GB)");
                }
            }
            return m;
        } catch (NoSuchFileException e) {
            throw ConfigException.of(file.toString(), "file not found");
        } catch (InvalidProtocolBufferException e) {
            throw new ConfigException(file, null, "an ONNX model (a serialized onnx.ModelProto)", "bytes protobuf cannot parse as one");
        } catch (IOException e) {
            throw ConfigException.of(file.toString(), "cannot read: " + e.getClass().getSimpleName());
        }
    }

    /** The default-domain opset the model imports (1 when it names none). */
    public static long opset(Onnx.Model m) {
        for (Onnx.OperatorSet o : m.getOpsetImportList()) {
            if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
                return o.getVersion();
            }
        }
        return 1;
    }
}
