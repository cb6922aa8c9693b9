package io.quantarch.pricing.nest;

import io.quantarch.simulator.nest.NestArchitecture;
import io.quantarch.simulator.nest.NestCounts;

import java.util.ArrayList;
import java.util.List;

/**
 * Prices a loop nest's counts as Timeloop does (reference/timeloop README): per storage level and data space, per
 * instance {@code ceil(reads/B) E_read + ceil(fills/B) E_write + ceil(updates/B) E_update} with {@code B} the words
 * of that data space per vector access, times the clusters holding a tile (an access serves a whole cluster; one
 * instance per cluster unless the level says cluster_size); leakage per cycle per such instance over
 * the run; computes times the compute energy; area of every instance.
 */
public final class NestPricing {

    private NestPricing() {
    }

    /** Prices per storage level, looked up once: {read, write, update, leak per cycle} pJ. */
    public record Table(double[][] storage, double computePj, double areaUm2, String source) { }

    public static Table table(NestArchitecture a, NestPrices prices) {
        double[][] t = new double[a.storage().size()][];
        double area = a.arithmetic().instances() * prices.areaUm2(a.arithmetic());
        for (int l = 0; l < t.length; l++) {
            NestArchitecture.Storage s = a.storage().get(l);
            t[l] = new double[] {prices.readPj(s), prices.writePj(s), prices.updatePj(s), prices.leakPerCyclePj(s)};
            area += s.instances() * prices.areaUm2(s);
        }
        return new Table(t, prices.computePj(a.arithmetic()), area, prices.source());
    }

    public static NestResult price(NestCounts c, NestArchitecture a, NestPrices prices) {
        return price(c, a, table(a, prices));
    }

    public static NestResult price(NestCounts c, NestArchitecture a, Table prices) {
        List<NestResult.LevelStats> rows = new ArrayList<>();
        double storage = 0;
        long[] used = new long[a.storage().size()];
        for (NestCounts.Row r : c.levels()) {
            double[] pj = prices.storage()[r.level()];
            double e = (ceilDiv(r.reads(), r.block()) * pj[0] + ceilDiv(r.fills(), r.block()) * pj[1]
                    + ceilDiv(r.updates(), r.block()) * pj[2]) * r.utilizedClusters();
            storage += e;
            used[r.level()] = Math.max(used[r.level()], r.utilizedInstances());
            rows.add(new NestResult.LevelStats(r.levelName(), r.dataSpace(), r.instances(), r.utilizedInstances(), r.utilizedCapacity(),
                    r.reads(), r.fills(), r.updates(), r.temporalReductions(), r.bits(), e));
        }
        double leakage = 0;
        for (int l = 0; l < a.storage().size(); l++) {
            leakage += prices.storage()[l][3] * c.cycles() * used[l];
        }
        double compute = c.computes() * prices.computePj();
        double area = prices.areaUm2();
        double util = (double) c.computes() / (a.arithmetic().instances() * (double) c.cycles());
        return new NestResult(c.computes(), c.cycles(), util, storage + leakage + compute, area, compute, leakage, c.throttling(), rows,
                prices.source());
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
