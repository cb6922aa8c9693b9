package io.quantarch.workloads.onnx.exec;

import io.quantarch.config.ConfigException;
import io.quantarch.workloads.onnx.NodeAttrs;
import io.quantarch.workloads.onnx.OnnxFile;
import io.quantarch.workloads.onnx.proto.Onnx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs an ONNX graph in float32 (integers as longs) node by node, in graph order, as the operator specifications
 * define each operator. {@code inputs} are the graph inputs that have no initializer, in order; the result is the
 * graph outputs in order. An operator or a tensor type it does not execute is bad input naming the node.
 */
public final class Executor {

    static final List<String> SUPPORTED = List.of("Conv", "ConvTranspose", "InstanceNormalization", "Not", "And", "Or",
            "QuantizeLinear", "DequantizeLinear", "Gemm", "MatMul", "MaxPool", "AveragePool", "GlobalAveragePool",
            "GlobalMaxPool", "BatchNormalization", "LayerNormalization", "RMSNormalization", "LRN", "Softmax", "LogSoftmax",
            "Relu", "LeakyRelu", "PRelu", "Elu", "Selu", "Sigmoid", "Tanh", "HardSigmoid", "HardSwish", "Gelu", "Erf", "Exp",
            "Log", "Neg", "Abs", "Sqrt", "Reciprocal", "Clip", "Dropout", "Identity", "Cast", "Add", "Sub", "Mul", "Div", "Pow",
            "Where", "Sum", "Max", "Min", "Mean", "Equal", "Less", "Greater", "Flatten", "Reshape", "Transpose", "Concat",
            "Split", "Slice", "Squeeze", "Unsqueeze", "Gather", "Shape", "Constant", "ConstantOfShape", "Expand", "Pad",
            "ReduceMean", "ReduceSum", "ReduceMax");

    /** Sees (and may replace) each node's inputs before it runs: quantized execution is one. */
    public interface Hook {
        List<Value> before(Onnx.Node n, String name, List<Value> inputs, boolean[] constant);

        /** The node's outputs computed another way (a quantized linear layer), or null to run its operator. */
        default List<Value> replace(Onnx.Node n, String name, List<Value> inputs, boolean[] constant) {
            return null;
        }
    }

    private final Path file;
    private final Onnx.Model model;
    private final long opset;
    private final Hook hook;

    public Executor(Path file, Onnx.Model model) {
        this(file, model, null);
    }

    public Executor(Path file, Onnx.Model model, Hook hook) {
        this(file, model, hook, null);
    }

    /** An executor sharing another's decoded initializers ({@link #initializers}): the weights are decoded once, not per executor. */
    public Executor(Path file, Onnx.Model model, Hook hook, Map<String, Value> initializers) {
        this.file = file;
        this.model = model;
        this.opset = OnnxFile.opset(model);
        this.hook = hook;
        this.initializers = initializers;
    }

    private volatile Map<String, Value> initializers;

    /**
     * The graph's initializers of a type this executor handles, decoded once per executor (and shared with the executors
     * built on them): operators never write their inputs, so every run can read the same values.
     */
    public Map<String, Value> initializers() {
        Map<String, Value> m = initializers;
        if (m == null) {
            m = new HashMap<>();
            for (Onnx.Tensor t : model.getGraph().getInitializerList()) {
                Value v = Value.of(t);
                if (v != null) {
                    m.put(t.getName(), v);
                }
            }
            m = java.util.Collections.unmodifiableMap(m);
            initializers = m;
        }
        return m;
    }

    /** The graph inputs without an initializer, in order (what {@link #run} takes). */
    public List<String> inputNames() {
        Set<String> init = new HashSet<>();
        model.getGraph().getInitializerList().forEach(t -> init.add(t.getName()));
        return model.getGraph().getInputList().stream().map(Onnx.ValueInfo::getName).filter(n -> !init.contains(n)).toList();
    }

    public List<String> outputNames() {
        return model.getGraph().getOutputList().stream().map(Onnx.ValueInfo::getName).toList();
    }

    public List<Value> run(List<Value> inputs) throws ConfigException {
        Map<String, Value> env = new HashMap<>(initializers());
        Set<String> constants = new HashSet<>(env.keySet());
        List<String> names = inputNames();
        if (inputs.size() != names.size()) {
            throw new ConfigException(file, "graph inputs", names.size() + " input tensors " + names, inputs.size() + " given");
        }
        for (int k = 0; k < names.size(); k++) {
            env.put(names.get(k), inputs.get(k));
        }
        for (Onnx.Node n : model.getGraph().getNodeList()) {
            step(n, env, constants);
        }
        List<Value> result = new ArrayList<>();
        for (String o : outputNames()) {
            result.add(env.get(o));
        }
        return result;
    }

    /** One node: its inputs from {@code env}, the hook, the operator, its outputs into {@code env}. */
    private void step(Onnx.Node n, Map<String, Value> env, Set<String> constants) throws ConfigException {
        String where = "node '" + (n.getName().isEmpty() ? n.getOutput(0) : n.getName()) + "' (" + n.getOpType() + ")";
        if (!n.getDomain().isEmpty() && !n.getDomain().equals("ai.onnx") || !SUPPORTED.contains(n.getOpType())) {
            throw new ConfigException(file, where, "an operator quantarch executes: " + SUPPORTED, "'" + n.getOpType() + "'");
        }
        if (n.getOpType().equals("MaxPool") && n.getOutputCount() > 1 && !n.getOutput(1).isEmpty()) {
            throw new ConfigException(file, where, "MaxPool without its optional Indices output", "Indices requested");
        }
        List<Value> in = new ArrayList<>();
        for (String x : n.getInputList()) {
            if (!x.isEmpty() && !env.containsKey(x)) {
                throw new ConfigException(file, where, "input tensors computed before it, of a type quantarch executes", "tensor '" + x + "'");
            }
            in.add(x.isEmpty() ? null : env.get(x));
        }
        List<Value> replaced = null;
        if (hook != null) {
            boolean[] constant = new boolean[in.size()];
            for (int k = 0; k < constant.length; k++) {
                constant[k] = constants.contains(n.getInput(k));
            }
            String name = n.getName().isEmpty() ? n.getOutput(0) : n.getName();
            in = hook.before(n, name, in, constant);
            replaced = hook.replace(n, name, in, constant);
        }
        List<Value> out;
        try {
            out = replaced != null ? replaced : Ops.apply(n.getOpType(), new NodeAttrs(n), in, opset, n.getOutputCount());
        } catch (IllegalArgumentException | ArithmeticException | IndexOutOfBoundsException | NullPointerException e) {
            throw new ConfigException(file, where, "inputs its operator accepts", String.valueOf(e.getMessage()));
        }
        boolean fromConstants = !n.getInputList().isEmpty() && n.getInputList().stream().allMatch(x -> x.isEmpty() || constants.contains(x))
                || n.getOpType().equals("Constant");
        for (int k = 0; k < n.getOutputCount() && k < out.size(); k++) {
            if (!n.getOutput(k).isEmpty()) {
                env.put(n.getOutput(k), out.get(k));
                if (fromConstants) {
                    constants.add(n.getOutput(k));
                }
            }
        }
    }
}
