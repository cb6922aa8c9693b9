package io.quantarch.workloads.layer;

import java.util.List;

/**
 * A 2-D convolution (cross-correlation), NCHW. Depthwise is {@code groups == inChannels}.
 * Output size {@code floor((H + 2 pad - R) / stride) + 1}. Lowered by im2col as SCALE-Sim does:
 * {@code M = batch x outH x outW}, {@code N = outChannels / groups}, {@code K = inChannels / groups x R x S},
 * repeated once per group.
 */
public record Conv2d(String name, int batch, int inChannels, int outChannels, int inH, int inW,
                     int kernelH, int kernelW, int strideH, int strideW, int padH, int padW, int groups,
                     boolean bias) implements Layer {

    public Conv2d {
        if (batch < 1 || inChannels < 1 || outChannels < 1 || inH < 1 || inW < 1 || kernelH < 1 || kernelW < 1
                || strideH < 1 || strideW < 1 || padH < 0 || padW < 0 || groups < 1) {
            throw new IllegalArgumentException(name + ": convolution dimensions must be positive");
        }
        if (inChannels % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException(name + ": channels " + inChannels + "->" + outChannels + " not divisible by groups " + groups);
        }
        if (inH + 2 * padH < kernelH || inW + 2 * padW < kernelW) {
            throw new IllegalArgumentException(name + ": kernel " + kernelH + "x" + kernelW + " larger than padded input " + inH + "x" + inW);
        }
        Sizes.macs(name, batch, (inH + 2L * padH - kernelH) / strideH + 1, (inW + 2L * padW - kernelW) / strideW + 1, outChannels,
                inChannels / groups, kernelH, kernelW);
    }

    /** A square-kernel, square-stride convolution with symmetric padding. */
    public static Conv2d of(String name, int batch, int in, int out, int size, int kernel, int stride, int pad, int groups, boolean bias) {
        return new Conv2d(name, batch, in, out, size, size, kernel, kernel, stride, stride, pad, pad, groups, bias);
    }

    public int outH() {
        return (inH + 2 * padH - kernelH) / strideH + 1;
    }

    public int outW() {
        return (inW + 2 * padW - kernelW) / strideW + 1;
    }

    public boolean depthwise() {
        return groups == inChannels && groups > 1;
    }

    @Override
    public long macs() {
        return (long) batch * outH() * outW() * outChannels * (inChannels / groups) * kernelH * kernelW;
    }

    @Override
    public long parameters() {
        return (long) outChannels * (inChannels / groups) * kernelH * kernelW + (bias ? outChannels : 0);
    }

    @Override
    public long inputElements() {
        return (long) batch * inChannels * inH * inW;
    }

    @Override
    public long outputElements() {
        return (long) batch * outChannels * outH() * outW();
    }

    @Override
    public List<GemmOp> gemms() {
        long m = (long) batch * outH() * outW();
        long n = outChannels / groups;
        long k = (long) (inChannels / groups) * kernelH * kernelW;
        return List.of(new GemmOp(name, m, n, k, groups, OperandKind.WEIGHT));
    }
}
