package io.quantarch.workloads.quality;

import io.quantarch.numerics.format.Formats;
import io.quantarch.workloads.policy.LayerQuant;
import io.quantarch.workloads.policy.Ptq;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.policy.TensorQuant;

import java.util.List;

/**
 * The policies of the quantization table (README): the common deployment points, each uniform over all
 * layers. W = weights, A = input activations; static per-tensor activation scales are calibrated on the
 * calibration split, block and group formats are dynamic.
 */
public final class StandardPolicies {

    private StandardPolicies() {
    }

    static TensorQuant t(String f) {
        return f.equals("fp32") ? TensorQuant.FP32 : TensorQuant.of(Formats.byName(f));
    }

    static QuantPolicy p(String name, String w, String a, String kv, Ptq ptq) {
        return QuantPolicy.uniform(name, new LayerQuant(t(w), t(a), TensorQuant.FP32, t(kv), ptq));
    }

    static final Ptq GPTQ = new Ptq(new Ptq.WeightRounding.Gptq(128, false, 0.01), Ptq.Smoothing.NONE, Ptq.Rotation.NONE);
    static final Ptq GPTQ_ACT_ORDER = new Ptq(new Ptq.WeightRounding.Gptq(128, true, 0.01), Ptq.Smoothing.NONE, Ptq.Rotation.NONE);
    static final Ptq SMOOTHQUANT = new Ptq(Ptq.WeightRounding.RTN, new Ptq.Smoothing.SmoothQuant(0.5), Ptq.Rotation.NONE);
    static final Ptq HADAMARD = new Ptq(Ptq.WeightRounding.RTN, Ptq.Smoothing.NONE, Ptq.Rotation.HADAMARD);

    public static List<QuantPolicy> table() {
        return List.of(
                p("fp32", "fp32", "fp32", "fp32", Ptq.RTN),
                p("W8A8 int8 per-channel W, per-tensor A", "int8_sym_channel", "int8_sym_tensor", "fp32", Ptq.RTN),
                p("W4A16 int4 g128 RTN", "int4_sym_g128", "fp32", "fp32", Ptq.RTN),
                p("W4A16 int4 g128 GPTQ", "int4_sym_g128", "fp32", "fp32", GPTQ),
                p("W4A16 int4 g128 GPTQ act-order", "int4_sym_g128", "fp32", "fp32", GPTQ_ACT_ORDER),
                p("W4A8 int4 g128, int8 per-tensor A", "int4_sym_g128", "int8_sym_tensor", "fp32", Ptq.RTN),
                p("FP8 E4M3 W (per-channel) and A (per-tensor)", "fp8_e4m3_channel", "fp8_e4m3_tensor", "fp32", Ptq.RTN),
                p("MXFP4 W and A", "mxfp4", "mxfp4", "fp32", Ptq.RTN),
                p("MXINT8 W and A", "mxint8", "mxint8", "fp32", Ptq.RTN),
                p("NVFP4 W and A", "nvfp4", "nvfp4", "fp32", Ptq.RTN),
                p("ternary W (BitNet b1.58 absmean, PTQ)", "ternary", "fp32", "fp32", Ptq.RTN),
                p("W8A4 int4 per-tensor A", "int8_sym_channel", "int4_sym_tensor", "fp32", Ptq.RTN),
                p("W8A4 int4 per-tensor A + SmoothQuant 0.5", "int8_sym_channel", "int4_sym_tensor", "fp32", SMOOTHQUANT),
                p("W4A4 int4 per-channel", "int4_sym_channel", "int4_sym_channel", "fp32", Ptq.RTN),
                p("W4A4 int4 per-channel + Hadamard", "int4_sym_channel", "int4_sym_channel", "fp32", HADAMARD),
                p("KV cache int4 asym per head (g8)", "fp32", "fp32", "int4_asym_g8", Ptq.RTN));
    }
}
