package io.quantarch.simulator.functional;

import io.quantarch.simulator.array.ArraySpec;
import io.quantarch.simulator.array.FoldPlan;

/**
 * A register-level, cycle-stepped systolic array: every cycle each PE latches the operand arriving from its
 * left neighbour (and, for OS, the one from above), multiplies, and passes a partial sum down (WS, IS) or keeps
 * it (OS). Stationary operands are shifted in from the top edge, one row per cycle, in reverse row order.
 * Lanes beyond the GEMM carry zero padding so that every fold's wavefront crosses the whole array; a fold ends
 * in the cycle its last datum leaves the array, and the next fold starts in the next cycle.
 *
 * <p>It computes real integer results (two's complement accumulation with overflow reported) and its own cycle
 * count, which tests compare with {@link FoldPlan}'s closed form and with a direct computation.
 */
public final class CycleArray {

    /** The outcome of one GEMM on the array. */
    public record Run(long cycles, long[] out, boolean overflow) { }

    private CycleArray() {
    }

    /**
     * @param a codes of the input operand, row-major {@code [M][K]} (null for timing only)
     * @param b codes of the filter operand, row-major {@code [K][N]} (null for timing only)
     */
    public static Run run(ArraySpec spec, int[] a, int[] b, int m, int n, int k, IntAccumulator acc) {
        FoldPlan p = FoldPlan.of(spec, m, n, k);
        long[] out = new long[m * n];
        State s = new State(spec.rows(), spec.cols(), acc, a, b, m, n, k, out);
        long cycles = 0;
        for (long fc = 0; fc < p.colFolds(); fc++) {
            for (long fr = 0; fr < p.rowFolds(); fr++) {
                cycles += switch (spec.dataflow()) {
                    case OS -> s.outputStationary((int) (fr * spec.rows()), (int) (fc * spec.cols()));
                    case WS -> s.weightStationary((int) (fr * spec.rows()), (int) (fc * spec.cols()));
                    case IS -> s.inputStationary((int) (fr * spec.rows()), (int) (fc * spec.cols()));
                };
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = acc.wrap(out[i]);
        }
        return new Run(cycles, out, s.overflow);
    }

    private static final class State {
        final int rows;
        final int cols;
        final IntAccumulator acc;
        final int[] a;
        final int[] b;
        final int m;
        final int n;
        final int k;
        final long[] out;
        boolean overflow;
        // registers, [r * cols + c]
        final int[] moving;          // operand moving right
        final boolean[] movingValid;
        final int[] down;            // OS: operand moving down
        final boolean[] downValid;
        final long[] psum;           // WS/IS: partial sum moving down; OS: stationary accumulator
        final boolean[] psumValid;
        final int[] stationary;
        final boolean[] stationaryMoving;

        State(int rows, int cols, IntAccumulator acc, int[] a, int[] b, int m, int n, int k, long[] out) {
            this.rows = rows;
            this.cols = cols;
            this.acc = acc;
            this.a = a;
            this.b = b;
            this.m = m;
            this.n = n;
            this.k = k;
            this.out = out;
            int pes = rows * cols;
            moving = new int[pes];
            movingValid = new boolean[pes];
            down = new int[pes];
            downValid = new boolean[pes];
            psum = new long[pes];
            psumValid = new boolean[pes];
            stationary = new int[pes];
            stationaryMoving = new boolean[pes];
        }

        int aCode(int mm, int kk) {
            return a == null || mm >= m || kk >= k ? 0 : a[mm * k + kk];
        }

        int bCode(int kk, int nn) {
            return b == null || kk >= k || nn >= n ? 0 : b[kk * n + nn];
        }

        long add(long x, long y) {
            long s = x + y;
            if (acc.outOfRange(s)) {
                overflow = true;
            }
            return s;
        }

        void clear() {
            java.util.Arrays.fill(movingValid, false);
            java.util.Arrays.fill(downValid, false);
            java.util.Arrays.fill(psumValid, false);
            java.util.Arrays.fill(psum, 0);
            java.util.Arrays.fill(stationaryMoving, false);
        }

        /** Shifts a stationary block in from the top in {@code rows} cycles; element (r, c) from {@code value}. */
        void loadStationary(java.util.function.IntBinaryOperator value) {
            for (int t = 0; t < rows; t++) {
                for (int r = rows - 1; r >= 1; r--) {
                    for (int c = 0; c < cols; c++) {
                        stationary[r * cols + c] = stationary[(r - 1) * cols + c];
                    }
                }
                int srcRow = rows - 1 - t;                 // reverse order: the top row enters last
                for (int c = 0; c < cols; c++) {
                    stationary[c] = value.applyAsInt(srcRow, c);
                }
            }
        }

        /**
         * Streaming phase shared by WS and IS: the moving operand of row r, step s enters at cycle
         * {@code start + s + r}, moves right one PE per cycle; each PE adds moving x stationary to the partial sum
         * from above; the bottom row's partial sums leave the array. Returns the cycle after the last activity.
         */
        long stream(long start, int steps, java.util.function.IntBinaryOperator inject, OutputSink sink) {
            long t = start;
            long lastActive = start - 1;
            while (true) {
                boolean active = false;
                for (int r = rows - 1; r >= 0; r--) {
                    for (int c = cols - 1; c >= 0; c--) {
                        int i = r * cols + c;
                        int v;
                        boolean valid;
                        if (c == 0) {
                            long step = t - start - r;
                            valid = step >= 0 && step < steps;
                            v = valid ? inject.applyAsInt(r, (int) step) : 0;
                        } else {
                            v = moving[i - 1];
                            valid = movingValid[i - 1];
                        }
                        moving[i] = v;
                        movingValid[i] = valid;
                        long pin = r == 0 ? 0 : psum[i - cols];
                        boolean pinValid = r > 0 && psumValid[i - cols];
                        if (valid) {
                            psum[i] = add(pin, (long) v * stationary[i]);
                            psumValid[i] = true;
                        } else {
                            psum[i] = pin;
                            psumValid[i] = pinValid;
                        }
                        active |= valid || psumValid[i];
                        if (r == rows - 1 && psumValid[i] && valid) {
                            // the step this bottom PE worked on: t - start - (rows - 1) - c
                            sink.accept(c, (int) (t - start - (rows - 1) - c), psum[i]);
                        }
                    }
                }
                if (!active) {
                    break;
                }
                lastActive = t;
                t++;
            }
            return lastActive + 1;
        }

        long weightStationary(int k0, int n0) {
            clear();
            loadStationary((r, c) -> bCode(k0 + r, n0 + c));
            long end = stream(rows, m, (r, step) -> aCode(step, k0 + r), (c, step, value) -> {
                if (n0 + c < n && step < m) {
                    out[step * n + n0 + c] = add(out[step * n + n0 + c], value);
                }
            });
            return end;
        }

        long inputStationary(int k0, int m0) {
            clear();
            loadStationary((r, c) -> aCode(m0 + c, k0 + r));
            long end = stream(rows, n, (r, step) -> bCode(k0 + r, step), (c, step, value) -> {
                if (m0 + c < m && step < n) {
                    out[(m0 + c) * n + step] = add(out[(m0 + c) * n + step], value);
                }
            });
            return end;
        }

        long outputStationary(int m0, int n0) {
            clear();
            long t = 0;
            long lastActive = -1;
            while (true) {
                boolean active = false;
                for (int r = rows - 1; r >= 0; r--) {
                    for (int c = cols - 1; c >= 0; c--) {
                        int i = r * cols + c;
                        int av;
                        boolean aValid;
                        if (c == 0) {
                            long step = t - r;
                            aValid = step >= 0 && step < k;
                            av = aValid ? aCode(m0 + r, (int) step) : 0;
                        } else {
                            av = moving[i - 1];
                            aValid = movingValid[i - 1];
                        }
                        int bv;
                        boolean bValid;
                        if (r == 0) {
                            long step = t - c;
                            bValid = step >= 0 && step < k;
                            bv = bValid ? bCode((int) step, n0 + c) : 0;
                        } else {
                            bv = down[i - cols];
                            bValid = downValid[i - cols];
                        }
                        moving[i] = av;
                        movingValid[i] = aValid;
                        down[i] = bv;
                        downValid[i] = bValid;
                        if (aValid && bValid) {
                            psum[i] = add(psum[i], (long) av * bv);
                        }
                        active |= aValid || bValid;
                    }
                }
                if (!active) {
                    break;
                }
                lastActive = t;
                t++;
            }
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    if (m0 + r < m && n0 + c < n) {
                        out[(m0 + r) * n + n0 + c] = psum[r * cols + c];
                    }
                }
            }
            return lastActive + 1;
        }
    }

    @FunctionalInterface
    private interface OutputSink {
        void accept(int col, int step, long value);
    }
}
