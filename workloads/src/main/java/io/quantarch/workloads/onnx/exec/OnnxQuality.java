package io.quantarch.workloads.onnx.exec;

import io.quantarch.config.ConfigException;
import io.quantarch.workloads.onnx.OnnxFile;
import io.quantarch.workloads.onnx.proto.Onnx;
import io.quantarch.workloads.policy.QuantPolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's ONNX model under a quantization policy, on the user's inputs: the first graph output of the quantized run
 * against the FP32 run: top-1 agreement (argmax over the last dimension, row by row), output SQNR, and accuracy when
 * labels (one class per sample) are given.
 */
public final class OnnxQuality {

    /** {@code accuracy} and {@code fp32Accuracy} are NaN without labels. */
    public record Result(int samples, long rows, double top1Agreement, double outputSqnrDb, double accuracy, double fp32Accuracy) { }

    private OnnxQuality() {
    }

    /** The samples of {@code dir}: its test_data_set_* subdirectories in order, or the directory itself. */
    public static List<Path> samples(Path dir) throws ConfigException {
        if (!Files.isDirectory(dir)) {
            throw ConfigException.of(dir.toString(), "not a directory (--inputs: input_N.pb files, or test_data_set_K folders of them)");
        }
        try (var s = Files.list(dir)) {
            List<Path> sets = s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("test_data_set")).sorted().toList();
            return sets.isEmpty() ? List.of(dir) : sets;
        } catch (IOException e) {
            throw ConfigException.of(dir.toString(), "cannot list: " + e.getClass().getSimpleName());
        }
    }

    public static Result evaluate(Path model, QuantPolicy policy, List<Path> samples, int[] labels) throws ConfigException {
        Onnx.Model m = OnnxFile.read(model);
        Executor fp32 = new Executor(model, m);
        Executor quant = new Executor(model, m, new QuantizedExecution(policy));
        long rows = 0;
        long agree = 0;
        long correct = 0;
        long correctFp32 = 0;
        double signal = 0;
        double noise = 0;
        for (int k = 0; k < samples.size(); k++) {
            List<Value> in = inputs(samples.get(k), fp32.inputNames().size());
            Value ref = fp32.run(in).get(0);
            Value q = quant.run(in).get(0);
            int width = (int) ref.shape()[ref.rank() - 1];
            for (int r = 0; r < ref.size() / width; r++) {
                int a = argmax(ref, r * width, width);
                int b = argmax(q, r * width, width);
                agree += a == b ? 1 : 0;
                if (labels != null && r == 0) {
                    correct += b == labels[k] ? 1 : 0;
                    correctFp32 += a == labels[k] ? 1 : 0;
                }
                rows++;
            }
            for (int e = 0; e < ref.size(); e++) {
                double d = ref.get(e) - q.get(e);
                signal += ref.get(e) * ref.get(e);
                noise += d * d;
            }
        }
        double sqnr = noise == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(signal / noise);
        return new Result(samples.size(), rows, (double) agree / rows, sqnr,
                labels == null ? Double.NaN : (double) correct / samples.size(), labels == null ? Double.NaN : (double) correctFp32 / samples.size());
    }

    private static List<Value> inputs(Path dir, int count) throws ConfigException {
        List<Value> in = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Path p = dir.resolve("input_" + k + ".pb");
            try {
                Value v = Value.of(Onnx.Tensor.parseFrom(Files.readAllBytes(p)));
                if (v == null) {
                    throw new ConfigException(p, null, "a float, int or bool tensor", "another element type");
                }
                in.add(v);
            } catch (java.nio.file.NoSuchFileException e) {
                throw ConfigException.of(p.toString(), "file not found (graph input " + k + ")");
            } catch (IOException e) {
                throw new ConfigException(p, null, "a serialized onnx.TensorProto", "bytes protobuf cannot parse as one");
            }
        }
        return in;
    }

    private static int argmax(Value v, int from, int n) {
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (v.get(from + k) > v.get(from + best)) {
                best = k;
            }
        }
        return best;
    }
}
