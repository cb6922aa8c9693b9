package io.quantarch.simulator.nest.mapspace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every point of a mapspace, in a fixed order: the factorizations (each dimension's free primes spread over its slots,
 * every distinct spread once), then for each the keep/bypass choices whose tiles fit, then every order of the non-unit
 * loops at each temporal slot and every distinct X/Y split at each mesh that fits it. Points that break a factor bound
 * or the utilization floor are skipped. Unit loops are never permuted (Timeloop's linear-pruned search).
 */
public final class Enumerator {

    /** Receives points; returns false to stop. */
    public interface Visitor {
        boolean visit(MapPoint p);
    }

    private final MapSpace s;
    /** Per dimension, its distinct spreads: the free part of its factor at each of its allowed slots. */
    private final long[][][] spreads;
    private final List<int[]> freeKeeps;

    public Enumerator(MapSpace s) {
        this.s = s;
        spreads = new long[s.dims][][];
        for (int d = 0; d < s.dims; d++) {
            spreads[d] = spreads(s.primes[d], s.allowed[d].length).toArray(new long[0][]);
        }
        freeKeeps = s.freeKeeps();
    }

    /** How many factorizations there are (the outer loop of the enumeration; Long.MAX_VALUE when more). */
    public long factorizations() {
        double n = 1;
        for (long[][] sp : spreads) {
            n *= sp.length;
        }
        return n >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) n;
    }

    /**
     * An upper bound on the points: factorizations x keep/bypass choices x, per slot, orders of the dimensions that can
     * be non-unit there (and at a mesh their X/Y subsets).
     */
    public double sizeBound() {
        double n = Math.pow(2, freeKeeps.size());
        for (long[][] sp : spreads) {
            n *= sp.length;
        }
        for (int sl = 0; sl < s.slots; sl++) {
            int k = 0;
            for (int d = 0; d < s.dims; d++) {
                if (s.exact[sl][d] > 1 || KeyDecoder.contains(s.allowed[d], sl)) {
                    k++;
                }
            }
            n *= s.spatial[sl] ? Math.pow(2, k) : factorial(k);
        }
        return n;
    }

    /**
     * The number of points {@link #visitFactorization} visits over all factorizations (the utilization floor aside), or
     * NaN when that takes more than {@code maxWork} factorization and keep/bypass pairs to go through.
     */
    public double count(long maxWork) {
        long n = factorizations();
        if (n * Math.pow(2, freeKeeps.size()) > maxWork) {
            return Double.NaN;
        }
        double total = 0;
        for (long i = 0; i < n; i++) {
            long[][] factor = factorization(i);
            if (!withinBounds(factor)) {
                continue;
            }
            double orders = 1;
            for (int sl = 0; sl < s.slots && orders > 0; sl++) {
                orders *= s.spatial[sl] ? meshChoices(sl, factor).size() : Orders.of(s, sl, factor).size();
            }
            for (long b = 0; b < 1L << freeKeeps.size() && orders > 0; b++) {
                total += fits(factor, keeps(b)) ? orders : 0;
            }
        }
        return total;
    }

    private boolean withinBounds(long[][] factor) {
        for (int sl = 0; sl < s.slots; sl++) {
            for (int d = 0; d < s.dims; d++) {
                long x = factor[sl][d];
                if ((s.max[sl][d] > 0 && x > s.max[sl][d]) || (s.min[sl][d] > 0 && x < s.min[sl][d])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Visits every valid point of factorization {@code index} (0 .. factorizations - 1); false if the visitor stopped. */
    public boolean visitFactorization(long index, Visitor v) {
        long[][] factor = factorization(index);
        if (!withinBounds(factor)) {
            return true;
        }
        for (long b = 0; b < 1L << freeKeeps.size(); b++) {
            boolean[][] keep = keeps(b);
            if (!fits(factor, keep)) {
                continue;
            }
            List<List<int[]>> choices = new ArrayList<>();
            for (int sl = 0; sl < s.slots; sl++) {
                List<int[]> c = s.spatial[sl] ? meshChoices(sl, factor) : Orders.of(s, sl, factor);
                if (c.isEmpty()) {
                    break;
                }
                choices.add(c);
            }
            if (choices.size() == s.slots && !visitOrders(factor, keep, choices, v)) {
                return false;
            }
        }
        return true;
    }

    private boolean visitOrders(long[][] factor, boolean[][] keep, List<List<int[]>> choices, Visitor v) {
        int[] at = new int[s.slots];
        while (true) {
            int[][] order = new int[s.slots][];
            int[] xCount = new int[s.slots];
            for (int sl = 0; sl < s.slots; sl++) {
                int[] c = choices.get(sl).get(at[sl]);
                order[sl] = s.spatial[sl] ? Arrays.copyOf(c, c.length - 1) : c;
                xCount[sl] = s.spatial[sl] ? c[c.length - 1] : 0;
            }
            MapPoint p = new MapPoint(factor, order, xCount, keep);
            if (s.violation(p) == 0 && !v.visit(p)) {
                return false;
            }
            int sl = s.slots - 1;
            while (sl >= 0 && ++at[sl] == choices.get(sl).size()) {
                at[sl--] = 0;
            }
            if (sl < 0) {
                return true;
            }
        }
    }

    long[][] factorization(long index) {
        long[][] factor = new long[s.slots][s.dims];
        for (int sl = 0; sl < s.slots; sl++) {
            for (int d = 0; d < s.dims; d++) {
                factor[sl][d] = Math.max(1, s.exact[sl][d]);
            }
        }
        long rest = index;
        for (int d = 0; d < s.dims; d++) {
            long[] spread = spreads[d][(int) (rest % spreads[d].length)];
            rest /= spreads[d].length;
            for (int i = 0; i < spread.length; i++) {
                factor[s.allowed[d][i]][d] *= spread[i];
            }
        }
        return factor;
    }

    private boolean[][] keeps(long bits) {
        boolean[][] keep = new boolean[s.levels][s.problem.dataSpaces().size()];
        for (int l = 0; l < s.levels; l++) {
            for (int ds = 0; ds < keep[l].length; ds++) {
                keep[l][ds] = s.keepRule[l][ds] != 0;
            }
        }
        for (int i = 0; i < freeKeeps.size(); i++) {
            keep[freeKeeps.get(i)[0]][freeKeeps.get(i)[1]] = (bits >> i & 1) == 1;
        }
        return keep;
    }

    private boolean fits(long[][] factor, boolean[][] keep) {
        for (int l = 1; l < s.levels; l++) {
            if (s.tileBits(factor, keep[l], l) > s.capacityBits[l]) {
                return false;
            }
        }
        return true;
    }

    /** A mesh's distinct X/Y splits that fit it: each as its loop order with the X count appended. */
    private List<int[]> meshChoices(int slot, long[][] factor) {
        Map<String, int[]> distinct = new LinkedHashMap<>();
        var mesh = s.mesh(slot);
        for (int[] order : Orders.of(s, slot, factor)) {
            int lo = s.split[slot] >= 0 ? Math.max(0, Math.min(order.length, s.split[slot] - (s.dims - order.length))) : 0;
            int hi = s.split[slot] >= 0 ? lo : order.length;
            for (int x = lo; x <= hi; x++) {
                long px = 1;
                long py = 1;
                boolean[] inX = new boolean[s.dims];
                for (int i = 0; i < order.length; i++) {
                    if (i < x) {
                        px *= factor[slot][order[i]];
                        inX[order[i]] = true;
                    } else {
                        py *= factor[slot][order[i]];
                    }
                }
                if (px <= mesh.meshX() && py <= mesh.meshY()) {
                    int[] c = Arrays.copyOf(order, order.length + 1);
                    c[order.length] = x;
                    distinct.putIfAbsent(Arrays.toString(inX), c);
                }
            }
        }
        return new ArrayList<>(distinct.values());
    }

    /** Every distinct way to spread the primes over {@code slots} slots, as the product each slot gets. */
    static List<long[]> spreads(long[] primes, int slots) {
        List<long[]> out = new ArrayList<>();
        if (slots == 0) {
            out.add(new long[0]);
            return out;
        }
        out.add(ones(slots));
        int i = 0;
        while (i < primes.length) {
            long p = primes[i];
            int k = 0;
            while (i < primes.length && primes[i] == p) {
                k++;
                i++;
            }
            List<long[]> next = new ArrayList<>();
            for (long[] base : out) {
                for (int[] comp : compositions(k, slots)) {
                    long[] f = base.clone();
                    for (int j = 0; j < slots; j++) {
                        for (int c = 0; c < comp[j]; c++) {
                            f[j] *= p;
                        }
                    }
                    next.add(f);
                }
            }
            out = next;
        }
        return out;
    }

    /** Weak compositions of {@code k} into {@code n} parts, in lexicographic order. */
    static List<int[]> compositions(int k, int n) {
        List<int[]> out = new ArrayList<>();
        compose(new int[n], 0, k, out);
        return out;
    }

    private static void compose(int[] parts, int i, int left, List<int[]> out) {
        if (i == parts.length - 1) {
            parts[i] = left;
            out.add(parts.clone());
            return;
        }
        for (int x = left; x >= 0; x--) {
            parts[i] = x;
            compose(parts, i + 1, left - x, out);
        }
    }

    private static long[] ones(int n) {
        long[] a = new long[n];
        Arrays.fill(a, 1);
        return a;
    }

    private static double factorial(int k) {
        double f = 1;
        for (int i = 2; i <= k; i++) {
            f *= i;
        }
        return f;
    }
}
