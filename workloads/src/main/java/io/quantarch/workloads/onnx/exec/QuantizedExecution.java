package io.quantarch.workloads.onnx.exec;

import io.quantarch.numerics.quant.Segments;
import io.quantarch.workloads.onnx.NodeAttrs;
import io.quantarch.workloads.onnx.proto.Onnx;
import io.quantarch.workloads.policy.LayerQuant;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.policy.TensorQuant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A quantization policy applied to an executing ONNX graph, by node name (globs as in every policy): the constant
 * weight of each Conv, ConvTranspose, Gemm and MatMul is fake-quantized once in its format, one scale group per output
 * channel (and per group of the reduction for group formats); its activation input is fake-quantized on the fly,
 * scaled from the tensor itself (dynamic quantization), in the policy's input format.
 */
public final class QuantizedExecution implements Executor.Hook {

    static final Set<String> COMPUTE = Set.of("Conv", "ConvTranspose", "Gemm", "MatMul");

    private final QuantPolicy policy;
    private final Map<String, Value> weights = new java.util.concurrent.ConcurrentHashMap<>();   // evaluations run in parallel

    public QuantizedExecution(QuantPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<Value> before(Onnx.Node n, String name, List<Value> in, boolean[] constant) {
        if (!COMPUTE.contains(n.getOpType())) {
            return in;
        }
        LayerQuant q = policy.forLayer(name);
        List<Value> out = new ArrayList<>(in);
        if (q.inputs() instanceof TensorQuant.Quantized qi && in.get(0).isFloat()) {
            out.set(0, Value.floats(in.get(0).shape(), qi.format().fakeQuantize(in.get(0).f(), Segments.whole(in.get(0).size()))));
        }
        if (q.weights() instanceof TensorQuant.Quantized qw && constant[1] && in.get(1).isFloat()) {
            out.set(1, weights.computeIfAbsent(name, k -> quantizeWeight(in.get(1), channelAxis(n), qw)));
        } else if (q.inputs() instanceof TensorQuant.Quantized qi && !constant[1] && in.get(1).isFloat()) {
            // an activation x activation product (attention): both operands are activations
            out.set(1, Value.floats(in.get(1).shape(), qi.format().fakeQuantize(in.get(1).f(), Segments.whole(in.get(1).size()))));
        }
        return out;
    }

    /** The axis of a weight's output channels: Conv's 0, ConvTranspose's 1, Gemm's N, MatMul's last. */
    private static int channelAxis(Onnx.Node n) {
        return switch (n.getOpType()) {
            case "Conv" -> 0;
            case "ConvTranspose" -> 1;
            case "Gemm" -> new NodeAttrs(n).integer("transB", 0) == 1 ? 0 : 1;
            default -> -1;                                     // open: MatMul, the last axis
        };
    }

    /** Moves the channel axis first, quantizes one row per channel (the rest of the weight along it), moves it back. */
    static Value quantizeWeight(Value w, int axis, TensorQuant.Quantized q) {
        long[] s = w.shape();
        int ax = axis < 0 ? s.length - 1 : axis;
        long[] perm = new long[s.length];
        perm[0] = ax;
        for (int k = 0, j = 1; k < s.length; k++) {
            if (k != ax) {
                perm[j++] = k;
            }
        }
        Value t = Layout.transpose(w, perm);
        int rows = (int) s[ax];
        float[] fq = q.format().fakeQuantize(t.f(), Segments.rows(rows, t.size() / rows));
        long[] back = new long[s.length];
        for (int k = 0; k < s.length; k++) {
            back[(int) perm[k]] = k;
        }
        return Layout.transpose(Value.floats(t.shape(), fq), back);
    }
}
