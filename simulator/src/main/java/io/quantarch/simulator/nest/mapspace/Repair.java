package io.quantarch.simulator.nest.mapspace;

import io.quantarch.simulator.nest.NestArchitecture;

/**
 * Moves free primes of a decoded point until it is valid, or as far as it can: out of a slot above its factor bound,
 * out of a tile that overflows its level, out of a mesh too small for its loops. A prime always moves to the nearest
 * temporal slot outside the trouble that may take it, so a repair changes as little of the point as it can and never
 * undoes an earlier one (a tile depends only on the factors inside its level).
 */
final class Repair {

    private final MapSpace s;
    private final long[][] factor;
    private final int[] primeSlot;
    private final int[] primeStart;

    Repair(MapSpace s, long[][] factor, int[] primeSlot, int[] primeStart) {
        this.s = s;
        this.factor = factor;
        this.primeSlot = primeSlot;
        this.primeStart = primeStart;
    }

    /** Factors above their bound give primes to the nearest slot outside (else inside) that can take them. */
    void bounds() {
        for (int sl = 0; sl < s.slots; sl++) {
            for (int d = 0; d < s.dims; d++) {
                long max = s.max[sl][d];
                while (max > 0 && factor[sl][d] > max) {
                    int i = smallestPrimeAt(d, sl);
                    if (i < 0) {
                        break;
                    }
                    long p = s.primes[d][i - primeStart[d]];
                    int to = destination(d, p, sl, true);
                    if (to < 0) {
                        to = destination(d, p, sl, false);
                    }
                    if (to < 0) {
                        break;
                    }
                    move(d, i, to);
                }
            }
        }
    }

    /** Levels, innermost first, whose tiles overflow give primes from inside them to the slots above them. */
    void capacity(boolean[][] keep) {
        for (int l = s.levels - 1; l >= 1; l--) {
            if (s.capacityBits[l] == Double.POSITIVE_INFINITY) {
                continue;
            }
            boolean[] relevant = new boolean[s.dims];
            for (int ds = 0; ds < keep[l].length; ds++) {
                for (int d = 0; d < s.dims && keep[l][ds]; d++) {
                    relevant[d] |= s.uses[ds][d];
                }
            }
            int top = s.temporalSlot[l];
            while (s.tileBits(factor, keep[l], l) > s.capacityBits[l]) {
                if (!moveOneOut(relevant, top)) {
                    break;                                                   // nothing left to move: the point stays invalid
                }
            }
        }
    }

    private boolean moveOneOut(boolean[] relevant, int top) {
        for (int sl = top; sl < s.slots; sl++) {
            for (int d = 0; d < s.dims; d++) {
                if (!relevant[d]) {
                    continue;
                }
                int i = smallestPrimeAt(d, sl);
                if (i >= 0) {
                    int to = destination(d, s.primes[d][i - primeStart[d]], top, true);
                    if (to >= 0) {
                        move(d, i, to);
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** If the mesh's X or Y loops exceed it, moves one prime out of them and says so (the caller re-derives the split). */
    boolean meshOverflow(int slot, int[] order, int xCount) {
        NestArchitecture.Fanout f = s.mesh(slot);
        long x = 1;
        long y = 1;
        for (int i = 0; i < order.length; i++) {
            if (i < xCount) {
                x *= factor[slot][order[i]];
            } else {
                y *= factor[slot][order[i]];
            }
        }
        boolean alongX = x > f.meshX();
        if (!alongX && y <= f.meshY()) {
            return false;
        }
        int bestDim = -1;
        int best = -1;
        for (int i = alongX ? 0 : xCount; i < (alongX ? xCount : order.length); i++) {
            int j = smallestPrimeAt(order[i], slot);
            if (j >= 0 && (best < 0 || s.primes[order[i]][j - primeStart[order[i]]] < s.primes[bestDim][best - primeStart[bestDim]])) {
                best = j;
                bestDim = order[i];
            }
        }
        if (best < 0) {
            return false;
        }
        int to = destination(bestDim, s.primes[bestDim][best - primeStart[bestDim]], slot, true);
        if (to < 0) {
            return false;
        }
        move(bestDim, best, to);
        return true;
    }

    /** The index of the smallest free prime of {@code d} at {@code slot}, or -1. */
    private int smallestPrimeAt(int d, int slot) {
        int best = -1;
        for (int j = 0; j < s.primes[d].length; j++) {
            int i = primeStart[d] + j;
            if (primeSlot[i] == slot && (best < 0 || s.primes[d][j] < s.primes[d][best - primeStart[d]])) {
                best = i;
            }
        }
        return best;
    }

    /** The nearest temporal slot outside {@code boundary} (or inside it) that may take prime {@code p} of {@code d}; -1 if none. */
    private int destination(int d, long p, int boundary, boolean outward) {
        int[] allowed = s.allowed[d];
        int best = -1;
        for (int sl : allowed) {
            boolean side = outward ? sl < boundary : sl > boundary;
            long max = s.max[sl][d];
            if (side && !s.spatial[sl] && (max == 0 || factor[sl][d] * p <= max)) {
                if (best < 0 || (outward ? sl > best : sl < best)) {
                    best = sl;
                }
            }
        }
        return best;
    }

    private void move(int d, int prime, int to) {
        long p = s.primes[d][prime - primeStart[d]];
        factor[primeSlot[prime]][d] /= p;
        factor[to][d] *= p;
        primeSlot[prime] = to;
    }
}
