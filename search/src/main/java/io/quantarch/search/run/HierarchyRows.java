package io.quantarch.search.run;

import io.quantarch.pricing.nest.NestResult;
import io.quantarch.search.eval.HierarchyCost;
import io.quantarch.search.space.Design;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.simulator.nest.NestArchitecture;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The breakdown rows of a hierarchy front design: its layers (their loop nests mapped as in the search) and its storage levels. */
final class HierarchyRows {

    private HierarchyRows() {
    }

    static void layers(List<FrontBreakdown.LayerRow> rows, DesignSpace space, Design d, long eval) {
        double cycleS = space.hierarchyBase().cycleSeconds();
        NestArchitecture a = d.hierarchy();
        NestArchitecture.Storage dram = a.storage().get(0);
        double dramBytesPerCycle = Double.isInfinite(dram.readBandwidth()) ? Double.NaN : dram.readBandwidth() * dram.datawidth() / 8.0;
        Map<String, double[]> byLayer = new LinkedHashMap<>();
        for (HierarchyCost.Nest n : HierarchyCost.mappings(space, d)) {
            NestResult r = n.result();
            double[] t = byLayer.computeIfAbsent(n.layer(), k -> new double[4]);
            t[0] += r.computes() * n.repeat();
            t[1] += r.cycles() * n.repeat();
            t[2] += r.energyPj() * n.repeat();
            t[3] += dramBytes(r, dram.name()) * n.repeat();
        }
        for (Map.Entry<String, double[]> e : byLayer.entrySet()) {
            double[] t = e.getValue();
            rows.add(new FrontBreakdown.LayerRow(eval, e.getKey(), "loop-nest", (long) t[0], (long) t[1], t[1] * cycleS, t[2], t[3], Double.NaN,
                    2.0 * a.arithmetic().instances(), dramBytesPerCycle, 1 / cycleS));
        }
    }

    /** Bytes moved at the outermost level: its reads, fills and updates at each data space's bits. */
    private static double dramBytes(NestResult r, String level) {
        double bits = 0;
        for (NestResult.LevelStats s : r.levels()) {
            if (s.level().equals(level)) {
                bits += (double) (s.reads() + s.fills() + s.updates()) * s.utilizedInstances() * s.bits();
            }
        }
        return bits / 8;
    }

    static void components(List<FrontBreakdown.ComponentRow> rows, DesignSpace space, Design d, long eval) {
        Map<String, Double> dynamic = new LinkedHashMap<>();
        double compute = 0;
        double leakage = 0;
        for (HierarchyCost.Nest n : HierarchyCost.mappings(space, d)) {
            for (NestResult.LevelStats s : n.result().levels()) {
                dynamic.merge(s.level(), s.energyPj() * n.repeat(), Double::sum);
            }
            compute += n.result().computeEnergyPj() * n.repeat();
            leakage += n.result().leakagePj() * n.repeat();
        }
        String source = HierarchyCost.priceSource(space, d);
        for (Map.Entry<String, Double> e : dynamic.entrySet()) {
            rows.add(new FrontBreakdown.ComponentRow(eval, e.getKey(), e.getValue(), 0, source));
        }
        rows.add(new FrontBreakdown.ComponentRow(eval, d.hierarchy().arithmetic().name().toLowerCase(Locale.ROOT), compute, 0, source));
        rows.add(new FrontBreakdown.ComponentRow(eval, "storage leakage (all levels)", 0, leakage, source));
    }
}
