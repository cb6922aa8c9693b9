package io.quantarch.simulator.memory;

import io.quantarch.workloads.layer.Conv2d;

/**
 * Memory addresses of GEMM operand elements, as SCALE-Sim lays them out (operand_matrix.py): the ifmap in
 * NHWC order, {@code ((row * W + col) * C + ch)}, so the im2col duplicates of one pixel share an address; the
 * filter as {@code n * K + k}. Addresses start at 0 for each operand; -1 marks a window position outside the
 * input (SCALE-Sim's "padded address").
 */
public interface OperandLayout {

    /** Address of im2col ifmap element (m, k), or -1. */
    long ifmap(long m, long k);

    /** Address of filter element (k, n). */
    long filter(long k, long n);

    /** One more than the largest ifmap address. */
    long ifmapSpace();

    long filterSpace();

    /** A dense GEMM: ifmap {@code m * K + k}. */
    static OperandLayout gemm(long m, long n, long k) {
        return new OperandLayout() {
            @Override
            public long ifmap(long mm, long kk) {
                return mm * k + kk;
            }

            @Override
            public long filter(long kk, long nn) {
                return nn * k + kk;
            }

            @Override
            public long ifmapSpace() {
                return m * k;
            }

            @Override
            public long filterSpace() {
                return n * k;
            }
        };
    }

    /**
     * One group of a convolution, im2col as SCALE-Sim does it: the input padded by the layer's padding (SCALE-Sim
     * has no padding, so its topologies write it into the IFMAP dims), {@code C = inChannels / groups}.
     */
    static OperandLayout conv(Conv2d c) {
        long h = c.inH() + 2L * c.padH();
        long w = c.inW() + 2L * c.padW();
        long ch = c.inChannels() / c.groups();
        long outW = c.outW();
        long outHw = (long) c.outH() * outW;
        long kw = c.kernelW();
        long sh = c.strideH();
        long sw = c.strideW();
        long k = ch * c.kernelH() * kw;
        long n = c.outChannels() / c.groups();
        long image = h * w * ch;
        return new OperandLayout() {
            @Override
            public long ifmap(long m, long kk) {
                long b = m / outHw;
                long pix = m % outHw;
                long iRow = (pix / outW) * sh;
                long iCol = (pix % outW) * sw;
                long cRow = kk / (kw * ch);
                long rem = kk % (kw * ch);
                long cCol = rem / ch;
                long cCh = rem % ch;
                if (cRow + iRow >= h || cCol + iCol >= w) {
                    return -1;
                }
                return b * image + (iRow + cRow) * w * ch + (iCol + cCol) * ch + cCh;
            }

            @Override
            public long filter(long kk, long nn) {
                return nn * k + kk;
            }

            @Override
            public long ifmapSpace() {
                return c.batch() * image;
            }

            @Override
            public long filterSpace() {
                return n * k;
            }
        };
    }
}
