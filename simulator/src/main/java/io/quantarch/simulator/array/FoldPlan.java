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
