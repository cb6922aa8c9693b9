package io.quantarch.simulator.nest.mapspace;

import io.quantarch.simulator.nest.NestArchitecture;
import io.quantarch.simulator.nest.NestMapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One point of a {@link MapSpace}: per slot (a storage level's temporal loops, or a mesh) the factor of every dimension;
 * per slot the order of its non-unit loops, innermost first (at a mesh: the ones along X first, {@code xCount} of them,
 * then along Y); per storage level and data space whether the level keeps it.
 */
public record MapPoint(long[][] factor, int[][] order, int[] xCount, boolean[][] keep) {

    /** The loop nest this point stands for, as the model reads it. */
    public NestMapping toMapping(MapSpace s) {
        List<NestMapping.Level> out = new ArrayList<>(s.levels);
        for (int l = 0; l < s.levels; l++) {
            int t = s.temporalSlot[l];
            List<NestMapping.Loop> temporal = new ArrayList<>(order[t].length);
            for (int i = order[t].length - 1; i >= 0; i--) {
                temporal.add(new NestMapping.Loop(order[t][i], factor[t][order[t][i]]));
            }
            List<NestMapping.Loop> x = new ArrayList<>();
            List<NestMapping.Loop> y = new ArrayList<>();
            for (int f = 0; f < s.arch.fanouts().size(); f++) {
                NestArchitecture.Fanout fan = s.arch.fanouts().get(f);
                if (fan.position() != l + 1) {
                    continue;
                }
                int slot = s.fanoutSlot[f];
                for (int i = 0; i < order[slot].length; i++) {
                    (i < xCount[slot] ? x : y).add(new NestMapping.Loop(order[slot][i], factor[slot][order[slot][i]]));
                }
            }
            Set<String> kept = new LinkedHashSet<>();
            for (int ds = 0; ds < keep[l].length; ds++) {
                if (keep[l][ds]) {
                    kept.add(s.problem.dataSpaces().get(ds).name());
                }
            }
            out.add(new NestMapping.Level(temporal, x, y, kept));
        }
        return new NestMapping(out);
    }

    /** Product of the factors of the X (or Y) loops of a mesh slot. */
    public long meshProduct(int slot, boolean alongX) {
        long p = 1;
        for (int i = 0; i < order[slot].length; i++) {
            if ((i < xCount[slot]) == alongX) {
                p *= factor[slot][order[slot][i]];
            }
        }
        return p;
    }

    public MapPoint copy() {
        long[][] f = new long[factor.length][];
        int[][] o = new int[order.length][];
        for (int i = 0; i < f.length; i++) {
            f[i] = factor[i].clone();
            o[i] = order[i].clone();
        }
        boolean[][] k = new boolean[keep.length][];
        for (int i = 0; i < k.length; i++) {
            k[i] = keep[i].clone();
        }
        return new MapPoint(f, o, xCount.clone(), k);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MapPoint m && Arrays.deepEquals(factor, m.factor) && Arrays.deepEquals(order, m.order)
                && Arrays.equals(xCount, m.xCount) && Arrays.deepEquals(keep, m.keep);
    }

    @Override
    public int hashCode() {
        return ((Arrays.deepHashCode(factor) * 31 + Arrays.deepHashCode(order)) * 31 + Arrays.hashCode(xCount)) * 31 + Arrays.deepHashCode(keep);
    }

    @Override
    public String toString() {
        return "MapPoint" + Arrays.deepToString(factor) + Arrays.deepToString(order) + Arrays.toString(xCount) + Arrays.deepToString(keep);
    }
}
