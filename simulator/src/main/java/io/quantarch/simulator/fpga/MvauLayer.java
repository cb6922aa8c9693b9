package io.quantarch.simulator.fpga;

import io.quantarch.workloads.layer.Attention;
import io.quantarch.workloads.layer.Conv2d;
import io.quantarch.workloads.layer.Elementwise;
import io.quantarch.workloads.layer.Embedding;
import io.quantarch.workloads.layer.Gemm;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.layer.Norm;
import io.quantarch.workloads.layer.Softmax;

/**
 * A layer as a matrix-vector unit sees it: {@code mw} inputs per output, {@code mh} outputs, {@code vectors} input
 * vectors per frame (output pixels of a convolution behind its sliding-window generator, rows of a GEMM).
 * A depthwise convolution becomes FINN's vector-vector unit: MW = kernel area, MH = channels.
 */
public record MvauLayer(String name, int mw, int mh, long vectors, boolean depthwise) {

    /** The unit for a convolution or GEMM; null for layers a dataflow accelerator streams without a MAC array. */
    public static MvauLayer of(Layer layer) {
        return switch (layer) {
            case Conv2d c when c.groups() == 1 -> new MvauLayer(c.name(), c.inChannels() * c.kernelH() * c.kernelW(), c.outChannels(),
                    (long) c.batch() * c.outH() * c.outW(), false);
            case Conv2d c when c.depthwise() -> new MvauLayer(c.name(), c.kernelH() * c.kernelW(), c.outChannels(),
                    (long) c.batch() * c.outH() * c.outW(), true);
            case Conv2d c -> throw new IllegalArgumentException(c.name() + ": grouped convolution (" + c.groups()
                    + " groups) has no matrix-vector unit mapping; only dense and depthwise convolutions do");
            case Gemm g when g.m() == 0 -> null;                        // an idle expert: no work
            case Gemm g -> new MvauLayer(g.name(), Math.toIntExact(g.k()), Math.toIntExact(g.n()), g.m(), false);
            case Attention a -> null;
            case Norm n -> null;
            case Softmax s -> null;
            case Elementwise e -> null;
            case Embedding e -> null;
        };
    }

    public long macs() {
        return (long) mw * mh * vectors;
    }
}
