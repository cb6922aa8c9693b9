package io.quantarch.simulator.nest.mapspace;

import io.quantarch.config.ConfigException;
import io.quantarch.simulator.nest.NestArchitecture;
import io.quantarch.simulator.nest.NestModel;
import io.quantarch.simulator.nest.NestProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * The mappings of a problem on a hierarchy under its constraints (Timeloop's mapspace): every perfect factorization of
 * each dimension over the <em>slots</em> (each storage level's temporal loops and each mesh, outermost first), an order
 * of the non-unit loops at each slot, a split of each mesh's loops into X and Y, and the keep/bypass choices left open.
 * Construction checks the constraints against the problem and the architecture and names the one that leaves the space
 * empty; {@link #violation} says how far a point is from fitting (0 when every tile fits its level and every mesh its
 * loops).
 */
public final class MapSpace {

    public final NestProblem problem;
    public final NestArchitecture arch;
    public final NestConstraints constraints;
    public final int dims;
    public final int levels;
    public final int slots;
    final boolean[] spatial;
    final int[] owner;
    final int[] temporalSlot;
    final int[] fanoutSlot;
    final long[][] exact;
    final long[][] max;
    final long[][] min;
    final int[][] prefix;
    final int[][] suffix;
    final int[] split;
    /** Per dimension the primes of its bound left free by the exact factors, largest first. */
    final long[][] primes;
    /** Per dimension the slots that may take its free primes, outermost first. */
    final int[][] allowed;
    /** Per level and data space: 1 must keep, 0 must bypass, -1 the mapper's choice. */
    final int[][] keepRule;
    final boolean[][] uses;
    final double[] capacityBits;

    private MapSpace(NestProblem p, NestArchitecture a, NestConstraints c) {
        this.problem = p;
        this.arch = a;
        this.constraints = c;
        this.dims = p.dims().size();
        this.levels = a.storage().size();
        this.slots = levels + a.fanouts().size();
        spatial = new boolean[slots];
        owner = new int[slots];
        temporalSlot = new int[levels];
        fanoutSlot = new int[a.fanouts().size()];
        int s = 0;
        for (int l = 0; l < levels; l++) {
            temporalSlot[l] = s;
            owner[s++] = l;
            for (int f = 0; f < a.fanouts().size(); f++) {
                if (a.fanouts().get(f).position() == l + 1) {
                    fanoutSlot[f] = s;
                    spatial[s] = true;
                    owner[s++] = f;
                }
            }
        }
        exact = new long[slots][];
        max = new long[slots][];
        min = new long[slots][];
        prefix = new int[slots][];
        suffix = new int[slots][];
        split = new int[slots];
        for (int i = 0; i < slots; i++) {
            NestConstraints.LoopRule r = rule(i);
            exact[i] = r.exact();
            max[i] = r.max();
            min[i] = r.min();
            prefix[i] = r.prefix();
            suffix[i] = r.suffix();
            split[i] = spatial[i] ? r.split() : -1;
        }
        primes = new long[dims][];
        allowed = new int[dims][];
        keepRule = new int[levels][p.dataSpaces().size()];
        uses = new boolean[p.dataSpaces().size()][dims];
        for (int ds = 0; ds < uses.length; ds++) {
            for (int d = 0; d < dims; d++) {
                uses[ds][d] = p.dataSpaces().get(ds).uses(d);
            }
        }
        capacityBits = new double[levels];
        for (int l = 0; l < levels; l++) {
            capacityBits[l] = NestModel.capacityBits(a.storage().get(l));
        }
    }

    /** The mapspace, or the constraint that empties it. */
    public static MapSpace of(NestProblem p, NestArchitecture a, NestConstraints c) throws ConfigException {
        MapSpace m = new MapSpace(p, a, c);
        MapSpaceChecks.factors(m);
        MapSpaceChecks.keeps(m);
        MapSpaceChecks.smallestTilesFit(m);
        return m;
    }

    NestConstraints.LoopRule rule(int slot) {
        return spatial[slot] ? constraints.spatial().get(owner[slot]) : constraints.temporal().get(owner[slot]);
    }

    /** The slot's name in messages: its storage level, or its container. */
    public String slotName(int slot) {
        return spatial[slot] ? arch.fanouts().get(owner[slot]).container() : arch.storage().get(owner[slot]).name();
    }

    public boolean isSpatial(int slot) {
        return spatial[slot];
    }

    public int temporalSlot(int level) {
        return temporalSlot[level];
    }

    public NestArchitecture.Fanout mesh(int slot) {
        return arch.fanouts().get(owner[slot]);
    }

    /** Slots that may take free primes of {@code dim}, outermost first. */
    public int[] allowed(int dim) {
        return allowed[dim];
    }

    /** Free primes of {@code dim}, largest first. */
    public long[] primes(int dim) {
        return primes[dim];
    }

    public int[] prefix(int slot) {
        return prefix[slot];
    }

    public int[] suffix(int slot) {
        return suffix[slot];
    }

    /** Timeloop's split at a mesh slot, or -1 when it is free. */
    public int split(int slot) {
        return split[slot];
    }

    public int keepRule(int level, int ds) {
        return keepRule[level][ds];
    }

    public long exact(int slot, int dim) {
        return exact[slot][dim];
    }

    public long max(int slot, int dim) {
        return max[slot][dim];
    }

    /** Levels and data spaces whose keep/bypass is the mapper's choice, as {level, data space} pairs. */
    public List<int[]> freeKeeps() {
        List<int[]> out = new ArrayList<>();
        for (int l = 0; l < levels; l++) {
            for (int ds = 0; ds < keepRule[l].length; ds++) {
                if (keepRule[l][ds] < 0) {
                    out.add(new int[] {l, ds});
                }
            }
        }
        return out;
    }

    /** Per dimension the product of the factors at slot {@code from} and inside it. */
    long[] factorsFrom(long[][] factor, int from) {
        long[] f = new long[dims];
        java.util.Arrays.fill(f, 1);
        for (int s = from; s < slots; s++) {
            for (int d = 0; d < dims; d++) {
                f[d] *= factor[s][d];
            }
        }
        return f;
    }

    /** Bits of the tiles level {@code l} keeps under these factors. */
    double tileBits(long[][] factor, boolean[] keep, int l) {
        long[] f = factorsFrom(factor, temporalSlot[l]);
        double bits = 0;
        for (int ds = 0; ds < keep.length; ds++) {
            if (keep[ds]) {
                NestProblem.DataSpace d = problem.dataSpaces().get(ds);
                bits += NestModel.tile(d, f) * (double) arch.storage().get(l).bits(d.name());
            }
        }
        return bits;
    }

    /**
     * How far {@code m} is from a valid mapping: the sum of every tile's overflow of its level and every mesh's
     * overflow (as ratios above 1), factor bounds broken, and the utilization short of the least allowed; 0 when valid.
     */
    public double violation(MapPoint m) {
        double v = 0;
        for (int l = 1; l < levels; l++) {
            if (capacityBits[l] < Double.POSITIVE_INFINITY) {
                v += Math.max(0, tileBits(m.factor(), m.keep()[l], l) / capacityBits[l] - 1);
            }
        }
        long used = 1;
        for (int s = 0; s < slots; s++) {
            if (spatial[s]) {
                NestArchitecture.Fanout f = mesh(s);
                v += Math.max(0, (double) m.meshProduct(s, true) / f.meshX() - 1) + Math.max(0, (double) m.meshProduct(s, false) / f.meshY() - 1);
                used *= m.meshProduct(s, true) * m.meshProduct(s, false);
            }
            for (int d = 0; d < dims; d++) {
                long x = m.factor()[s][d];
                v += max[s][d] > 0 && x > max[s][d] ? (double) x / max[s][d] - 1 : 0;
                v += min[s][d] > 0 && x < min[s][d] ? (double) min[s][d] / x - 1 : 0;
            }
        }
        double util = used / (double) arch.arithmetic().instances();
        return v + Math.max(0, constraints.minUtilization() - util);
    }
}
