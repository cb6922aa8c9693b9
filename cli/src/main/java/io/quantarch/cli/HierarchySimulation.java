package io.quantarch.cli;

import io.quantarch.cli.run.RunDirectory;
import io.quantarch.config.ConfigException;
import io.quantarch.config.YamlNode;
import io.quantarch.pricing.nest.NestPrices;
import io.quantarch.pricing.nest.NestPricing;
import io.quantarch.pricing.nest.NestResult;
import io.quantarch.search.mapper.Mapper;
import io.quantarch.search.mapper.MapperResult;
import io.quantarch.simulator.nest.LayerProblems;
import io.quantarch.simulator.nest.NestArchitecture;
import io.quantarch.simulator.nest.NestProblem;
import io.quantarch.simulator.nest.io.Precision;
import io.quantarch.simulator.nest.io.TimeloopArchitecture;
import io.quantarch.simulator.nest.io.TimeloopConstraints;
import io.quantarch.simulator.nest.io.TimeloopMappingWriter;
import io.quantarch.simulator.nest.mapspace.MapSpace;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.layer.Workload;
import io.quantarch.workloads.policy.QuantPolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code simulate --arch HIERARCHY.yaml --mapping auto}: every convolution and matrix layer of a workload mapped by the
 * mapper onto a Timeloop v0.4 hierarchy, layer after layer. A layer's best mapping is cached by its loop-nest shape,
 * its operand widths at every level and the architecture, so repeated shapes (ResNet's blocks) are mapped once.
 */
final class HierarchySimulation {

    /** The inputs of a whole-network mapping. */
    record Job(List<Path> arch, List<Path> constraints, QuantPolicy policy, PriceSource prices, Mapper.Settings settings) { }

    /** Prices for an architecture (an ERT, or quantarch's models), per layer's operand widths. */
    interface PriceSource {
        NestPrices of(NestArchitecture a) throws ConfigException;
    }

    /** One mapped loop nest of a layer. */
    record Mapped(NestProblem problem, long repeat, NestArchitecture arch, MapperResult search, NestResult result, String yaml, boolean cached) { }

    private HierarchySimulation() {
    }

    /** Whether {@code file} is a Timeloop v0.4 architecture ({@code architecture: nodes:}). */
    static boolean isHierarchy(Path file) {
        try {
            YamlNode root = YamlNode.readTagged(file);
            return root.has("architecture") && root.get("architecture").has("nodes");
        } catch (ConfigException e) {
            return false;
        }
    }

    /** Maps every layer; a layer without a matrix product gets no entry. */
    static Map<Layer, List<Mapped>> map(Main.Io io, Job job, Workload w) throws ConfigException {
        NestArchitecture base = TimeloopArchitecture.read(job.arch());
        Map<String, Mapped> cache = new HashMap<>();
        Map<Layer, List<Mapped>> out = new java.util.LinkedHashMap<>();
        int done = 0;
        boolean terminal = System.console() != null;
        for (Layer l : w.layers()) {
            List<Mapped> nests = new ArrayList<>();
            for (LayerProblems.Repeated r : LayerProblems.all(l)) {
                NestArchitecture a = job.policy() == null ? base : Precision.apply(base, job.policy(), l.name());
                String key = key(r.problem(), a);
                Mapped hit = cache.get(key);
                boolean cached = hit != null;
                if (!cached) {
                    hit = mapOne(job, r, a);
                    cache.put(key, hit);
                }
                nests.add(new Mapped(r.problem(), r.repeat(), a, hit.search(), hit.result(), hit.yaml(), cached));
            }
            out.put(l, nests);
            done++;
            if (terminal || done == w.layers().size()) {
                io.err().printf(Locale.ROOT, "\r  [%3d/%d layers] %d distinct loop nests mapped   ", done, w.layers().size(), cache.size());
                io.err().flush();
            }
        }
        io.err().println();
        return out;
    }

    private static Mapped mapOne(Job job, LayerProblems.Repeated r, NestArchitecture a) throws ConfigException {
        MapSpace space;
        try {
            space = MapSpace.of(r.problem(), a, TimeloopConstraints.read(job.arch(), job.constraints(), r.problem(), a));
        } catch (ConfigException e) {
            throw new ConfigException(e.file(), e.where(), e.expected() + " (layer " + r.problem().name() + ")", e.found());
        }
        NestPricing.Table prices = NestPricing.table(a, job.prices().of(a));
        MapperResult found = Mapper.map(space, prices, job.settings(), null);
        if (!found.found()) {
            throw ConfigException.of(job.arch().get(0).toString(), "no valid mapping of layer " + r.problem().name() + " among "
                    + found.evaluations() + " evaluated: the hierarchy cannot hold its smallest tiles, or the budget is too small");
        }
        try (var e = new io.quantarch.search.mapper.MapperEvaluator(space, prices, 1)) {
            return new Mapped(r.problem(), r.repeat(), a, found, e.result(found.best()), TimeloopMappingWriter.yaml(space, found.best()), false);
        } catch (IllegalArgumentException e) {
            // the outermost level holds everything that is not kept below it: too small a top level is the hierarchy's fault
            throw new ConfigException(job.arch().get(0).toString(), "layer " + r.problem().name(), "a hierarchy whose levels hold the layer's tiles",
                    e.getMessage());
        }
    }

    static String key(NestProblem p, NestArchitecture a) {
        return LayerProblems.cacheKey(p, a);
    }

    static int run(Main.Io io, Job job, Workload w, Path out) throws ConfigException, IOException {
        RunDirectory.checkTarget(out);
        long t0 = System.nanoTime();
        Map<Layer, List<Mapped>> mapped = map(io, job, w);
        double seconds = (System.nanoTime() - t0) / 1e9;
        try (RunDirectory dir = RunDirectory.at(out)) {
            Files.createDirectories(dir.work().resolve("mappings"));
            HierarchyTables.write(dir.work(), job, w, mapped, seconds);
            Path done = dir.commit();
            HierarchyTables.Totals t = HierarchyTables.totals(mapped);
            io.out().println(String.format(Locale.ROOT, "%s on %s: %d of %d layers mapped (%d distinct shapes), %.4g MACs, %d cycles, %.4g uJ "
                            + "(%.3g pJ/MAC), EDP %.4g J*cycles; mapped in %.1f s",
                    w.name(), job.arch().get(0).getFileName(), t.mappedLayers(), w.layers().size(), t.distinct(), (double) t.macs(), t.cycles(),
                    t.energyPj() / 1e6, t.energyPj() / Math.max(1, t.macs()), t.energyPj() * 1e-12 * t.cycles(), seconds));
            io.out().println("Results: " + done);
        }
        return 0;
    }
}
