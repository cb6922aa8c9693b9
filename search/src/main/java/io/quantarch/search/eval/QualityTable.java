package io.quantarch.search.eval;

import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.QualitySpec;
import io.quantarch.search.space.QuantGene;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.policy.LayerQuant;
import io.quantarch.workloads.policy.TensorQuant;
import io.quantarch.workloads.quality.RealModel;
import io.quantarch.workloads.quality.RealModels;
import io.quantarch.workloads.quality.Sensitivity;
import io.quantarch.workloads.quality.Sensitivity.Role;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Tier-1 quality: what each quantization gene's option costs in quality, measured once before the search, and a
 * constant for the layers the default quantizes that no gene decides. A design's tier-1 quality is their sum
 * (computed exactly, so any summation order gives the same double — the DP solver relies on it).
 *
 * <p>Real model: the measured loss with only that gene's layers quantized that way ({@link Sensitivity}, cached on
 * disk). Shape-only workload: the sum over the gene's layers of {@link SyntheticNsr}.
 */
public final class QualityTable {

    private final double[][] perOption;
    private final double base;

    private QualityTable(double[][] perOption, double base) {
        this.perOption = perOption;
        this.base = base;
    }

    /** A table measured elsewhere (a distributed evaluator ships the driver's table to its workers). */
    public static QualityTable of(double[][] perOption, double base) {
        double[][] copy = new double[perOption.length][];
        for (int j = 0; j < perOption.length; j++) {
            copy[j] = perOption[j].clone();
        }
        return new QualityTable(copy, base);
    }

    /** Every option's contribution, [gene][option] (a copy). */
    public double[][] contributions() {
        double[][] copy = new double[perOption.length][];
        for (int j = 0; j < perOption.length; j++) {
            copy[j] = perOption[j].clone();
        }
        return copy;
    }

    /** Contribution of option {@code o} of quantization gene {@code j}. */
    public double contribution(int j, int o) {
        return perOption[j][o];
    }

    /** Quality of the layers only the default decides. */
    public double base() {
        return base;
    }

    /** base + sum of the chosen options' contributions, rounded once. */
    public double tier1(int[] quantChoice) {
        BigDecimal s = new BigDecimal(base);
        for (int j = 0; j < perOption.length; j++) {
            s = s.add(new BigDecimal(perOption[j][quantChoice[j]]));
        }
        return s.doubleValue();
    }

    /** Measures every gene option (in parallel on the evaluator's workers). */
    public static QualityTable measure(DesignSpace space, Evaluator workers, Path cacheDir) {
        List<QuantGene> genes = space.quantGenes();
        List<Callable<Double>> tasks = new ArrayList<>();
        RealModel model = space.quality() instanceof QualitySpec.Real r ? RealModels.byName(r.model()) : null;
        Sensitivity sens = space.quality() instanceof QualitySpec.Real r
                ? new Sensitivity(model, r.evalSamples(), r.calibrationSamples(), cacheDir) : null;
        for (QuantGene g : genes) {
            for (TensorQuant t : g.options()) {
                tasks.add(() -> unit(space, sens, g.glob(), g.layers(), g.role(), t));
            }
        }
        // layers the default quantizes that no gene decides: one unit per layer and role
        List<Object[]> rest = new ArrayList<>();
        for (Role role : Role.values()) {
            TensorQuant def = defaultOf(space.defaults(), role);
            if (!def.quantized()) {
                continue;
            }
            Set<String> decided = new HashSet<>();
            genes.stream().filter(g -> g.role() == role).forEach(g -> decided.addAll(g.layers()));
            for (String l : layersWith(space, role, model)) {
                if (!decided.contains(l)) {
                    rest.add(new Object[] {l, role, def});
                }
            }
        }
        for (Object[] u : rest) {
            String l = (String) u[0];
            tasks.add(() -> unit(space, sens, l, List.of(l), (Role) u[1], (TensorQuant) u[2]));
        }
        List<Double> values = workers.map(tasks);
        double[][] per = new double[genes.size()][];
        int k = 0;
        for (int j = 0; j < genes.size(); j++) {
            per[j] = new double[genes.get(j).options().size()];
            for (int o = 0; o < per[j].length; o++) {
                per[j][o] = values.get(k++);
            }
        }
        BigDecimal b = BigDecimal.ZERO;
        for (; k < values.size(); k++) {
            b = b.add(new BigDecimal(values.get(k)));
        }
        return new QualityTable(per, b.doubleValue());
    }

    private static double unit(DesignSpace space, Sensitivity sens, String glob, List<String> layers, Role role, TensorQuant t) {
        if (!t.quantized()) {
            return 0;
        }
        if (sens != null) {
            return sens.entry(glob, role, t).loss();
        }
        if (space.quality() instanceof QualitySpec.Onnx o) {
            return onnxUnit(o, glob, role, t);
        }
        QualitySpec.Synthetic s = (QualitySpec.Synthetic) space.quality();
        BigDecimal sum = BigDecimal.ZERO;
        for (Layer l : space.workload().layers()) {
            if (layers.contains(l.name())) {
                sum = sum.add(new BigDecimal(SyntheticNsr.of(l, role, t, s.seed(), s.rows())));
            }
        }
        return sum.doubleValue();
    }

    /** Output NSR of the user's ONNX model with only {@code glob}'s {@code role} in {@code t}, against its FP32 run. */
    private static double onnxUnit(QualitySpec.Onnx o, String glob, Role role, TensorQuant t) {
        if (role == Role.KV_CACHE) {
            return 0;                                            // an ONNX graph has no KV cache to quantize
        }
        java.util.Optional<TensorQuant> q = java.util.Optional.of(t);
        io.quantarch.workloads.policy.QuantPolicy p = new io.quantarch.workloads.policy.QuantPolicy("unit",
                io.quantarch.workloads.policy.QuantPolicy.FP32.defaults(), List.of(new io.quantarch.workloads.policy.QuantPolicy.Override(glob,
                role == Role.WEIGHTS ? q : java.util.Optional.empty(), role == Role.INPUTS ? q : java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty())));
        try {
            var m = o.load();
            var build = io.quantarch.workloads.quality.ModelQuantizer.build(m, p, m.calibrationSamples());
            double sqnr = m.agreementAndSqnr(build.execution(), m.maxEvalSamples())[1];
            return Double.isInfinite(sqnr) ? 0 : Math.pow(10, -sqnr / 10);
        } catch (io.quantarch.config.ConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static List<String> layersWith(DesignSpace space, Role role, RealModel model) {
        return io.quantarch.search.space.SpaceLayers.layersFor(role, "*", space.workload(), model);
    }

    static TensorQuant defaultOf(LayerQuant q, Role role) {
        return switch (role) {
            case WEIGHTS -> q.weights();
            case INPUTS -> q.inputs();
            case KV_CACHE -> q.kvCache();
        };
    }
}
