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
