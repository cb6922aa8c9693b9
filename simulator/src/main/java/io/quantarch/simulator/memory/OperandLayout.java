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

    /** A value equal for layouts that give every element the same address (a key for remembered replays). */
    Object key();

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

            @Override
            public Object key() {
                return java.util.List.of("gemm", m, n, k);
            }
        };
    }

    /**
     * One group of a convolution, im2col as SCALE-Sim does it: the input padded by the layer's padding (SCALE-Sim
     * has no padding, so its topologies write it into the IFMAP dims), {@code C = inChannels / groups}.
     */
    static OperandLayout conv(Conv2d c) {
        return new ConvLayout(c);
    }

    /**
     * A convolution's im2col addresses. The address of (m, k) is a part of the output pixel m (image, window origin) plus
     * a part of the reduction index k (kernel row, column, channel), valid when the window stays inside the padded input;
     * both parts are tabulated on first use (no divisions per demand, which the compat-mode replay makes by the tens of
     * millions), within a bound on the tables' size, else computed per call.
     */
    final class ConvLayout implements OperandLayout {

        private static final long TABLE_LIMIT = 1 << 22;

        private final long h;
        private final long w;
        private final long ch;
        private final long outW;
        private final long outHw;
        private final long kw;
        private final long sh;
        private final long sw;
        private final long k;
        private final long n;
        private final long image;
        private final long batch;
        private volatile long[][] tables;                  // {m: base, iRow, iCol}, {k: offset, cRow, cCol}

        ConvLayout(Conv2d c) {
            h = c.inH() + 2L * c.padH();
            w = c.inW() + 2L * c.padW();
            ch = c.inChannels() / c.groups();
            outW = c.outW();
            outHw = (long) c.outH() * outW;
            kw = c.kernelW();
            sh = c.strideH();
            sw = c.strideW();
            k = ch * c.kernelH() * kw;
            n = c.outChannels() / c.groups();
            image = h * w * ch;
            batch = c.batch();
        }

        @Override
        public long ifmap(long m, long kk) {
            long[][] t = tables();
            if (t != null) {
                int mi = (int) m;
                int ki = (int) kk;
                long[] mt = t[0];
                long[] kt = t[1];
                if (kt[3 * ki + 1] + mt[3 * mi + 1] >= h || kt[3 * ki + 2] + mt[3 * mi + 2] >= w) {
                    return -1;
                }
                return mt[3 * mi] + kt[3 * ki];
            }
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

        /** The two tables (built once, the same values as the per-call arithmetic), or null when they would be too large. */
        private long[][] tables() {
            long[][] t = tables;
            long m = batch * outHw;
            if (t != null || m > TABLE_LIMIT || k > TABLE_LIMIT) {
                return t;
            }
            long[] mt = new long[(int) (3 * m)];
            for (long i = 0; i < m; i++) {
                long pix = i % outHw;
                long iRow = (pix / outW) * sh;
                long iCol = (pix % outW) * sw;
                mt[(int) (3 * i)] = (i / outHw) * image + iRow * w * ch + iCol * ch;
                mt[(int) (3 * i + 1)] = iRow;
                mt[(int) (3 * i + 2)] = iCol;
            }
            long[] kt = new long[(int) (3 * k)];
            for (long i = 0; i < k; i++) {
                long cRow = i / (kw * ch);
                long rem = i % (kw * ch);
                long cCol = rem / ch;
                kt[(int) (3 * i)] = cRow * w * ch + cCol * ch + rem % ch;
                kt[(int) (3 * i + 1)] = cRow;
                kt[(int) (3 * i + 2)] = cCol;
            }
            t = new long[][] {mt, kt};
            tables = t;
            return t;
        }

        @Override
        public long filter(long kk, long nn) {
            return nn * k + kk;
        }

        @Override
        public long ifmapSpace() {
            return batch * image;
        }

        @Override
        public long filterSpace() {
            return n * k;
        }

        @Override
        public Object key() {
            return java.util.List.of("conv", h, w, ch, outW, outHw, kw, sh, sw, k, n, batch);
        }
    }
}
