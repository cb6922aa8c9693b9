package io.quantarch.cli;

import io.quantarch.cli.run.RunDirectory;
import io.quantarch.config.ConfigException;
import io.quantarch.workloads.onnx.OnnxFile;
import io.quantarch.workloads.onnx.exec.Executor;
import io.quantarch.workloads.onnx.exec.Value;
import io.quantarch.workloads.onnx.proto.Onnx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code quantarch onnx run}: an ONNX graph executed in float32, inputs and outputs as TensorProto files. */
@Command(name = "onnx", description = "ONNX models: functional execution (onnx run).", subcommands = OnnxCommand.Run.class)
final class OnnxCommand implements Callable<Integer> {

    private final Main.Io io;

    OnnxCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        io.err().println("quantarch onnx: give a sub-command: run (see 'quantarch onnx --help')");
        return 2;
    }

    @Command(name = "run", description = {"Execute an ONNX graph in float32: DIR/input_N.pb (serialized TensorProto, the N-th graph",
            "input without an initializer) -> OUT/output_N.pb (graph outputs in order)."})
    static final class Run implements Callable<Integer> {

        @Option(names = "--model", required = true, paramLabel = "M.onnx", description = "The ONNX model.")
        Path model;

        @Option(names = "--inputs", required = true, paramLabel = "DIR", description = "Directory holding input_0.pb, input_1.pb, ...")
        Path inputs;

        @Option(names = "--out", required = true, paramLabel = "OUT", description = "Result directory (written atomically).")
        Path out;

        private final Main.Io io;

        Run(Main.Io io) {
            this.io = io;
        }

        @Override
        public Integer call() throws Exception {
            Onnx.Model m = OnnxFile.read(model);
            Executor ex = new Executor(model, m);
            List<Value> in = new ArrayList<>();
            for (int k = 0; k < ex.inputNames().size(); k++) {
                Path p = inputs.resolve("input_" + k + ".pb");
                if (!Files.isRegularFile(p)) {
                    throw ConfigException.of(p.toString(), "file not found (graph input " + k + ", '" + ex.inputNames().get(k) + "')");
                }
                Value v;
                try {
                    v = Value.of(Onnx.Tensor.parseFrom(Files.readAllBytes(p)));
                } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                    throw new ConfigException(p, null, "a serialized onnx.TensorProto", "bytes protobuf cannot parse as one");
                }
                if (v == null) {
                    throw new ConfigException(p, null, "a float, double, int32, int64 or bool tensor", "another element type");
                }
                in.add(v);
            }
            long t0 = System.nanoTime();
            List<Value> outputs = ex.run(in);
            double s = (System.nanoTime() - t0) / 1e9;
            try (RunDirectory dir = RunDirectory.at(out)) {
                for (int k = 0; k < outputs.size(); k++) {
                    Files.write(dir.work().resolve("output_" + k + ".pb"), outputs.get(k).toProto(ex.outputNames().get(k)).toByteArray());
                }
                Path done = dir.commit();
                io.out().println(String.format(Locale.ROOT, "%s: %d node(s) executed in %.2f s; %d output(s) in %s", model.getFileName(),
                        m.getGraph().getNodeCount(), s, outputs.size(), done));
            }
            return 0;
        }
    }
}
