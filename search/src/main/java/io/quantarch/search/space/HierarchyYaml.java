package io.quantarch.search.space;

import io.quantarch.config.ConfigException;
import io.quantarch.config.YamlNode;
import io.quantarch.search.mapper.MapperObjective;
import io.quantarch.simulator.nest.HierarchyParameters;
import io.quantarch.simulator.nest.NestArchitecture;
import io.quantarch.simulator.nest.io.TimeloopArchitecture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Timeloop hierarchy as a space's base:
 * <pre>
 * architecture:
 *   base: eyeriss_like.yaml                     # or a list: the hierarchy file, then its component files
 *   mapping: auto                               # every design's layers mapped by the mapper
 *   mapper: {budget: 2000, objective: edp, constraints: [extra.yaml], cost_model: horowitz45, ert: ERT.yaml, art: ART.yaml}
 *   genes:
 *     hierarchy.shared_glb.depth: [8192, 16384, 32768]
 *     hierarchy.PE.meshY: [8, 12, 16]
 * </pre>
 */
final class HierarchyYaml {

    private HierarchyYaml() {
    }

    /** The hierarchy base, or null when the base is not a Timeloop hierarchy. */
    static HierarchyBase read(YamlNode a, Path baseDir) throws ConfigException {
        if (!a.has("base")) {
            return null;
        }
        YamlNode b = a.get("base");
        List<Path> files = new ArrayList<>();
        if (b.isList()) {
            for (YamlNode f : b.list()) {
                files.add(resolve(baseDir, f.asText()));
            }
        } else if (!b.isMapping()) {
            files.add(resolve(baseDir, b.asText()));
        }
        if (files.isEmpty() || !isHierarchy(files.get(0))) {
            if (b.isList()) {
                throw b.errorAt("a list of files only for a Timeloop hierarchy (architecture: nodes:) and its component files", b.list().size() + " files");
            }
            return null;
        }
        if (!a.has("mapping") || !a.get("mapping").asText().equals("auto")) {
            throw a.errorAt("mapping: auto with a Timeloop hierarchy as the base (each design's layers are mapped by the mapper)",
                    a.has("mapping") ? "mapping: " + a.get("mapping").asText() : "no mapping");
        }
        NestArchitecture arch = TimeloopArchitecture.read(files);
        YamlNode m = a.has("mapper") ? a.get("mapper").allowOnly("budget", "objective", "constraints", "cost_model", "ert", "art") : null;
        long budget = m == null ? 2000 : m.longOr("budget", 2000, 1, Long.MAX_VALUE);
        MapperObjective objective = MapperObjective.EDP;
        if (m != null && m.has("objective")) {
            try {
                objective = MapperObjective.parse(m.get("objective").asText());
            } catch (IllegalArgumentException e) {
                throw m.get("objective").errorAt("edp, energy, delay or a comma-separated list of them", "'" + m.get("objective").asText() + "'");
            }
        }
        List<Path> constraints = new ArrayList<>();
        if (m != null && m.has("constraints")) {
            for (YamlNode c : m.get("constraints").list()) {
                constraints.add(existing(c, baseDir));
            }
        }
        Path ert = m != null && m.has("ert") ? existing(m.get("ert"), baseDir) : null;
        Path art = m != null && m.has("art") ? existing(m.get("art"), baseDir) : null;
        String table = m == null ? "horowitz45" : m.textOr("cost_model", "horowitz45");
        io.quantarch.pricing.nest.ModelPrices own;
        try {
            io.quantarch.cost.estimate.CostModels.byName(table + "@45");
            own = new io.quantarch.pricing.nest.ModelPrices(table);
        } catch (RuntimeException e) {
            throw m.get("cost_model").errorAt("a cost table (horowitz45, horowitz45@NODE)", "'" + table + "'");
        }
        if (ert != null) {
            io.quantarch.pricing.nest.ErtPrices.read(ert, art, arch, own);   // a table lacking an action fails here, not mid-search
        }
        double cycle = Double.parseDouble(arch.arithmetic().attributes().getOrDefault("global_cycle_seconds", "1e-9"));
        return new HierarchyBase(files, arch, constraints, budget, objective, table, ert, art, cycle);
    }

    static void checkGene(YamlNode n, String targetAttribute, HierarchyBase h) throws ConfigException {
        int dot = targetAttribute.lastIndexOf('.');
        String why = dot < 1 ? "a target and an attribute" : HierarchyParameters.check(h.base(), targetAttribute.substring(0, dot),
                targetAttribute.substring(dot + 1));
        if (why != null) {
            throw n.errorAt("hierarchy.TARGET.ATTRIBUTE naming " + why, "'hierarchy." + targetAttribute + "'");
        }
    }

    private static Path resolve(Path baseDir, String f) {
        return baseDir == null ? Path.of(f) : baseDir.resolve(f);
    }

    private static Path existing(YamlNode n, Path baseDir) throws ConfigException {
        Path p = resolve(baseDir, n.asText());
        if (!Files.isRegularFile(p)) {
            throw n.errorAt("an existing file", "'" + n.asText() + "' (" + p + " not found)");
        }
        return p;
    }

    static boolean isHierarchy(Path file) {
        if (!file.getFileName().toString().matches("(?i).*\\.ya?ml") || !Files.isRegularFile(file)) {
            return false;
        }
        try {
            YamlNode root = YamlNode.readTagged(file);
            return root.has("architecture") && root.get("architecture").has("nodes");
        } catch (ConfigException e) {
            return false;
        }
    }
}
