package io.quantarch.search.mapper;

import io.quantarch.simulator.nest.mapspace.KeyDecoder;
import io.quantarch.simulator.nest.mapspace.MapPoint;
import io.quantarch.simulator.nest.mapspace.MapSpace;

import java.util.ArrayList;
import java.util.List;

/**
 * Steepest descent in key space: from a point, every neighbour one move away (a free prime to another slot, two
 * adjacent loops of a slot swapped, a mesh's split moved by one, one keep/bypass flipped) is decoded with repair and
 * priced as one batch; the best strictly better one (the first on ties) becomes the point, until none is better or the
 * budget is spent.
 */
final class LocalSearch {

    private LocalSearch() {
    }

    /** The point reached from {@code keys}; its keys are left in {@code keys}. */
    static MapperCost descend(MapperRun run, KeyDecoder decoder, double[] keys, MapperCost start) {
        MapSpace s = run.evaluator.space();
        MapperCost current = start;
        while (!run.spent()) {
            MapPoint here = decoder.decode(keys, true);
            List<double[]> moves = neighbours(s, decoder, keys, here);
            List<MapPoint> points = new ArrayList<>(moves.size());
            for (double[] k : moves) {
                points.add(decoder.decode(k, true));
            }
            List<MapperCost> costs = run.evaluate(points);
            int best = -1;
            for (int i = 0; i < costs.size(); i++) {
                MapperCost c = costs.get(i);
                if (c.valid() && run.order.compare(c, best < 0 ? current : costs.get(best)) < 0) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            System.arraycopy(moves.get(best), 0, keys, 0, keys.length);
            current = costs.get(best);
        }
        return current;
    }

    static List<double[]> neighbours(MapSpace s, KeyDecoder decoder, double[] keys, MapPoint here) {
        List<double[]> out = new ArrayList<>();
        for (int d = 0; d < s.dims; d++) {
            int n = s.allowed(d).length;
            for (int j = 0; j < s.primes(d).length; j++) {
                int k = decoder.primeKey(d, j);
                int at = Math.min(n - 1, (int) (keys[k] * n));
                for (int b = 0; b < n; b++) {
                    if (b != at) {
                        out.add(with(keys, k, (b + 0.5) / n));
                    }
                }
            }
        }
        for (int sl = 0; sl < s.slots; sl++) {
            int[] o = here.order()[sl];
            for (int i = 0; i + 1 < o.length; i++) {
                double[] k = keys.clone();
                int a = decoder.orderKey(sl, o[i]);
                int b = decoder.orderKey(sl, o[i + 1]);
                double t = k[a];
                k[a] = k[b];
                k[b] = t;
                out.add(k);
            }
            if (s.isSpatial(sl) && s.split(sl) < 0) {
                for (int x : new int[] {here.xCount()[sl] - 1, here.xCount()[sl] + 1}) {
                    if (x >= 0 && x <= o.length) {
                        out.add(with(keys, decoder.splitKey(sl), (x + 0.5) / (o.length + 1)));
                    }
                }
            }
        }
        for (int i = 0; i < decoder.freeKeeps(); i++) {
            int k = decoder.keepKey(i);
            out.add(with(keys, k, keys[k] >= 0.5 ? 0.25 : 0.75));
        }
        return out;
    }

    private static double[] with(double[] keys, int i, double v) {
        double[] k = keys.clone();
        k[i] = v;
        return k;
    }
}
