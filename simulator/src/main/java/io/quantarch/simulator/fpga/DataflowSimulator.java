package io.quantarch.simulator.fpga;

import io.quantarch.cost.actions.FpgaOperand;
import io.quantarch.cost.actions.MvauUnit;
import io.quantarch.numerics.format.Binary;
import io.quantarch.numerics.format.ComplexPm1Pmi;
import io.quantarch.numerics.format.IntFormat;
import io.quantarch.numerics.format.MiniFloat;
import io.quantarch.numerics.format.MxFormat;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.format.Nvfp4;
import io.quantarch.numerics.format.Pow2;
import io.quantarch.numerics.format.ScaledFloat;
import io.quantarch.numerics.format.Ternary;
import io.quantarch.numerics.quant.Granularity;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.layer.Workload;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.policy.TensorQuant;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps a workload onto a FINN-style streaming dataflow: one matrix-vector unit per convolution / GEMM layer, folded
 * as the spec says; returns each unit's description (what its resources depend on) and its cycles. The FPGA resource
 * model prices the units in the pricing step. A unit's output quantizer is the next unit's input format (FINN places
 * the next layer's thresholds in this unit); the last unit has none.
 */
public final class DataflowSimulator {

    private DataflowSimulator() {
    }

    public static DataflowResult run(FpgaDataflowSpec spec, Workload workload, QuantPolicy policy) {
        List<MvauLayer> units = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Layer l : workload.layers()) {
            MvauLayer m = MvauLayer.of(l);
            if (m == null) {
                skipped.add(l.name());
            } else {
                units.add(m);
            }
        }
        if (units.isEmpty()) {
            throw new IllegalArgumentException(workload.name() + " has no convolution or GEMM layer to map onto matrix-vector units");
        }
        List<FpgaOperand> inputs = new ArrayList<>();
        List<FpgaOperand> weights = new ArrayList<>();
        for (MvauLayer m : units) {
            var q = policy.forLayer(m.name());
            weights.add(operand(m.name(), "weights", q.weights()));
            inputs.add(operand(m.name(), "inputs", q.inputs()));
        }
        List<MvauLayerResult> results = new ArrayList<>();
        long ii = 0;
        long latency = 0;
        String bottleneck = null;
        for (int i = 0; i < units.size(); i++) {
            MvauLayer m = units.get(i);
            Folding f = spec.foldingFor(m.name(), m.mw(), m.mh(), m.vectors());
            if (m.mh() % f.pe() != 0 || m.mw() % f.simd() != 0) {
                throw new IllegalArgumentException(m.name() + ": PE " + f.pe() + " must divide MH " + m.mh()
                        + " and SIMD " + f.simd() + " must divide MW " + m.mw());
            }
            FpgaOperand out = i + 1 < units.size() ? inputs.get(i + 1) : null;
            MvauUnit unit = new MvauUnit(m.name(), m.mw(), m.mh(), f.pe(), f.simd(), weights.get(i), inputs.get(i), out,
                    spec.multipliers(), spec.weightMemory());
            long cycles = f.cyclesPerVector(m.mw(), m.mh()) * m.vectors();
            results.add(new MvauLayerResult(m, f, cycles, unit));
            latency += cycles;
            if (cycles > ii) {
                ii = cycles;
                bottleneck = m.name();
            }
        }
        return new DataflowResult(spec, List.copyOf(results), List.copyOf(skipped), ii, bottleneck, latency);
    }

    /**
     * Why a matrix-vector unit cannot run layer {@code l} under {@code policy} (a format it has no datapath for, or an
     * integer x minifloat pair), or null; null also for layers streamed without a unit.
     */
    public static String unsupported(Layer l, QuantPolicy policy) {
        MvauLayer m;
        try {
            m = MvauLayer.of(l);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (m == null) {
            return null;
        }
        try {
            var q = policy.forLayer(l.name());
            FpgaOperand w = operand(l.name(), "weights", q.weights());
            FpgaOperand a = operand(l.name(), "inputs", q.inputs());
            if (w.getClass() != a.getClass()) {
                return l.name() + ": a matrix-vector unit multiplies two integers or two minifloats, not " + w.label() + " x " + a.label();
            }
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The datapath operand a tensor's format needs; IllegalArgumentException naming the layer for formats an MVAU cannot run. */
    public static FpgaOperand operand(String layer, String tensor, TensorQuant t) {
        if (!(t instanceof TensorQuant.Quantized q)) {
            throw new IllegalArgumentException(layer + ": " + tensor + " are float32; an FPGA matrix-vector unit needs an integer or minifloat format");
        }
        return operand(layer, tensor, q.format());
    }

    public static FpgaOperand operand(String layer, String tensor, NumberFormat f) {
        if (f.granularity() instanceof Granularity.PerGroup) {
            throw notOnMvau(layer, tensor, f);
        }
        return switch (f) {
            case IntFormat i -> new FpgaOperand.Int(i.bits(), i.symmetric());
            case MiniFloat m -> new FpgaOperand.MiniFloat(m.exponentBits(), m.mantissaBits(), m.subnormals());
            case ScaledFloat s -> new FpgaOperand.MiniFloat(s.element().exponentBits(), s.element().mantissaBits(), s.element().subnormals());
            case MxFormat mx -> throw notOnMvau(layer, tensor, f);
            case Nvfp4 nv -> throw notOnMvau(layer, tensor, f);
            case Ternary t -> throw notOnMvau(layer, tensor, f);
            case Binary b -> throw notOnMvau(layer, tensor, f);
            case Pow2 p -> throw notOnMvau(layer, tensor, f);
            case ComplexPm1Pmi c -> throw notOnMvau(layer, tensor, f);
        };
    }

    private static IllegalArgumentException notOnMvau(String layer, String tensor, NumberFormat f) {
        return new IllegalArgumentException(layer + ": " + tensor + " format " + f.name()
                + " cannot run on a matrix-vector unit (integers or minifloats with a per-tensor or per-channel scale only)");
    }
}
