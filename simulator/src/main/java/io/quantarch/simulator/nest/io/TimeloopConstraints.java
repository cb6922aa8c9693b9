package io.quantarch.simulator.nest.io;

import io.quantarch.config.ConfigException;
import io.quantarch.config.Names;
import io.quantarch.config.YamlNode;
import io.quantarch.simulator.nest.NestArchitecture;
import io.quantarch.simulator.nest.NestProblem;
import io.quantarch.simulator.nest.mapspace.NestConstraints;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads Timeloop v0.4 mapspace constraints: inline on the architecture's nodes ({@code constraints: {temporal, spatial,
 * dataspace}} on a component or a container with a mesh) and target lists ({@code constraints:},
 * {@code mapspace_constraints:}, {@code mapspace:} or {@code architecture_constraints:} with {@code targets:}, in the
 * architecture files or separate constraint files). Factors are {@code R=1}, {@code C4}, {@code M<=8} or {@code M>=2};
 * a permutation lists dimensions innermost first, with Timeloop's {@code _} separating the outermost ones. A constraint
 * given twice for the same level, keep and bypass of one data space, or a target the architecture does not have is an
 * error naming both places.
 */
public final class TimeloopConstraints {

    static final Set<String> TARGET_KEYS = Set.of("!", "target", "name", "type", "factors", "permutation", "split", "keep", "bypass", "min",
            "default_max_factor", "default_min_factor");
    static final List<String> TYPES = List.of("temporal", "spatial", "dataspace", "datatype", "bypass", "bypassing", "utilization", "parallelism");
    static final List<String> LIST_ROOTS = List.of("constraints", "mapspace_constraints", "mapspace", "architecture_constraints");

    private TimeloopConstraints() {
    }

    /** The constraints of the architecture files (inline and target lists) and of {@code constraintFiles}, merged. */
    public static NestConstraints read(List<Path> archFiles, List<Path> constraintFiles, NestProblem p, NestArchitecture a)
            throws ConfigException {
        ConstraintBuilder b = new ConstraintBuilder(p, a);
        for (Path f : archFiles) {
            YamlNode root = YamlNode.readTagged(f);
            if (root.has("architecture") && root.get("architecture").has("nodes")) {
                inline(root.get("architecture").get("nodes").list(), b);
            }
            for (String key : LIST_ROOTS) {
                if (root.has(key)) {
                    targets(root.get(key), b);
                }
            }
        }
        for (Path f : constraintFiles) {
            YamlNode root = YamlNode.readTagged(f);
            root.allowOnly(List.of("!", "constraints", "mapspace_constraints", "mapspace", "architecture_constraints", "variables", "version"));
            boolean any = false;
            for (String key : LIST_ROOTS) {
                if (root.has(key)) {
                    targets(root.get(key), b);
                    any = true;
                }
            }
            if (!any) {
                throw root.errorAt("a constraints file with one of " + LIST_ROOTS + " holding targets:", "none of them");
            }
        }
        return b.build();
    }

    private static void inline(List<YamlNode> nodes, ConstraintBuilder b) throws ConfigException {
        for (YamlNode n : nodes) {
            String tag = n.tag();
            if ("Parallel".equals(tag) || "Hierarchical".equals(tag)) {
                inline(n.get("nodes").list(), b);
                continue;
            }
            if ("Container".equals(tag) && n.has("name")) {
                b.containers.add(n.get("name").asText());
            }
            if ("Nothing".equals(tag) || !n.has("constraints") || !n.has("name")) {
                continue;                                                    // a placeholder keeps nothing, whatever it says
            }
            String name = n.get("name").asText();
            YamlNode c = n.get("constraints").allowOnly("temporal", "spatial", "dataspace", "utilization");
            if (c.has("temporal")) {
                directive(c.get("temporal"), name, "temporal", b);
            }
            if (c.has("spatial")) {
                directive(c.get("spatial"), name, "spatial", b);
            }
            if (c.has("dataspace")) {
                directive(c.get("dataspace"), name, "dataspace", b);
            }
            if (c.has("utilization")) {
                directive(c.get("utilization"), name, "utilization", b);
            }
        }
    }

    private static void targets(YamlNode root, ConstraintBuilder b) throws ConfigException {
        YamlNode list = root;
        if (root.isMapping()) {
            root.allowOnly("!", "version", "targets");
            if (!root.has("targets")) {
                return;
            }
            list = root.get("targets");
        }
        for (YamlNode d : list.list()) {
            d.allowOnly(TARGET_KEYS);
            String target = d.has("target") ? d.get("target").asText() : d.get("name").asText();
            String type = d.get("type").asChoice(TYPES);
            directive(d, target, type, b);
        }
    }

    private static void directive(YamlNode d, String target, String type, ConstraintBuilder b) throws ConfigException {
        d.allowOnly(TARGET_KEYS);
        switch (type) {
            case "temporal" -> {
                int level = b.arch.storageIndex(target);
                if (level < 0) {
                    requireStorageOrFanout(d, target, b);
                    b.spatialLevelTemporal(d);                               // a container's temporal loops: all 1
                } else {
                    b.loops(d, b.temporal.get(level), false);
                }
            }
            case "spatial" -> b.loops(d, b.spatial.get(fanout(d, target, b)), true);
            case "utilization", "parallelism" -> b.utilization(d);
            default -> {                                                     // open: dataspace, datatype, bypass and bypassing
                int level = b.arch.storageIndex(target);
                if (level < 0) {
                    requireStorageOrFanout(d, target, b);                    // a spatial level keeps nothing: nothing to choose
                } else {
                    b.keep(d, level);
                }
            }
        }
    }

    private static void requireStorageOrFanout(YamlNode d, String target, ConstraintBuilder b) throws ConfigException {
        if (fanoutNamed(target, b.arch) < 0 && !b.containers.contains(target)) {
            List<String> names = names(b.arch);
            throw d.errorAt("a target among the architecture's levels and containers " + names + Names.didYouMean(names, target),
                    "'" + target + "'");
        }
    }

    /** The fan-out a spatial constraint on {@code target} means: a container's mesh, or the first mesh below a storage level. */
    private static int fanout(YamlNode d, String target, ConstraintBuilder b) throws ConfigException {
        int f = fanoutNamed(target, b.arch);
        if (f >= 0) {
            return f;
        }
        int level = b.arch.storageIndex(target);
        if (level >= 0) {
            for (int i = 0; i < b.arch.fanouts().size(); i++) {
                if (b.arch.fanouts().get(i).position() == level + 1) {
                    return i;
                }
            }
            throw d.errorAt("a spatial constraint on a level with a mesh below it", "no mesh below '" + target + "'");
        }
        requireStorageOrFanout(d, target, b);
        throw d.errorAt("a spatial constraint on a container with a mesh (spatial: {meshX, meshY})", "'" + target + "' has no mesh");
    }

    static int fanoutNamed(String target, NestArchitecture a) {
        for (int i = 0; i < a.fanouts().size(); i++) {
            String c = a.fanouts().get(i).container();
            if (c.equals(target) || ("inter_" + c + "_spatial").equals(target)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> names(NestArchitecture a) {
        List<String> out = new ArrayList<>(a.storage().stream().map(NestArchitecture.Storage::name).toList());
        a.fanouts().forEach(f -> out.add(f.container()));
        return out;
    }
}
