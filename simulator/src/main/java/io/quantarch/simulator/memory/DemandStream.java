package io.quantarch.simulator.memory;

import io.quantarch.simulator.array.Dataflow;
import io.quantarch.simulator.array.FoldPlan;

/**
 * The order in which a systolic array demands operand elements from its SRAMs, cycle by cycle, as SCALE-Sim
 * v2 builds its demand matrices (systolic_compute_{os,ws,is}.py): folds in column-fold-outer, row-fold-inner
 * order; within a fold, one row of the demand matrix per cycle, array lanes in index order; skewed operands
 * shifted one cycle per lane; WS weights and IS inputs loaded in reverse row order before streaming.
 * Also the DRAM fetch order SCALE-Sim's USER-mode buffers prefetch in (its prefetch matrices).
 */
public final class DemandStream {

    /** Receives one demanded element: the demand row (cycle index within the GEMM) and its address. */
    @FunctionalInterface
    public interface Sink {
        void accept(long row, long address);
    }

    private final FoldPlan p;
    private final OperandLayout layout;
    private final int rows;
    private final int cols;

    public DemandStream(FoldPlan plan, OperandLayout layout) {
        this.p = plan;
        this.layout = layout;
        this.rows = plan.array().rows();
        this.cols = plan.array().cols();
    }

    /** Ifmap demands (padding addresses of -1 are skipped, as SCALE-Sim's buffers skip them). */
    public void ifmap(Sink sink) {
        Dataflow d = p.array().dataflow();
        long fold = 0;
        for (long fc = 0; fc < p.colFolds(); fc++) {
            for (long fr = 0; fr < p.rowFolds(); fr++, fold++) {
                long base = fold * p.cyclesPerFold();
                switch (d) {
                    case OS -> skewed(base, fr * rows, rows, p.t(), 0, (lane, step) -> layout.ifmap(lane, step), p.m(), sink);
                    case WS -> skewed(base, fr * rows, rows, p.t(), rows, (lane, step) -> layout.ifmap(step, lane), p.k(), sink);
                    case IS -> stationary(base, fr * rows, fc * cols, (kk, mm) -> layout.ifmap(mm, kk), p.k(), p.m(), sink);
                }
            }
        }
    }

    /** Filter demands. */
    public void filter(Sink sink) {
        Dataflow d = p.array().dataflow();
        long fold = 0;
        for (long fc = 0; fc < p.colFolds(); fc++) {
            for (long fr = 0; fr < p.rowFolds(); fr++, fold++) {
                long base = fold * p.cyclesPerFold();
                switch (d) {
                    case OS -> skewed(base, fc * cols, cols, p.t(), 0, (lane, step) -> layout.filter(step, lane), p.n(), sink);
                    case WS -> stationary(base, fr * rows, fc * cols, (kk, nn) -> layout.filter(kk, nn), p.k(), p.n(), sink);
                    case IS -> skewed(base, fr * rows, rows, p.t(), rows, (lane, step) -> layout.filter(lane, step), p.k(), sink);
                }
            }
        }
    }

    @FunctionalInterface
    private interface Addr {
        long of(long lane, long step);
    }

    /**
     * A streamed operand: lane {@code l} (0..width-1) of the fold carries element {@code (first + l, step)} at fold
     * cycle {@code prefix + step + l} (one cycle of skew per lane).
     */
    private static void skewed(long base, long first, int width, long steps, int prefix, Addr addr, long laneLimit, Sink sink) {
        int used = (int) Math.min(width, laneLimit - first);
        long last = steps + width - 1;                  // unskewed rows 0..steps-1, plus skew
        for (long t = 0; t < last; t++) {
            long lo = Math.max(0, t - steps + 1);
            long hi = Math.min(used - 1, t);
            for (long l = lo; l <= hi; l++) {
                long a = addr.of(first + l, t - l);
                if (a >= 0) {
                    sink.accept(base + prefix + t, a);
                }
            }
        }
    }

    /**
     * A stationary block loaded before streaming: {@code R} rows in reverse order (the top element is pushed in
     * last), one row per cycle, lanes along the columns; rows beyond the operand are empty.
     */
    private void stationary(long base, long rowFirst, long colFirst, Addr addr, long rowLimit, long colLimit, Sink sink) {
        for (int j = 0; j < rows; j++) {
            long r = rowFirst + (rows - 1 - j);
            if (r >= rowLimit) {
                continue;
            }
            for (int c = 0; c < cols; c++) {
                long col = colFirst + c;
                if (col >= colLimit) {
                    break;
                }
                long a = addr.of(r, col);
                if (a >= 0) {
                    sink.accept(base + j, a);
                }
            }
        }
    }

    // ---- USER-mode fetch order (SCALE-Sim prefetch matrices) ----------------------------------------------

    /**
     * Ifmap fetch order: the operand per fold of the dimension the ifmap is tiled on, stacked, and rolled out
     * along anti-diagonals where the demand is skewed (OS and WS); IS loads its stationary inputs in order.
     * Empty (-1) entries are kept as -1 so that line arithmetic matches SCALE-Sim's.
     */
    public long[] ifmapFetchOrder() {
        return switch (p.array().dataflow()) {
            case OS -> rolled(p.rowFolds(), rows, p.k(), (fold, lane, step) -> lane + fold * rows < p.m() ? layout.ifmap(fold * rows + lane, step) : -1);
            case WS -> rolled(p.rowFolds(), rows, p.m(), (fold, lane, step) -> lane + fold * rows < p.k() ? layout.ifmap(step, fold * rows + lane) : -1);
            case IS -> stacked(p.colFolds(), cols, p.k(), (fold, lane, step) -> lane + fold * cols < p.m() ? layout.ifmap(fold * cols + lane, step) : -1);
        };
    }

    /** Filter fetch order (rolled for OS and IS, stacked for WS). */
    public long[] filterFetchOrder() {
        return switch (p.array().dataflow()) {
            case OS -> rolled(p.colFolds(), cols, p.k(), (fold, lane, step) -> lane + fold * cols < p.n() ? layout.filter(step, fold * cols + lane) : -1);
            case WS -> stacked(p.colFolds(), cols, p.k(), (fold, lane, step) -> lane + fold * cols < p.n() ? layout.filter(step, fold * cols + lane) : -1);
            case IS -> rolled(p.rowFolds(), rows, p.n(), (fold, lane, step) -> lane + fold * rows < p.k() ? layout.filter(fold * rows + lane, step) : -1);
        };
    }

    @FunctionalInterface
    private interface FoldAddr {
        long of(long fold, long lane, long step);
    }

    /** Matrix of (folds x steps) rows by {@code width} lanes, row-major. */
    private static long[] stacked(long folds, int width, long steps, FoldAddr a) {
        long n = folds * steps * width;
        long[] out = new long[Math.toIntExact(n)];
        int i = 0;
        for (long f = 0; f < folds; f++) {
            for (long s = 0; s < steps; s++) {
                for (int l = 0; l < width; l++) {
                    out[i++] = a.of(f, l, s);
                }
            }
        }
        return out;
    }

    /** The same matrix read along anti-diagonals: for each diagonal d, rows from high to low. */
    private static long[] rolled(long folds, int width, long steps, FoldAddr a) {
        long m = folds * steps;
        long n = m * width;
        long[] out = new long[Math.toIntExact(n)];
        int i = 0;
        for (long d = 0; d < m + width; d++) {
            long maxRow = Math.min(d, m - 1);
            long minRow = Math.max(0, d - width + 1);
            for (long row = maxRow; row >= minRow; row--) {
                long col = d - row;
                out[i++] = a.of(row / steps, col, row % steps);
            }
        }
        return out;
    }
}
