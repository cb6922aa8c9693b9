package io.quantarch.search.eval;

import io.quantarch.config.ConfigException;
import io.quantarch.pricing.nest.ErtPrices;
import io.quantarch.pricing.nest.ModelPrices;
import io.quantarch.pricing.nest.NestPrices;
import io.quantarch.pricing.nest.NestPricing;
import io.quantarch.search.mapper.Mapper;
import io.quantarch.search.mapper.MapperResult;
import io.quantarch.search.space.Design;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.HierarchyBase;
import io.quantarch.simulator.nest.LayerProblems;
import io.quantarch.simulator.nest.NestArchitecture;
import io.quantarch.simulator.nest.NestProblem;
import io.quantarch.simulator.nest.io.Precision;
import io.quantarch.simulator.nest.io.TimeloopConstraints;
import io.quantarch.simulator.nest.mapspace.MapSpace;
import io.quantarch.simulator.nest.mapspace.NestConstraints;
import io.quantarch.workloads.layer.Layer;

import java.math.BigDecimal;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A hierarchy design's cost: every layer's loop nests mapped by the mapper (one thread each; designs run in parallel),
 * each nest's best mapping cached by the design's hierarchy, its shape and its operand widths, so designs that share
 * them share the mapping. The mapper's seed for a nest derives from the space's seed and the nest's key, so a design
 * costs the same whatever else was evaluated before it.
 */
public final class HierarchyCost {

    /** Cycles and energy of a design's layers, or why it has none. */
    record Totals(double cycles, double energyPj, double areaMm2, String why) { }

    private final DesignSpace space;
    private final HierarchyBase h;
    private final ModelPrices own;
    private final ConcurrentHashMap<String, double[]> nests = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, NestConstraints> constraints = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Double> area = new ConcurrentHashMap<>();

    public HierarchyCost(DesignSpace space) {
        this.space = space;
        this.h = space.hierarchyBase();
        this.own = new ModelPrices(h.costTable());
    }

    /** The distinct loop nests mapped so far. */
    int mapped() {
        return nests.size();
    }

    Totals evaluate(Design d) {
        BigDecimal cycles = BigDecimal.ZERO;
        BigDecimal energy = BigDecimal.ZERO;
        for (Layer l : space.workload().layers()) {
            for (LayerProblems.Repeated r : LayerProblems.all(l)) {
                NestArchitecture a = Precision.apply(d.hierarchy(), d.policy(), l.name());
                String key = d.archKey() + "|" + LayerProblems.cacheKey(r.problem(), a);
                double[] c = nests.computeIfAbsent(key, k -> map(r.problem(), a, k));
                if (c.length == 0) {
                    return new Totals(Double.NaN, Double.NaN, Double.NaN, "layer " + l.name() + ": no valid mapping (" + failure(r.problem(), a) + ")");
                }
                cycles = cycles.add(new BigDecimal(c[0]).multiply(BigDecimal.valueOf(r.repeat())));
                energy = energy.add(new BigDecimal(c[1]).multiply(BigDecimal.valueOf(r.repeat())));
            }
        }
        double mm2 = area.computeIfAbsent(d.archKey(), k -> NestPricing.table(d.hierarchy(), prices(d.hierarchy())).areaUm2() / 1e6);
        return new Totals(cycles.doubleValue(), energy.doubleValue(), mm2, null);
    }

    /** {cycles, energy} of the best mapping found, or an empty array when there is none. */
    private double[] map(NestProblem p, NestArchitecture a, String key) {
        Nest n = best(p, a, key, 1);
        return n == null ? new double[0] : new double[] {n.result().cycles(), n.result().energyPj()};
    }

    /** One loop nest of a layer with its best mapping: the point, its Timeloop mapping file and its evaluation. */
    public record Nest(String layer, NestProblem problem, long repeat, String mappingYaml, io.quantarch.pricing.nest.NestResult result) { }

    /** The mapper's best mapping of {@code p} on {@code a} under the space's seed and budget; null when none is valid. */
    private Nest best(NestProblem p, NestArchitecture a, String key, long repeat) {
        try {
            MapSpace s = MapSpace.of(p, a, constraints(p, a));
            long seed = mix(space.search().seed(), key.hashCode());
            NestPricing.Table prices = NestPricing.table(a, prices(a));
            MapperResult r = Mapper.map(s, prices, new Mapper.Settings(h.objective(), "auto", h.budget(), seed, 1), null);
            if (!r.found()) {
                return null;
            }
            try (var e = new io.quantarch.search.mapper.MapperEvaluator(s, prices, 1)) {
                return new Nest(p.name(), p, repeat, io.quantarch.simulator.nest.io.TimeloopMappingWriter.yaml(s, r.best()), e.result(r.best()));
            }
        } catch (ConfigException e) {
            return null;
        }
    }

    /**
     * Every loop nest of a design with its mapping, for the front's breakdown: the same seeds as the search's, so the same
     * mappings; nests without a valid mapping are left out.
     */
    public static java.util.List<Nest> mappings(DesignSpace space, Design d) {
        HierarchyCost c = new HierarchyCost(space);
        java.util.Map<String, Nest> seen = new java.util.HashMap<>();
        java.util.List<Nest> out = new java.util.ArrayList<>();
        for (Layer l : space.workload().layers()) {
            for (LayerProblems.Repeated r : LayerProblems.all(l)) {
                NestArchitecture a = Precision.apply(d.hierarchy(), d.policy(), l.name());
                String key = d.archKey() + "|" + LayerProblems.cacheKey(r.problem(), a);
                Nest n = seen.computeIfAbsent(key, k -> c.best(r.problem(), a, k, 1));
                if (n != null) {
                    out.add(new Nest(l.name(), r.problem(), r.repeat(), n.mappingYaml(), n.result()));
                }
            }
        }
        return out;
    }

    /** Where the prices of a hierarchy space come from. */
    public static String priceSource(DesignSpace space, Design d) {
        return new HierarchyCost(space).prices(d.hierarchy()).source();
    }

    private String failure(NestProblem p, NestArchitecture a) {
        try {
            MapSpace.of(p, a, constraints(p, a));
            return "none found within the mapper's budget of " + h.budget();
        } catch (ConfigException e) {
            return e.getMessage();
        }
    }

    private NestConstraints constraints(NestProblem p, NestArchitecture a) throws ConfigException {
        String k = p.dims().toString() + p.dataSpaces().stream().map(NestProblem.DataSpace::name).toList();
        NestConstraints c = constraints.get(k);
        if (c == null) {
            c = TimeloopConstraints.read(h.files(), h.constraints(), p, a);
            constraints.putIfAbsent(k, c);
        }
        return c;
    }

    private NestPrices prices(NestArchitecture a) {
        if (h.ert() == null) {
            return own;
        }
        try {
            return ErtPrices.read(h.ert(), h.art(), a, own);
        } catch (ConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);          // checked when the space was read
        }
    }

    static long mix(long seed, long key) {
        long z = seed * 0x9E3779B97F4A7C15L + key * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
