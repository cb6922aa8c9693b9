package io.quantarch.workloads.onnx.exec;

import io.quantarch.config.ConfigException;
import io.quantarch.workloads.onnx.proto.Onnx;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.quality.RealModel;
import io.quantarch.workloads.quality.ReferenceCheck;
import io.quantarch.workloads.tensor.ActivationObserver;
import io.quantarch.workloads.tensor.Linear;
import io.quantarch.workloads.tensor.Matrix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.stream.IntStream;

/**
 * A user's ONNX graph on the user's samples as a {@link RealModel}, so the built-in models' whole PTQ pipeline applies
 * to it: static activation scales calibrated on the calibration samples, GPTQ, SmoothQuant and Hadamard rotations on
 * its {@link LinearNodes linear nodes}. Other matrix nodes (grouped and depthwise convolutions, ConvTranspose, products
 * of two activations) are quantized by the policy as {@link QuantizedExecution} does (weights per channel, inputs
 * dynamically), round-to-nearest only. The metric is top-1 accuracy (%) when labels are given (argmax of the first
 * output's first row per sample), else top-1 agreement (%) with the FP32 run over every row of the first output.
 */
public final class OnnxRealModel implements RealModel {

    private final Path file;
    private final Onnx.Model model;
    private final List<List<Value>> eval;
    private final List<List<Value>> calibration;
    private final int[] labels;
    private final Map<String, LinearNodes.LinearNode> linear = new LinkedHashMap<>();
    private final List<String> compute = new ArrayList<>();
    // the non-linear matrix nodes' quantization depends on the policy alone: one per policy, its weights quantized once
    private final Map<QuantPolicy, QuantizedExecution> others = Collections.synchronizedMap(new WeakHashMap<>());
    private final Executor direct;                          // the plain FP32 executor; its decoded weights serve every run
    private volatile Value[] fp32Outputs;                  // the first output per evaluation sample at FP32, computed once

    private OnnxRealModel(Path file, Onnx.Model model, List<List<Value>> eval, List<List<Value>> calibration, int[] labels) {
        this.file = file;
        this.model = model;
        this.eval = List.copyOf(eval);
        this.calibration = List.copyOf(calibration);
        this.labels = labels == null ? null : labels.clone();
        this.direct = new Executor(file, model);
    }

    private static final Map<List<Path>, OnnxRealModel> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The model at {@code file} on the sample folders under {@code inputs} (as {@link OnnxSamples#samples}), with
     * {@code labels} (one class per line, or null) and calibration samples under {@code calibrationInputs} (or null: none),
     * read once per process.
     */
    public static OnnxRealModel load(Path file, Path inputs, Path labels, Path calibrationInputs) throws ConfigException {
        List<Path> key = java.util.Arrays.asList(file.toAbsolutePath().normalize(), inputs.toAbsolutePath().normalize(),
                labels == null ? null : labels.toAbsolutePath().normalize(), calibrationInputs == null ? null : calibrationInputs.toAbsolutePath().normalize());
        OnnxRealModel m = LOADED.get(key);
        if (m == null) {
            Onnx.Model g = io.quantarch.workloads.onnx.OnnxFile.read(file);
            int graphInputs = new Executor(file, g).inputNames().size();
            List<List<Value>> eval = read(OnnxSamples.samples(inputs), graphInputs);
            List<List<Value>> calib = calibrationInputs == null ? List.of() : read(OnnxSamples.samples(calibrationInputs), graphInputs);
            m = of(file, g, eval, calib, labels == null ? null : OnnxSamples.labels(labels, eval.size()));
            LOADED.putIfAbsent(key, m);
        }
        return m;
    }

    private static List<List<Value>> read(List<Path> samples, int graphInputs) throws ConfigException {
        List<List<Value>> out = new ArrayList<>();
        for (Path s : samples) {
            out.add(OnnxSamples.inputs(s, graphInputs));
        }
        return out;
    }

    /** Bad input when {@code p} asks for GPTQ or SmoothQuant on a node and there are no calibration samples. */
    public void requireCalibrationFor(io.quantarch.workloads.policy.QuantPolicy p, String option) throws ConfigException {
        for (String l : linear.keySet()) {
            var ptq = p.forLayer(l).ptq();
            boolean needsData = ptq.rounding() instanceof io.quantarch.workloads.policy.Ptq.WeightRounding.Gptq
                    || ptq.smoothing() instanceof io.quantarch.workloads.policy.Ptq.Smoothing.SmoothQuant;
            if (calibration.isEmpty() && needsData) {
                throw new ConfigException(option, "node '" + l + "'", "calibration samples for " + ptq.label(), "none");
            }
        }
    }

    /** Calibration samples available. */
    public int calibrationSamples() {
        return calibration.size();
    }

    /** Reads the graph's linear nodes by running it once on the first evaluation sample (constants folded as it runs). */
    public static OnnxRealModel of(Path file, Onnx.Model model, List<List<Value>> eval, List<List<Value>> calibration, int[] labels)
            throws ConfigException {
        if (eval.isEmpty()) {
            throw new ConfigException(file, "evaluation samples", "at least one", "none");
        }
        if (labels != null && labels.length != eval.size()) {
            throw new ConfigException(file, "labels", eval.size() + " (one per evaluation sample)", String.valueOf(labels.length));
        }
        OnnxRealModel m = new OnnxRealModel(file, model, eval, calibration, labels);
        new Executor(file, model, (Executor.Hook) (n, name, in, constant) -> {
            if (QuantizedExecution.COMPUTE.contains(n.getOpType())) {
                m.compute.add(name);
                LinearNodes.LinearNode ln = LinearNodes.of(n, name, in, constant);
                if (ln != null) {
                    m.linear.put(name, ln);
                }
            }
            return in;
        }, m.direct.initializers()).run(eval.get(0));
        return m;
    }

    @Override
    public String name() {
        return file.getFileName().toString();
    }

    @Override
    public String metric() {
        return labels != null ? "accuracy_pct" : "top1_agreement_pct";
    }

    @Override
    public boolean lowerIsBetter() {
        return false;
    }

    @Override
    public List<String> linearLayers() {
        return List.copyOf(linear.keySet());
    }

    /** Every matrix node: the linear ones and the ones quantized round-to-nearest outside them. */
    @Override
    public List<String> policyLayers() {
        return List.copyOf(compute);
    }

    @Override
    public List<String> kvLayers() {
        return List.of();
    }

    /** Layers reading one tensor form one stage (GPTQ quantizes them together), in graph order. */
    @Override
    public List<List<String>> stages() {
        Map<String, List<String>> byInput = new LinkedHashMap<>();
        linear.values().forEach(l -> byInput.computeIfAbsent(l.input(), k -> new ArrayList<>()).add(l.name()));
        return byInput.values().stream().map(List::copyOf).toList();
    }

    @Override
    public List<List<String>> sharedInputs() {
        return stages();
    }

    @Override
    public Matrix weight(String layer) {
        LinearNodes.LinearNode l = linear.get(layer);
        if (l == null) {
            throw new IllegalArgumentException(name() + " has no linear node " + layer);
        }
        return l.weight();
    }

    @Override
    public float[] bias(String layer) {
        return weight(layer) == null ? null : linear.get(layer).bias();
    }

    @Override
    public void calibrate(Execution exec, int samples, ActivationObserver obs) {
        for (int i = 0; i < Math.min(samples, calibration.size()); i++) {
            run(exec, calibration.get(i), obs);
        }
    }

    @Override
    public double evaluate(Execution exec, int samples, ActivationObserver obs) {
        int[][] ref = labels == null ? fp32Top1() : null;
        long[][] counts = IntStream.range(0, samples).parallel().mapToObj(i -> {
            int[] top = top1(run(exec, eval.get(i), obs));
            if (labels != null) {
                return new long[] {top[0] == labels[i] ? 1 : 0, 1};
            }
            long same = 0;
            for (int r = 0; r < top.length; r++) {
                same += top[r] == ref[i][r] ? 1 : 0;
            }
            return new long[] {same, top.length};
        }).toArray(long[][]::new);
        long hit = 0;
        long all = 0;
        for (long[] c : counts) {
            hit += c[0];
            all += c[1];
        }
        return 100.0 * hit / all;
    }

    /** The first output of every evaluation sample at FP32 through the same linear kernels, computed once. */
    private Value[] fp32Outputs() {
        if (fp32Outputs == null) {
            Execution fp32 = fp32Execution();
            fp32Outputs = IntStream.range(0, eval.size()).parallel().mapToObj(i -> run(fp32, eval.get(i), ActivationObserver.NONE))
                    .toArray(Value[]::new);
        }
        return fp32Outputs;
    }

    /** Argmax of each row of the first output at FP32, per evaluation sample. */
    private int[][] fp32Top1() {
        return java.util.Arrays.stream(fp32Outputs()).map(OnnxRealModel::top1).toArray(int[][]::new);
    }

    /** Top-1 agreement (fraction of rows) and SQNR (dB) of the first output under {@code exec} against FP32, on {@code samples}. */
    public double[] agreementAndSqnr(Execution exec, int samples) {
        Value[] reference = fp32Outputs();
        double[][] parts = IntStream.range(0, samples).parallel().mapToObj(i -> {
            Value ref = reference[i];
            Value q = run(exec, eval.get(i), ActivationObserver.NONE);
            int[] a = top1(ref);
            int[] b = top1(q);
            double same = 0;
            for (int r = 0; r < a.length; r++) {
                same += a[r] == b[r] ? 1 : 0;
            }
            double signal = 0;
            double noise = 0;
            for (int e = 0; e < ref.size(); e++) {
                double d = ref.get(e) - q.get(e);
                signal += ref.get(e) * ref.get(e);
                noise += d * d;
            }
            return new double[] {same, a.length, signal, noise};
        }).toArray(double[][]::new);
        double[] t = new double[4];
        for (double[] p : parts) {
            for (int k = 0; k < 4; k++) {
                t[k] += p[k];
            }
        }
        return new double[] {t[0] / t[1], t[3] == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(t[2] / t[3])};
    }

    private Execution fp32Execution() {
        Map<String, Linear> lin = new LinkedHashMap<>();
        linear.values().forEach(l -> lin.put(l.name(), Linear.fp32(l.name(), l.weight(), l.bias())));
        return new Execution(lin, Map.of());
    }

    private static int[] top1(Value out) {
        int width = (int) out.shape()[out.rank() - 1];
        int[] top = new int[Math.max(1, out.size() / width)];
        for (int r = 0; r < top.length; r++) {
            int best = 0;
            for (int k = 1; k < width; k++) {
                best = out.get(r * width + k) > out.get(r * width + best) ? k : best;
            }
            top[r] = best;
        }
        return top;
    }

    /** The first graph output of one sample under {@code exec}. */
    Value run(Execution exec, List<Value> inputs, ActivationObserver obs) {
        QuantizedExecution rest = exec.policy() == QuantPolicy.FP32 ? null : others.computeIfAbsent(exec.policy(), QuantizedExecution::new);
        Executor.Hook hook = new Executor.Hook() {
            @Override
            public List<Value> before(Onnx.Node n, String name, List<Value> in, boolean[] constant) {
                return rest == null || linear.containsKey(name) ? in : rest.before(n, name, in, constant);
            }

            @Override
            public List<Value> replace(Onnx.Node n, String name, List<Value> in, boolean[] constant) {
                LinearNodes.LinearNode ln = linear.get(name);
                Linear lin = ln == null ? null : exec.linears().get(name);
                return lin == null ? null : List.of(LinearNodes.forward(ln, lin, in.get(0), obs));
            }
        };
        try {
            return new Executor(file, model, hook, direct.initializers()).run(inputs).get(0);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public int defaultEvalSamples() {
        return eval.size();
    }

    @Override
    public int defaultCalibrationSamples() {
        return calibration.size();
    }

    @Override
    public int maxEvalSamples() {
        return eval.size();
    }

    @Override
    public String sampleUnit() {
        return "samples";
    }

    /**
     * FP32 through the linear kernels (im2col GEMMs) against the executor's own operators (direct convolution, Gemm,
     * MatMul): two independent paths through the same graph, equal top-1 and outputs within 1e-4 relative.
     */
    @Override
    public ReferenceCheck checkAgainstReference(int samples) {
        int n = samples == 0 ? eval.size() : samples;
        if (n < 1 || n > eval.size()) {
            throw new IllegalArgumentException("1.." + eval.size() + " samples, asked " + n);
        }
        Execution fp32 = fp32Execution();
        List<List<Object>> rows = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < n; i++) {
            Value a = run(fp32, eval.get(i), ActivationObserver.NONE);
            Value b;
            try {
                b = direct.run(eval.get(i)).get(0);
            } catch (ConfigException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            double worst = 0;
            double scale = 1e-30;
            for (int k = 0; k < a.size(); k++) {
                worst = Math.max(worst, Math.abs(a.get(k) - b.get(k)));
                scale = Math.max(scale, Math.abs(b.get(k)));
            }
            boolean same = java.util.Arrays.equals(top1(a), top1(b)) && worst <= 1e-4 * scale;
            ok &= same;
            rows.add(List.of(i, worst / scale, same));
        }
        return new ReferenceCheck("reference.csv", List.of("sample", "max_relative_difference", "agrees"), rows,
                name() + " FP32 through quantarch's linear kernels vs its direct operators on " + n + " sample(s): "
                        + (ok ? "all agree" : "differences above 1e-4 relative or in top-1"), ok);
    }
}
