package io.quantarch.simulator.nest.io;

import io.quantarch.config.ConfigException;
import io.quantarch.config.YamlNode;
import io.quantarch.simulator.nest.NestArchitecture;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Timeloop v0.4 {@code architecture:} ({@code !Container}, {@code !Component} and {@code !Parallel} nodes,
 * attributes inherited from containers, {@code spatial: {meshX, meshY}} meshes) from one or more files merged as
 * Timeloop merges its inputs (top-level {@code variables:} from every file; {@code compound_components:} files are
 * accepted and their class names noted). The last component is the arithmetic; the others are storage levels, outermost
 * first; components inside a {@code !Parallel} block are consecutive levels, the first listed outermost.
 */
public final class TimeloopArchitecture {

    static final Set<String> NODE_KEYS = Set.of("!", "name", "class", "subclass", "attributes", "spatial", "constraints", "nodes",
            "required_actions", "area_scale", "energy_scale", "enabled", "power_gated_at");
    static final Set<String> TAGS = Set.of("Container", "Component", "Parallel", "Hierarchical", "Nothing");

    private TimeloopArchitecture() {
    }

    /** The architecture of {@code files} (the one holding {@code architecture:} and any component or variable files). */
    public static NestArchitecture read(List<Path> files) throws ConfigException {
        Map<String, Double> variables = new LinkedHashMap<>();
        YamlNode arch = null;
        for (Path f : files) {
            YamlNode root = YamlNode.readTagged(f);
            root.allowOnly("!", "architecture", "variables", "compound_components", "problem", "mapping", "mapper", "globals",
                    "architecture_constraints", "sparse_optimizations", "components");
            Attributes.readVariables(root, variables);
            if (root.has("architecture")) {
                if (arch != null) {
                    throw root.get("architecture").errorAt("one architecture among the --arch files", "a second one in " + f);
                }
                arch = root.get("architecture");
            }
        }
        if (arch == null) {
            throw new ConfigException(files.get(0).toString(), "key 'architecture'", "an architecture: with nodes", "none in " + files);
        }
        arch.allowOnly("!", "version", "nodes", "subtree", "local");
        Builder b = new Builder(variables);
        b.walk(arch.get("nodes").list(), Map.of(), 1);
        return b.build(arch);
    }

    private static final class Builder {
        final Map<String, Double> variables;
        final List<YamlNode> components = new ArrayList<>();
        final List<Map<String, String>> attrs = new ArrayList<>();
        final List<Long> instances = new ArrayList<>();
        final List<NestArchitecture.Fanout> fanouts = new ArrayList<>();
        final List<int[]> pendingMeshes = new ArrayList<>();
        final List<String> pendingNames = new ArrayList<>();

        Builder(Map<String, Double> variables) {
            this.variables = variables;
        }

        void walk(List<YamlNode> nodes, Map<String, String> inherited, long inst) throws ConfigException {
            Map<String, String> scope = new HashMap<>(inherited);
            long instances = inst;
            for (YamlNode n : nodes) {
                n.allowOnly(NODE_KEYS);
                String tag = n.tag();
                if (tag == null || !TAGS.contains(tag)) {
                    throw n.errorAt("a node tagged !Container, !Component, !Parallel, !Hierarchical or !Nothing", tag == null ? "an untagged node" : "!" + tag);
                }
                switch (tag) {
                    case "Nothing" -> { }                                     // a placeholder node: nothing to model
                    case "Parallel", "Hierarchical" -> walk(n.get("nodes").list(), scope, instances);
                    case "Container" -> {
                        Map<String, String> a = Attributes.read(n, scope, variables);
                        scope.putAll(a);
                        int[] mesh = mesh(n);
                        if (mesh[0] * mesh[1] > 1) {
                            pendingMeshes.add(mesh);
                            pendingNames.add(n.get("name").asText());
                            instances *= (long) mesh[0] * mesh[1];
                        }
                    }
                    default -> {                                             // open: "Component", the only other tag TAGS allows
                        int[] mesh = mesh(n);
                        if (mesh[0] * mesh[1] > 1) {
                            pendingMeshes.add(mesh);
                            pendingNames.add(n.get("name").asText());
                            instances *= (long) mesh[0] * mesh[1];
                        }
                        for (int i = 0; i < pendingMeshes.size(); i++) {
                            fanouts.add(new NestArchitecture.Fanout(pendingNames.get(i), pendingMeshes.get(i)[0], pendingMeshes.get(i)[1],
                                    components.size()));
                        }
                        pendingMeshes.clear();
                        pendingNames.clear();
                        components.add(n);
                        attrs.add(Attributes.read(n, scope, variables));
                        this.instances.add(instances);
                    }
                }
            }
        }

        static int[] mesh(YamlNode n) throws ConfigException {
            if (!n.has("spatial")) {
                return new int[] {1, 1};
            }
            YamlNode s = n.get("spatial").allowOnly("meshX", "meshY");
            return new int[] {s.intOr("meshX", 1, 1, 1 << 20), s.intOr("meshY", 1, 1, 1 << 20)};
        }

        NestArchitecture build(YamlNode arch) throws ConfigException {
            if (components.size() < 2) {
                throw arch.errorAt("at least one storage level above the arithmetic component", components.size() + " component(s)");
            }
            List<NestArchitecture.Storage> storage = new ArrayList<>();
            for (int i = 0; i < components.size() - 1; i++) {
                storage.add(storage(components.get(i), attrs.get(i), instances.get(i)));
            }
            int last = components.size() - 1;
            YamlNode c = components.get(last);
            NestArchitecture.Arithmetic a = new NestArchitecture.Arithmetic(c.get("name").asText(), c.get("class").asText(), instances.get(last),
                    Attributes.technologyNm(attrs.get(last), 45), attrs.get(last));
            for (NestArchitecture.Fanout f : fanouts) {
                if (f.position() == 0) {
                    throw arch.errorAt("a storage level above the mesh of " + f.container(), "the mesh above every storage level");
                }
            }
            return new NestArchitecture(storage, a, fanouts);
        }

        static NestArchitecture.Storage storage(YamlNode n, Map<String, String> a, long instances) throws ConfigException {
            String cls = n.get("class").asText();
            String name = n.get("name").asText();
            boolean dram = cls.equalsIgnoreCase("DRAM");
            long depth = dram ? -1 : number(n, a, "depth", -1);
            int width = (int) number(n, a, "width", dram ? 64 : -1);
            if (width < 1) {
                throw n.errorAt("attributes.width (bits per access)", "nothing for " + name);
            }
            // a vector shared by a cluster of instances: each instance's share of the width (Timeloop's cluster_size)
            long cluster = number(n, a, "cluster_size", 1);
            if (cluster > 1) {
                width = (int) Math.max(1, width / cluster);
            }
            Map<String, Integer> bits = new LinkedHashMap<>();
            int datawidth = width;
            String dw = a.get("datawidth");
            if (dw != null && dw.contains("=")) {
                for (String kv : dw.split(",")) {
                    String[] p = kv.split("=");
                    bits.put(p[0].trim(), Integer.parseInt(p[1].trim()));
                }
                datawidth = bits.values().stream().max(Integer::compare).orElse(width);
            } else if (dw != null) {
                datawidth = (int) number(n, a, "datawidth", width);
            } else if (a.containsKey("word_bits")) {
                datawidth = (int) number(n, a, "word_bits", width);
            }
            if (depth < 0 && !dram && a.containsKey("size")) {
                depth = number(n, a, "size", -1) * datawidth / width;
            }
            double nan = Double.NaN;
            return new NestArchitecture.Storage(name, cls, n.has("subclass") ? n.get("subclass").asText() : "", depth, width, datawidth, bits,
                    instances, bandwidth(n, a, "read_bandwidth"), bandwidth(n, a, "write_bandwidth"), bandwidth(n, a, "shared_bandwidth"),
                    a.containsKey("multiple_buffering") ? number(n, a, "multiple_buffering", 1) : 1, Attributes.technologyNm(a, 45), a);
        }

        static double bandwidth(YamlNode n, Map<String, String> a, String key) throws ConfigException {
            return a.containsKey(key) ? number(n, a, key, 0) : Double.POSITIVE_INFINITY;
        }

        static long number(YamlNode n, Map<String, String> a, String key, long def) throws ConfigException {
            String v = a.get(key);
            if (v == null) {
                return def;
            }
            try {
                return Math.round(Double.parseDouble(v));
            } catch (NumberFormatException e) {
                throw n.errorAt("attributes." + key + " as a number", "'" + v + "'");
            }
        }
    }
}
