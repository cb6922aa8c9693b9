package io.quantarch.simulator.array;

/**
 * How one GEMM folds onto an array (SCALE-Sim v2 semantics, reference/scalesim README "How SCALE-Sim v2
 * computes cycles"): the {@code Sr x Sc} spatial extent is cut into {@code ceil(Sr/R) x ceil(Sc/C)} folds,
 * each of which fills, streams T steps and drains before the next starts; partial folds cost a full fold.
 *
 * @param sr        spatial extent along the array rows
 * @param sc        spatial extent along the array columns
 * @param t         temporal extent streamed per fold
 * @param rowFolds  ceil(Sr / R)
 * @param colFolds  ceil(Sc / C)
 * @param cyclesPerFold OS: T + R + C - 2; WS and IS: 2R + C + T - 2 (weight/input load R, skew, drain)
 * @param reductionLanes products of one output each PE reduces per cycle (1 for a single-MAC PE)
 */
public record FoldPlan(ArraySpec array, long m, long n, long k, long sr, long sc, long t,
                       long rowFolds, long colFolds, long cyclesPerFold, int reductionLanes) {

    public static FoldPlan of(ArraySpec a, long m, long n, long k) {
        return of(a, m, n, k, 1);
    }

    /**
     * With {@code timeFactor} cycles per streamed element (a bit-serial PE needs one cycle per activation bit):
     * the temporal extent T becomes {@code T x timeFactor}.
     */
    public static FoldPlan of(ArraySpec a, long m, long n, long k, int timeFactor) {
        return of(a, m, n, k, timeFactor, 1);
    }

    /**
     * With PEs that reduce {@code reductionLanes} products of one output per cycle (a dot-product unit, a fused
     * Bit Fusion unit): the reduction is mapped in groups of that many, so the array sees a GEMM of reduction
     * {@code ceil(K / lanes)} (on the rows for WS and IS, streamed for OS), while MACs stay M x N x K.
     */
    public static FoldPlan of(ArraySpec a, long m, long n, long k, int timeFactor, int reductionLanes) {
        Dataflow d = a.dataflow();
        long kMapped = ceilDiv(k, reductionLanes);
        long sr = d.sr(m, n, kMapped);
        long sc = d.sc(m, n, kMapped);
        long t = d.t(m, n, kMapped) * timeFactor;
        long rf = ceilDiv(sr, a.rows());
        long cf = ceilDiv(sc, a.cols());
        long perFold = switch (d) {
            case OS -> t + a.rows() + a.cols() - 2;
            case WS, IS -> 2L * a.rows() + a.cols() + t - 2;
        };
        return new FoldPlan(a, m, n, k, sr, sc, t, rf, cf, perFold, reductionLanes);
    }

    public long folds() {
        return rowFolds * colFolds;
    }

    /** Compute cycles of the GEMM (a count, not SCALE-Sim's last-cycle index). */
    public long computeCycles() {
        return folds() * cyclesPerFold;
    }

    /**
     * Compute cycles when the streamed extent is cut into {@code streamTiles} tiles (so partial sums of one tile
     * fit the output buffer): every tile of every fold pays the fold's fill and drain again.
     */
    public long computeCycles(long streamTiles) {
        return folds() * (streamTiles * (cyclesPerFold - t) + t);
    }

    /**
     * Compute cycles with pipelined folds (quantarch's own timing, {@code compat: none}). PEs hold a second register
     * bank, so the next fold's stationary block (WS: weights, IS: inputs; R cycles, one row per cycle) loads while the
     * current fold streams, and the array never drains between folds; OS accumulators are double-buffered the same way,
     * so a fold's outputs leave (R cycles) while the next fold computes. Fold-tile {@code i+1} starts {@code max(T_i, R)}
     * cycles after fold-tile {@code i} (OS: the first fold needs no bank, so the second starts {@code T_0} after it); the
     * first stationary load (WS, IS) and one wavefront skew {@code R + C - 2} are paid once per GEMM. A single fold gives
     * SCALE-Sim's per-fold count ({@code 2R + C + T - 2}, OS {@code T + R + C - 2}); {@link
     * io.quantarch.simulator.functional.PipelinedFolds} steps the same schedule cycle by cycle.
     */
    public long pipelinedCycles(long streamTiles) {
        long[] steps = tileSteps(streamTiles);
        long lastT = steps[steps.length - 1];
        if (folds() * steps.length == 1) {
            return firstLoad() + lastT + skew();
        }
        return firstLoad() + pipelinedBound(streamTiles) - Math.max(lastT, array.rows()) + lastT + skew();
    }

    /**
     * The array's own bound with pipelined folds: the time between fold-tile starts summed over all fold-tiles, each
     * {@code max(T_i, R)} (OS: the first is {@code T_0}), without the once-paid first load and skew.
     */
    public long pipelinedBound(long streamTiles) {
        long r = array.rows();
        long perFold = 0;
        for (long ti : tileSteps(streamTiles)) {
            perFold += Math.max(ti, r);
        }
        long bound = folds() * perFold;
        if (array.dataflow() == Dataflow.OS) {
            long first = tileSteps(streamTiles)[0];
            bound -= Math.max(first, r) - first;
        }
        return bound;
    }

    /** The streamed steps of every fold-tile in execution order (folds outer, tiles inner). */
    public long[] foldTileSteps(long streamTiles) {
        long[] tiles = tileSteps(streamTiles);
        long n = folds() * tiles.length;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(n + " fold-tiles is too many to list");
        }
        long[] out = new long[(int) n];
        for (int i = 0; i < out.length; i++) {
            out[i] = tiles[i % tiles.length];
        }
        return out;
    }

    /**
     * Streamed steps of each tile when the streamed extent is cut into {@code streamTiles} balanced tiles (the first
     * {@code T mod tiles} one step longer), in order.
     */
    public long[] tileSteps(long streamTiles) {
        if (streamTiles < 1 || streamTiles > Math.max(1, t)) {
            throw new IllegalArgumentException("cannot cut " + t + " streamed steps into " + streamTiles + " tiles");
        }
        long[] out = new long[(int) streamTiles];
        for (int i = 0; i < out.length; i++) {
            out[i] = t / streamTiles + (i < t % streamTiles ? 1 : 0);
        }
        return out;
    }

    /** Cycles paid once per pipelined GEMM: the first stationary load (WS, IS) and the wavefront's skew. */
    public long fillDrain() {
        return firstLoad() + skew();
    }

    private long firstLoad() {
        return array.dataflow() == Dataflow.OS ? 0 : array.rows();
    }

    private long skew() {
        return array.rows() + array.cols() - 2;
    }

    public long macs() {
        return m * n * k;
    }

    /** Rows used by row fold {@code i}. */
    public long rowsUsed(long i) {
        return Math.min(array.rows(), sr - i * array.rows());
    }

    public long colsUsed(long j) {
        return Math.min(array.cols(), sc - j * array.cols());
    }

    /**
     * SCALE-Sim's mapping efficiency: the unweighted mean over folds of used PEs / all PEs. The folds'
     * used rows and columns are full except the last of each, so the mean has a closed form.
     */
    public double mappingEfficiency() {
        long r = array.rows();
        long c = array.cols();
        long lastRows = sr - (rowFolds - 1) * r;
        long lastCols = sc - (colFolds - 1) * c;
        double rowSum = (rowFolds - 1) * r + lastRows;
        double colSum = (colFolds - 1) * c + lastCols;
        return (rowSum * colSum) / ((double) folds() * r * c);
    }

    /**
     * SCALE-Sim's "Compute Util": the unweighted mean over folds of used MACs x T / (R C fold_cycles), with its
     * own per-fold cycle estimate (T + R + C - 2 for OS, 2R + 2C + T - 3 for WS and IS).
     */
    public double scaleSimComputeUtil() {
        long r = array.rows();
        long c = array.cols();
        long foldCycles = switch (array.dataflow()) {
            case OS -> t + r + c - 2;
            case WS, IS -> 2 * r + 2 * c + t - 3;
        };
        return mappingEfficiency() * t / foldCycles;
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
