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
        Path p = baseDir == null ? Path.of(spec) : baseDir.resolve(spec);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return WorkloadYaml.read(p);
        }
        if (lower.endsWith(".csv")) {
            return ScaleSimTopology.read(p);
        }
        throw new ConfigException(where, null, "zoo:NAME (one of " + String.join(", ", Zoo.names())
                + "), a .yaml workload file or a SCALE-Sim topology .csv", "'" + spec + "'");
    }
}
