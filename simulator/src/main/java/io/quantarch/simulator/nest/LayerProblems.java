package io.quantarch.simulator.nest;

import io.quantarch.workloads.layer.Conv2d;
import io.quantarch.workloads.layer.GemmOp;
import io.quantarch.workloads.layer.Layer;

import java.util.List;

/**
 * A workload layer as a loop-nest problem with Timeloop's usual names: a convolution over {@code C M R S N P Q}
 * (Weights {@code [C][M][R][S]}, Inputs {@code [N][C][Wstride P + R][Hstride Q + S]}, Outputs {@code [N][M][Q][P]}; one
 * group of a grouped convolution), any other matrix layer's first GEMM (rows x reduction x columns) as a 1x1 convolution
 * with {@code N} = rows, {@code C} = reduction and {@code M} = columns (repeated GEMMs such as attention heads counted once).
 */
public final class LayerProblems {

    private LayerProblems() {
    }

    /** A problem and how many times the layer runs it (attention heads, repeated GEMMs). */
    public record Repeated(NestProblem problem, long repeat) { }

    /**
     * Every loop nest of the layer with its repeat count: a convolution's one (per group), each distinct GEMM of any other layer; none
     * for a layer without a matrix product (normalization, element-wise operations).
     */
    public static java.util.List<Repeated> all(Layer l) {
        if (l instanceof Conv2d c) {
            return java.util.List.of(new Repeated(of(l), c.groups()));        // one group's nest, run once per group (depthwise: per channel)
        }
        java.util.List<Repeated> out = new java.util.ArrayList<>();
        for (GemmOp g : l.gemms()) {
            String name = l.gemms().size() == 1 ? l.name() : l.name() + "/" + g.name();
            out.add(new Repeated(conv(name, g.k(), g.n(), 1, 1, g.m(), 1, 1, 1, 1), g.repeat()));
        }
        return out;
    }

    /**
     * What a mapping of {@code p} on {@code a} depends on beyond the hierarchy's shape: the loop nest (bounds and
     * projections, not its name), the bits of every data space at every level and the arithmetic's operand widths.
     */
    public static String cacheKey(NestProblem p, NestArchitecture a) {
        StringBuilder b = new StringBuilder(p.dims().toString()).append(java.util.Arrays.toString(p.bounds()));
        for (NestProblem.DataSpace ds : p.dataSpaces()) {
            b.append(ds.name()).append(ds.projection()).append(ds.readWrite());
        }
        for (NestArchitecture.Storage s : a.storage()) {
            for (NestProblem.DataSpace ds : p.dataSpaces()) {
                b.append(s.bits(ds.name())).append(',');
            }
        }
        return b.append(a.arithmetic().attributes()).toString();
    }

    public static NestProblem of(Layer l) {
        if (l instanceof Conv2d c) {
            return conv(l.name(), c.inChannels() / c.groups(), c.outChannels() / c.groups(), c.kernelW(), c.kernelH(), c.batch(), c.outW(),
                    c.outH(), c.strideW(), c.strideH());
        }
        if (l.gemms().isEmpty()) {
            throw new IllegalArgumentException(l.name() + " has no matrix product to map (a " + l.getClass().getSimpleName() + " layer)");
        }
        GemmOp g = l.gemms().get(0);
        // a 1x1 convolution, so one hierarchy's constraints (written over C M R S N P Q) serve every layer
        return conv(l.name(), g.k(), g.n(), 1, 1, g.m(), 1, 1, 1, 1);
    }

    private static NestProblem conv(String name, long c, long m, long r, long s, long n, long p, long q, long strideW, long strideH) {
        List<String> dims = List.of("C", "M", "R", "S", "N", "P", "Q");
        long[] b = {c, m, r, s, n, p, q};
        NestProblem.DataSpace w = new NestProblem.DataSpace("Weights", List.of(List.of(t(0, 1)), List.of(t(1, 1)), List.of(t(2, 1)),
                List.of(t(3, 1))), false);
        NestProblem.DataSpace in = new NestProblem.DataSpace("Inputs", List.of(List.of(t(4, 1)), List.of(t(0, 1)),
                List.of(t(2, 1), t(5, strideW)), List.of(t(3, 1), t(6, strideH))), false);
        NestProblem.DataSpace out = new NestProblem.DataSpace("Outputs", List.of(List.of(t(4, 1)), List.of(t(1, 1)), List.of(t(6, 1)),
                List.of(t(5, 1))), true);
        return new NestProblem(name, dims, b, List.of(w, in, out));
    }

    private static NestProblem.Term t(int dim, long c) {
        return new NestProblem.Term(dim, c);
    }
}
