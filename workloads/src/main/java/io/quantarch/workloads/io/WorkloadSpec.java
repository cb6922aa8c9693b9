package io.quantarch.workloads.io;

import io.quantarch.config.ConfigException;
import io.quantarch.workloads.layer.Workload;
import io.quantarch.workloads.zoo.Zoo;

import java.nio.file.Path;
import java.util.Locale;

/** A workload named on the command line or in a config: {@code zoo:NAME[,key=value]}, a YAML workload or a SCALE-Sim topology CSV. */
public final class WorkloadSpec {

    private WorkloadSpec() {
    }

    /**
     * @param where   names the source in error messages ({@code --workload}, {@code space.yaml key 'workload'})
     * @param baseDir where a relative file path starts
     */
    public static Workload resolve(String spec, String where, Path baseDir) throws ConfigException {
        if (spec.startsWith("zoo:")) {
            try {
                return Zoo.byName(spec.substring(4));
            } catch (IllegalArgumentException e) {
                throw ConfigException.of(where + " " + spec, e.getMessage());
            }
        }
        String lower = spec.toLowerCase(Locale.ROOT);
        int onnx = lower.indexOf(".onnx");
        if (onnx > 0 && (onnx + 5 == spec.length() || spec.charAt(onnx + 5) == ',')) {
            Path model = baseDir == null ? Path.of(spec.substring(0, onnx + 5)) : baseDir.resolve(spec.substring(0, onnx + 5));
            return io.quantarch.workloads.onnx.OnnxWorkload.read(model, inputShapes(spec.substring(onnx + 5), where));
        }
        Path p = baseDir == null ? Path.of(spec) : baseDir.resolve(spec);
        int json = lower.indexOf(".json");
        if (json > 0 && (json + 5 == spec.length() || spec.charAt(json + 5) == ',')) {
            Path config = baseDir == null ? Path.of(spec.substring(0, json + 5)) : baseDir.resolve(spec.substring(0, json + 5));
            return io.quantarch.workloads.zoo.HfConfig.read(config, spec.substring(json + 5));
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return WorkloadYaml.read(p);
        }
        if (lower.endsWith(".csv")) {
            return ScaleSimTopology.read(p);
        }
        throw new ConfigException(where, null, "zoo:NAME (one of " + String.join(", ", Zoo.names())
                + "), a .yaml workload file, an .onnx model, a Hugging Face config.json or a SCALE-Sim topology .csv", "'" + spec + "'");
    }

    /** {@code ,NAME=1x3x224x224,...} after an .onnx path: shapes for graph inputs with symbolic dimensions. */
    static java.util.Map<String, long[]> inputShapes(String rest, String where) throws ConfigException {
        java.util.Map<String, long[]> m = new java.util.HashMap<>();
        for (String part : rest.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            try {
                if (eq < 1) {
                    throw new NumberFormatException();
                }
                long[] d = java.util.Arrays.stream(part.substring(eq + 1).trim().split("x")).mapToLong(Long::parseLong).toArray();
                if (java.util.Arrays.stream(d).anyMatch(x -> x < 1)) {
                    throw new NumberFormatException();
                }
                m.put(part.substring(0, eq).trim(), d);
            } catch (NumberFormatException e) {
                throw new ConfigException(where, null, "NAME=DxDx... for a graph input (e.g. input=1x3x224x224)", "'" + part.trim() + "'");
            }
        }
        return m;
    }
}
