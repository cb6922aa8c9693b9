package io.quantarch.simulator.nest;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a mapping of a problem on a hierarchy with Timeloop's semantics (reference/timeloop README; its v0.4 model):
 * <ul>
 * <li>a level's tile of a data space is what the loops at that level and below touch, as an axis-aligned box in the
 * data space (a coordinate {@code sum c_d x_d} spans {@code sum c_d (F_d - 1) + 1} values, strided gaps included);</li>
 * <li>the tile changes along the loops above the level. Walking outward, loops that do not move the data space leave
 * it in place; the first loop that does ({@code l}) moves it: each of its iterations brings the part not already held
 * ({@code delta}: a sliding window where the box overlaps, but only when {@code l} is the innermost loop above the level;
 * with stationary loops inside it the whole tile); every loop outside {@code l} restarts it. A
 * level so receives {@code outer x (tile + (F_l - 1) delta)} words, its <em>arrivals</em>;</li>
 * <li>fills are the arrivals from the level above (none at the outermost level; for a read-write data space less each
 * element's first arrival, which needs no partial sum); a level's reads serve the fills of the next level down that
 * keeps the data space (or the computes, one operand each), summed over the instances below it but counted once for the
 * instances a spatial loop over an unrelated dimension shares (multicast; for partial sums, a spatial reduction), and at the innermost level of a
 * read-write data space they are the read-modify-write reads of its temporal reductions;</li>
 * <li>updates of a read-write data space come from the level below (its arrivals, drained back) or the computes;
 * temporal reductions are the updates less each element's first write;</li>
 * <li>cycles are the product of the temporal loops, stretched when a level needs more words per cycle than its
 * bandwidth.</li>
 * </ul>
 * It counts; pricing (energy per vector access, leakage, area) is the pricing module's {@code NestPricing}.
 */
public final class NestModel {

    private NestModel() {
    }

    /** Counts; {@link IllegalArgumentException} when a tile does not fit its level (naming both). */
    public static NestCounts analyze(NestProblem p, NestArchitecture a, NestMapping m) {
        LoopNest nest = LoopNest.of(m, p.dims().size());
        long perInstanceComputes = nest.temporalProduct();
        long cycles = perInstanceComputes;
        List<NestCounts.Row> rows = new ArrayList<>();
        double throttle = 1;
        for (int l = 0; l < a.storage().size(); l++) {
            NestArchitecture.Storage s = a.storage().get(l);
            long usedInstances = nest.spatialBefore(nest.start[l]);
            long cluster = Math.round(Double.parseDouble(s.attributes().getOrDefault("cluster_size", "1")));
            long usedClusters = cluster > 1 ? clusters(a, m, l, cluster) : usedInstances;
            long capacityBits = 0;
            long readWords = 0;
            long writeWords = 0;
            for (NestProblem.DataSpace ds : p.dataSpaces()) {
                if (!m.levels().get(l).keep().contains(ds.name())) {
                    continue;
                }
                Counts c = counts(m, nest, ds, l, perInstanceComputes);
                capacityBits += c.tile * s.bits(ds.name());
                readWords += c.reads;
                writeWords += c.fills + c.updates;
                rows.add(new NestCounts.Row(l, s.name(), ds.name(), s.instances(), usedInstances, usedClusters, c.tile, c.reads, c.fills,
                        c.updates, c.reductions, s.bits(ds.name()), s.block(ds.name())));
            }
            if (capacityBits > capacityBits(s)) {
                throw new IllegalArgumentException("level '" + s.name() + "': its tiles need " + capacityBits + " bits, its capacity is "
                        + s.depth() + " x " + s.widthBits() + " bits" + (s.multipleBuffering() > 1 ? " / " + s.multipleBuffering() + " buffers" : ""));
            }
            throttle = Math.max(throttle, Math.max(readWords / (s.readBandwidth() * cycles), writeWords / (s.writeBandwidth() * cycles)));
            throttle = Math.max(throttle, (readWords + writeWords) / (s.sharedBandwidth() * cycles));
        }
        return new NestCounts(p.computes(), (long) Math.ceil(cycles * throttle - 1e-9), throttle, rows);
    }

    /** Bits one instance of {@code s} holds for tiles (its size over its buffering); infinite for DRAM. */
    public static double capacityBits(NestArchitecture.Storage s) {
        return s.depth() < 0 ? Double.POSITIVE_INFINITY : s.depth() * (double) s.widthBits() / Math.max(1, s.multipleBuffering());
    }

    /**
     * Clusters holding a utilized instance when {@code cluster} instances share one vector access (Timeloop's
     * cluster_size): the instances of the meshes above the level laid out X-major, nested meshes inside their parent's
     * cells, clusters of consecutive instances.
     */
    static long clusters(NestArchitecture a, NestMapping m, int level, long cluster) {
        java.util.List<Long> xs = java.util.List.of(0L);
        java.util.List<Long> ys = java.util.List.of(0L);
        long meshX = 1;
        for (int p = 1; p <= level; p++) {
            long gx = 1;
            long gy = 1;
            for (NestArchitecture.Fanout f : a.fanouts()) {
                if (f.position() == p) {
                    gx *= f.meshX();
                    gy *= f.meshY();
                }
            }
            NestMapping.Level parent = m.levels().get(p - 1);
            xs = spread(xs, gx, product(parent.spatialX()));
            ys = spread(ys, gy, product(parent.spatialY()));
            meshX *= gx;
        }
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (long y : ys) {
            for (long x : xs) {
                ids.add((y * meshX + x) / cluster);
            }
        }
        return ids.size();
    }

    private static java.util.List<Long> spread(java.util.List<Long> outer, long mesh, long used) {
        java.util.List<Long> out = new java.util.ArrayList<>();
        for (long o : outer) {
            for (long i = 0; i < used; i++) {
                out.add(o * mesh + i);
            }
        }
        return out;
    }

    private static long product(List<NestMapping.Loop> loops) {
        long p = 1;
        for (NestMapping.Loop l : loops) {
            p *= l.factor();
        }
        return p;
    }

    /** One level's counts of one data space, per instance. */
    private record Counts(long tile, long reads, long fills, long updates, long reductions) { }

    private static Counts counts(NestMapping m, LoopNest nest, NestProblem.DataSpace ds, int l, long perInstanceComputes) {
        int start = nest.start[l];
        long tile = tile(ds, nest.factorsFrom(start));
        long arrivals = arrivals(ds, nest, start);
        long first = tile(ds, nest.distinctFactors(start));
        boolean outermost = true;
        for (int o = 0; o < l; o++) {
            outermost &= !m.levels().get(o).keep().contains(ds.name());
        }
        int child = -1;
        for (int c = l + 1; c < m.levels().size() && child < 0; c++) {
            if (m.levels().get(c).keep().contains(ds.name())) {
                child = c;
            }
        }
        long fills = outermost ? 0 : ds.readWrite() ? arrivals - first : arrivals;
        // what the level below (or the arithmetic) receives, per instance of it, and how many of its instances one word serves
        int below = child < 0 ? nest.dim.length : nest.start[child];
        long childArrivals = child < 0 ? perInstanceComputes : arrivals(ds, nest, below);
        long childFirst = child < 0 ? 0 : tile(ds, nest.distinctFactors(below));
        double union = union(ds, nest, nest.temporalEnd[l], below);
        long reads;
        long updates = 0;
        long reductions = 0;
        if (!ds.readWrite()) {
            long childFills = childArrivals;
            reads = Math.round(childFills * union);
        } else {
            updates = Math.round(childArrivals * union);
            reductions = Math.max(0, updates - first);
            reads = child < 0 ? reductions : Math.round((childArrivals - childFirst) * union);
        }
        return new Counts(tile, reads, fills, updates, reductions);
    }

    /**
     * How many words one instance of the level serves per word one instance below receives: the product of the spatial
     * loops between the two over dimensions that move the data space (each instance gets its own words, even where
     * neighbours' windows overlap, as in Timeloop's model); loops over other dimensions share one word (multicast, or
     * for partial sums a spatial reduction).
     */
    private static double union(NestProblem.DataSpace ds, LoopNest nest, int from, int to) {
        double f = 1;
        for (int i = from; i < to; i++) {
            if (nest.spatial[i] && ds.uses(nest.dim[i])) {
                f *= nest.factor[i];
            }
        }
        return f;
    }

    /** Words of the box the factors {@code f} span in data space {@code ds}. */
    public static long tile(NestProblem.DataSpace ds, long[] f) {
        long t = 1;
        for (List<NestProblem.Term> coord : ds.projection()) {
            long e = 1;
            for (NestProblem.Term term : coord) {
                e += term.coefficient() * (f[term.dim()] - 1);
            }
            t *= e;
        }
        return t;
    }

    /** Words the tile at loop position {@code pos} receives over the run (see the class comment). */
    static long arrivals(NestProblem.DataSpace ds, LoopNest nest, int pos) {
        long[] f = nest.factorsFrom(pos);
        long tile = tile(ds, f);
        int r = -1;
        for (int i = pos - 1; i >= 0 && r < 0; i--) {
            if (!nest.spatial[i] && nest.factor[i] > 1 && ds.uses(nest.dim[i])) {
                r = i;
            }
        }
        if (r < 0) {
            return tile;
        }
        int d = nest.dim[r];
        long stride = 1;
        for (int i = r + 1; i < nest.dim.length; i++) {
            if (nest.dim[i] == d) {
                stride *= nest.factor[i];
            }
        }
        long overlap = 1;
        for (List<NestProblem.Term> coord : ds.projection()) {
            long e = 1;
            long shift = 0;
            for (NestProblem.Term term : coord) {
                e += term.coefficient() * (f[term.dim()] - 1);
                if (term.dim() == d) {
                    shift += term.coefficient() * stride;
                }
            }
            overlap *= Math.max(0, e - shift);
        }
        // sliding-window reuse only when that loop is the innermost one above the level (Timeloop's model): with a
        // stationary loop inside it the tile is refetched whole at each of its steps
        boolean innermost = true;
        for (int i = r + 1; i < pos; i++) {
            innermost &= nest.spatial[i] || nest.factor[i] == 1;
        }
        long delta = innermost ? tile - overlap : tile;
        long outer = 1;
        for (int i = 0; i < r; i++) {
            if (!nest.spatial[i]) {
                outer *= nest.factor[i];
            }
        }
        return outer * (tile + (nest.factor[r] - 1) * delta);
    }

}
