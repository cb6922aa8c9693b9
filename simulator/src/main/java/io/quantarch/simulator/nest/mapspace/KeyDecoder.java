package io.quantarch.simulator.nest.mapspace;

import io.quantarch.simulator.nest.NestArchitecture;

import java.util.List;

/**
 * Random keys to mapspace points (the representation of the genetic mapper and the random sampler): one key per free
 * prime of each dimension picks its slot, one key per slot and dimension orders the loops (smaller keys innermost), one
 * key per mesh picks its X/Y split where the constraints leave it free, one key per open keep/bypass choice. With
 * {@code repair}, the point is then moved to the nearest valid one: primes beyond a factor bound, beyond a mesh, or making
 * a tile overflow its level move to the nearest temporal slot outside (Lamarck-free: the keys stay as they are).
 */
public final class KeyDecoder {

    private final MapSpace s;
    private final int[] primeStart;
    private final int orderStart;
    private final int splitStart;
    private final int keepStart;
    private final int keys;
    private final List<int[]> freeKeeps;

    public KeyDecoder(MapSpace s) {
        this.s = s;
        primeStart = new int[s.dims];
        int k = 0;
        for (int d = 0; d < s.dims; d++) {
            primeStart[d] = k;
            k += s.primes[d].length;
        }
        orderStart = k;
        k += s.slots * s.dims;
        splitStart = k;
        k += s.slots;
        keepStart = k;
        freeKeeps = s.freeKeeps();
        keys = k + freeKeeps.size();
    }

    public int keys() {
        return keys;
    }

    /** The key placing free prime {@code j} of dimension {@code d}. */
    public int primeKey(int d, int j) {
        return primeStart[d] + j;
    }

    /** The key ordering dimension {@code d} at {@code slot}. */
    public int orderKey(int slot, int d) {
        return orderStart + slot * s.dims + d;
    }

    /** The key choosing the X/Y split of a mesh slot (used only where the constraints leave the split free). */
    public int splitKey(int slot) {
        return splitStart + slot;
    }

    /** The keys choosing keep or bypass, one per open choice, from here on. */
    public int keepKey(int i) {
        return keepStart + i;
    }

    public int freeKeeps() {
        return freeKeeps.size();
    }

    /** The leading keys, one per free prime, that choose the factorization; the rest choose orders, splits and bypass. */
    public int primeKeys() {
        return orderStart;
    }

    public MapPoint decode(double[] key, boolean repair) {
        long[][] factor = new long[s.slots][s.dims];
        int[] primeSlot = new int[orderStart];
        for (int sl = 0; sl < s.slots; sl++) {
            for (int d = 0; d < s.dims; d++) {
                factor[sl][d] = Math.max(1, s.exact[sl][d]);
            }
        }
        for (int d = 0; d < s.dims; d++) {
            int[] allowed = s.allowed[d];
            for (int j = 0; j < s.primes[d].length; j++) {
                int slot = allowed[Math.min(allowed.length - 1, (int) (key[primeStart[d] + j] * allowed.length))];
                primeSlot[primeStart[d] + j] = slot;
                factor[slot][d] *= s.primes[d][j];
            }
        }
        boolean[][] keep = new boolean[s.levels][s.problem.dataSpaces().size()];
        for (int l = 0; l < s.levels; l++) {
            for (int ds = 0; ds < keep[l].length; ds++) {
                keep[l][ds] = s.keepRule[l][ds] != 0;
            }
        }
        for (int i = 0; i < freeKeeps.size(); i++) {
            keep[freeKeeps.get(i)[0]][freeKeeps.get(i)[1]] = key[keepStart + i] >= 0.5;
        }
        Repair r = new Repair(s, factor, primeSlot, primeStart);
        if (repair) {
            r.bounds();
            r.capacity(keep);
        }
        int[][] order = new int[s.slots][];
        int[] xCount = new int[s.slots];
        for (int sl = 0; sl < s.slots; sl++) {
            order[sl] = order(sl, factor, key);
            xCount[sl] = s.spatial[sl] ? xCount(sl, order[sl].length, factor, key) : 0;
        }
        if (repair) {
            for (int sl = 0; sl < s.slots; sl++) {
                while (s.spatial[sl] && r.meshOverflow(sl, order[sl], xCount[sl])) {
                    order[sl] = order(sl, factor, key);
                    xCount[sl] = xCount(sl, order[sl].length, factor, key);
                }
            }
            for (int sl = 0; sl < s.slots; sl++) {
                order[sl] = order(sl, factor, key);                          // temporal slots that took primes
            }
        }
        return new MapPoint(factor, order, xCount, keep);
    }

    /** Non-unit dimensions of the slot, innermost first: the constraint's prefix, the free ones by key, its suffix. */
    private int[] order(int slot, long[][] factor, double[] key) {
        int[] out = new int[s.dims];
        int n = 0;
        for (int d : s.prefix[slot]) {
            if (factor[slot][d] > 1) {
                out[n++] = d;
            }
        }
        int freeStart = n;
        for (int d = 0; d < s.dims; d++) {
            if (factor[slot][d] > 1 && !contains(s.prefix[slot], d) && !contains(s.suffix[slot], d)) {
                int i = n++;
                double k = key[orderStart + slot * s.dims + d];
                while (i > freeStart && key[orderStart + slot * s.dims + out[i - 1]] > k) {
                    out[i] = out[i - 1];
                    i--;
                }
                out[i] = d;
            }
        }
        for (int d : s.suffix[slot]) {
            if (factor[slot][d] > 1) {
                out[n++] = d;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * Loops along X at a mesh: with a split from the constraints, those the split reaches once the unit factors are
     * counted first (Timeloop's order); otherwise the key's choice, all of them on a mesh one wide in Y and none on one
     * wide in X.
     */
    private int xCount(int slot, int nonUnit, long[][] factor, double[] key) {
        if (s.split[slot] >= 0) {
            return Math.max(0, Math.min(nonUnit, s.split[slot] - (s.dims - nonUnit)));
        }
        NestArchitecture.Fanout f = s.mesh(slot);
        if (f.meshY() == 1) {
            return nonUnit;
        }
        if (f.meshX() == 1) {
            return 0;
        }
        return Math.min(nonUnit, (int) (key[splitStart + slot] * (nonUnit + 1)));
    }

    static boolean contains(int[] a, int x) {
        for (int v : a) {
            if (v == x) {
                return true;
            }
        }
        return false;
    }
}
