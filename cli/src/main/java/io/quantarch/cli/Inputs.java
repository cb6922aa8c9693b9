package io.quantarch.cli;

import io.quantarch.cost.actions.CostModelSpec;
import io.quantarch.cost.estimate.CostModel;
import io.quantarch.cost.estimate.CostModels;
import io.quantarch.simulator.Architecture;
import io.quantarch.simulator.io.ArchitectureYaml;
import io.quantarch.simulator.io.ScaleSimConfig;
import io.quantarch.config.ConfigException;
import io.quantarch.workloads.layer.Workload;
import io.quantarch.workloads.policy.PolicyYaml;
import io.quantarch.workloads.policy.QuantPolicy;

import java.nio.file.Path;
import java.util.Locale;

/** Resolves the command line's workload, architecture and policy arguments into typed records. */
final class Inputs {

    private Inputs() {
    }

    /** {@code zoo:NAME[,key=value]}, a YAML workload file, or a SCALE-Sim topology CSV. */
    /** {@code --threads}: at least 1; absent means this machine's cores. */
    static int threads(Integer threads) throws ConfigException {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (threads < 1) {
            throw new ConfigException("--threads", null, "a thread count of at least 1", String.valueOf(threads));
        }
        return threads;
    }

    static Workload workload(String spec) throws ConfigException {
        return io.quantarch.workloads.io.WorkloadSpec.resolve(spec, "--workload", null);
    }

    /** A SCALE-Sim {@code .cfg} or a quantarch architecture YAML; the built-in default when absent. */
    static Architecture architecture(Path file) throws ConfigException {
        if (file == null) {
            return Architecture.DEFAULT;
        }
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".cfg")) {
            return ScaleSimConfig.read(file);
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return ArchitectureYaml.read(file);
        }
        throw new ConfigException("--arch", null, "a SCALE-Sim .cfg or a quantarch architecture .yaml", "'" + file + "'");
    }

    /** A cost model given on the command line (text form), built now so a bad table is bad input before any work. */
    static CostModel costModel(String text) throws ConfigException {
        try {
            return CostModels.of(CostModelSpec.parse(text, null));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--cost-model", null, "a cost model (" + CostModelSpec.SYNTAX + ")", e.getMessage());
        }
    }

    /** The architecture's own cost model, built now so a bad table is bad input naming the file and key. */
    static CostModel costModel(Architecture a, Path archFile) throws ConfigException {
        try {
            return CostModels.of(a.costModel());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(String.valueOf(archFile), "key 'cost_model'", "a cost model (" + CostModelSpec.SYNTAX + ")", e.getMessage());
        }
    }

    static QuantPolicy policy(Path file, Workload w, QuantPolicy fallback) throws ConfigException {
        if (file == null) {
            return fallback;
        }
        QuantPolicy p = PolicyYaml.read(file);
        try {
            p.validateAgainst(w.name(), w.layerNames());
        } catch (IllegalArgumentException e) {
            throw ConfigException.of(file.toString(), e.getMessage());
        }
        return p;
    }
}
