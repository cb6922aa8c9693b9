package io.quantarch.simulator;

import io.quantarch.simulator.memory.OperandLayout;
import io.quantarch.simulator.pe.FormatPair;
import io.quantarch.workloads.layer.Conv2d;
import io.quantarch.workloads.layer.Embedding;
import io.quantarch.workloads.layer.GemmOp;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.layer.OperandKind;
import io.quantarch.workloads.layer.Workload;
import io.quantarch.workloads.policy.LayerQuant;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.policy.TensorQuant;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a workload on an architecture under a quantization policy: every matrix layer's GEMMs on the systolic
 * array, every vector layer on the vector unit. Layers run one after another from empty buffers (as in
 * SCALE-Sim). Thread-safe: the inputs are immutable and each call allocates its own state.
 */
public final class Simulator {

    private Simulator() {
    }

    public static SimulationResult run(Architecture arch, Workload w, QuantPolicy policy, Fidelity fidelity) {
        List<LayerResult> out = new ArrayList<>(w.layers().size());
        for (Layer l : w.layers()) {
            out.add(layer(arch, l, policy, fidelity));
        }
        return new SimulationResult(arch, w, fidelity, out);
    }

    /**
     * The cycle spans SCALE-Sim reports for the layer's (first) GEMM on a compat-scalesim array, or null for a layer
     * without one (what its DETAILED_ACCESS_REPORT.csv holds per layer).
     */
    public static io.quantarch.simulator.memory.ScaleSimTrace scaleSimTrace(Architecture arch, Layer l, long stalls) {
        if (l.gemms().isEmpty()) {
            return null;
        }
        GemmOp g = l.gemms().get(0);
        OperandLayout layout = l instanceof Conv2d c ? OperandLayout.conv(c) : OperandLayout.gemm(g.m(), g.n(), g.k());
        var plan = io.quantarch.simulator.array.FoldPlan.of(arch.array(), g.m(), g.n(), g.k());
        return io.quantarch.simulator.memory.ScaleSimTrace.of(plan, layout, arch.memory(), stalls);
    }

    public static LayerResult layer(Architecture arch, Layer l, QuantPolicy policy, Fidelity fidelity) {
        LayerQuant q = policy.forLayer(l.name());
        GemmStats total = GemmStats.ZERO;
        OperandBits bits = null;
        List<GemmStats> parts = new ArrayList<>();
        for (GemmOp g : l.gemms()) {
            bits = bits(q, g, arch);
            FormatPair formats = formats(q, g);
            OperandLayout layout;
            long ifmapUnique;
            if (l instanceof Conv2d c) {
                layout = OperandLayout.conv(c);
                ifmapUnique = (long) c.batch() * (c.inChannels() / c.groups()) * c.inH() * c.inW();
            } else {
                layout = OperandLayout.gemm(g.m(), g.n(), g.k());
                ifmapUnique = g.m() * g.k();
            }
            GemmStats one = SystolicSimulator.simulate(g, layout, ifmapUnique, arch, bits, formats, fidelity).times(g.repeat());
            parts.add(one);
            total = total.plus(one);
        }
        if (bits == null) {
            bits = bits(q, null, arch);
        }
        long vectorOps = l.vectorOps();
        if (l instanceof io.quantarch.workloads.layer.Attention att && arch.attention() == AttentionMapping.FUSED) {
            var tiling = FusedAttention.tiling(att, arch.memory(), bits);
            if (tiling.isPresent()) {
                total = FusedAttention.fuse(att, tiling.get(), parts.get(0), parts.get(1), bits, arch.memory());
                vectorOps += FusedAttention.rescaleOps(att, tiling.get());
            }
        }
        long vectorCycles = (vectorOps + arch.vectorLanes() - 1) / arch.vectorLanes();
        if (l instanceof Embedding e) {
            double b = q.weights().bitsPerElement() == 32 && !q.weights().quantized() ? 32 : q.weights().bitsPerElement();
            long elems = e.tokens() * e.dim();
            GemmStats lookup = new GemmStats(0, 0, 0, 0, 0, 0, 0, 0, 0, elems, 0, 0, 0, elems * b / 8, 0, 0, 0,
                    io.quantarch.cost.actions.ActionCounts.builder().add(io.quantarch.cost.actions.Component.DRAM,
                            io.quantarch.cost.actions.ActionKind.DRAM_READ, io.quantarch.cost.actions.Variant.BITS, Math.round(elems * b)).build());
            total = total.plus(lookup);
        }
        double peak = peakMacsPerCycle(arch, l, policy);
        return new LayerResult(l, total, vectorOps, vectorCycles, bits, peak > 0 ? peak : arch.array().pes());
    }

    /**
     * Null when the architecture's PE can run every GEMM of {@code l} in the formats {@code policy} gives it,
     * else why not (naming the PE, the layer and the formats); what a search checks before simulating a design.
     */
    public static String unsupported(Architecture arch, Layer l, QuantPolicy policy) {
        LayerQuant q = policy.forLayer(l.name());
        for (GemmOp g : l.gemms()) {
            String why = arch.pe().unsupported(formats(q, g));
            if (why != null) {
                return l.name() + ": " + why;
            }
        }
        return null;
    }

    /** Operand widths from the policy: inputs stream, weights (or the KV cache) sit on the filter side. */
    static OperandBits bits(LayerQuant q, GemmOp g, Architecture arch) {
        double in = q.inputs().bitsPerElement();
        double filter;
        if (g == null || g.filterKind() == OperandKind.WEIGHT) {
            filter = q.weights().bitsPerElement();
        } else {
            filter = q.kvCache().quantized() ? q.kvCache().bitsPerElement() : in;
        }
        TensorQuant out = q.outputs();
        return new OperandBits(in, filter, out.bitsPerElement(), arch.pe().accumulatorBits());
    }

    /** Peak MACs per cycle of the array on layer {@code l}'s formats (rows x cols x the PE's MACs per cycle); 0 for layers without a GEMM. */
    public static double peakMacsPerCycle(Architecture arch, Layer l, QuantPolicy policy) {
        if (l.gemms().isEmpty()) {
            return 0;
        }
        FormatPair f = formats(policy.forLayer(l.name()), l.gemms().get(0));
        if (arch.pe().unsupported(f) != null) {
            return 0;
        }
        return (double) arch.array().rows() * arch.array().cols() * arch.pe().throughput(f).macsPerCycle();
    }

    /** Formats of the weight side (weights, or the KV cache for attention) and of the inputs; null for float32. */
    static FormatPair formats(LayerQuant q, GemmOp g) {
        io.quantarch.numerics.format.NumberFormat in = q.inputs() instanceof TensorQuant.Quantized t ? t.format() : null;
        io.quantarch.numerics.format.NumberFormat filter;
        if (g.filterKind() == OperandKind.WEIGHT) {
            filter = q.weights() instanceof TensorQuant.Quantized t ? t.format() : null;
        } else {
            filter = q.kvCache() instanceof TensorQuant.Quantized t ? t.format() : in;
        }
        return new FormatPair(filter, in);
    }

    /** The policy a plain INT8 accelerator runs when none is given: INT8 weights, inputs and outputs. */
    public static QuantPolicy defaultInt8Policy() {
        TensorQuant w = TensorQuant.of(io.quantarch.numerics.format.Formats.byName("int8_sym_channel"));
        TensorQuant a = TensorQuant.of(io.quantarch.numerics.format.Formats.byName("int8_sym_tensor"));
        return QuantPolicy.uniform("int8", new LayerQuant(w, a, a, a, io.quantarch.workloads.policy.Ptq.RTN));
    }
}
