package io.quantarch.simulator.nest.io;

import io.quantarch.simulator.nest.NestArchitecture;
import io.quantarch.simulator.nest.NestProblem;
import io.quantarch.numerics.format.IntFormat;
import io.quantarch.workloads.policy.LayerQuant;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.policy.TensorQuant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-operand precision from a quantization policy: the layer's weight and input formats set the bits per element of
 * Weights and Inputs at every level, its output format those of Outputs at the outermost level (final outputs); inner
 * levels keep their own datawidth for Outputs (partial sums). The rule of every level: an access of {@code width} bits
 * moves {@code floor(width / bits)} elements of that data space (a 64-bit SRAM read returns sixteen 4-bit weights), and
 * a level holds tiles whose bits add up to at most {@code depth x width}. A format's element bits count; its scales
 * (one per channel or block) are not stored in the nest. When both operands are integers, the arithmetic is priced as an
 * integer MAC of their widths ({@code weight_bits x input_bits}).
 */
public final class Precision {

    private Precision() {
    }

    public static NestArchitecture apply(NestArchitecture a, QuantPolicy policy, NestProblem p) {
        return apply(a, policy, p.name());
    }

    /** The architecture with the formats the policy gives layer {@code layer}. */
    public static NestArchitecture apply(NestArchitecture a, QuantPolicy policy, String layer) {
        LayerQuant q = policy.forLayer(layer);
        List<NestArchitecture.Storage> out = new ArrayList<>();
        for (int i = 0; i < a.storage().size(); i++) {
            NestArchitecture.Storage s = a.storage().get(i);
            Map<String, Integer> bits = new LinkedHashMap<>(s.dataBits());
            put(bits, "Weights", q.weights());
            put(bits, "Inputs", q.inputs());
            if (i == 0) {
                put(bits, "Outputs", q.outputs());
            }
            out.add(new NestArchitecture.Storage(s.name(), s.cls(), s.subclass(), s.depth(), s.widthBits(), s.datawidth(), bits, s.instances(),
                    s.readBandwidth(), s.writeBandwidth(), s.sharedBandwidth(), s.multipleBuffering(), s.technologyNm(), s.attributes()));
        }
        NestArchitecture.Arithmetic mac = a.arithmetic();
        Map<String, String> attrs = new LinkedHashMap<>(mac.attributes());
        if (q.weights() instanceof TensorQuant.Quantized w && w.format() instanceof IntFormat
                && q.inputs() instanceof TensorQuant.Quantized i && i.format() instanceof IntFormat) {
            attrs.put("weight_bits", Integer.toString(w.format().bits()));       // an integer MAC of the layer's operand widths
            attrs.put("input_bits", Integer.toString(i.format().bits()));
        }
        mac = new NestArchitecture.Arithmetic(mac.name(), mac.cls(), mac.instances(), mac.technologyNm(), attrs);
        return new NestArchitecture(out, mac, a.fanouts());
    }

    private static void put(Map<String, Integer> bits, String dataSpace, TensorQuant t) {
        if (t instanceof TensorQuant.Quantized z) {
            bits.put(dataSpace, z.format().bits());
        }
    }
}
