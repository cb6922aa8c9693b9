package io.quantarch.workloads.onnx.exec;

import io.quantarch.config.ConfigException;
import io.quantarch.workloads.onnx.proto.Onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A user's samples for an ONNX model: sample folders of input_N.pb files, and labels (one class per sample). */
public final class OnnxSamples {

    private OnnxSamples() {
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

    /** The {@code count} graph inputs of one sample directory: {@code input_0.pb .. input_(count-1).pb}. */
    public static List<Value> inputs(Path dir, int count) throws ConfigException {
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

    /** One class index per line (blank lines ignored), exactly {@code samples} of them. */
    public static int[] labels(Path file, int samples) throws ConfigException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (java.nio.file.NoSuchFileException e) {
            throw ConfigException.of(file.toString(), "file not found");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw ConfigException.of(file.toString(), "cannot read as UTF-8 text");
        }
        if (lines.size() != samples) {
            throw new ConfigException(file, null, samples + " labels (one per sample)", lines.size() + " lines");
        }
        int[] v = new int[samples];
        for (int k = 0; k < samples; k++) {
            try {
                v[k] = Integer.parseInt(lines.get(k));
            } catch (NumberFormatException e) {
                throw new ConfigException(file, "line " + (k + 1), "a class index", "'" + io.quantarch.config.Text.excerpt(lines.get(k)) + "'");
            }
        }
        return v;
    }
}
