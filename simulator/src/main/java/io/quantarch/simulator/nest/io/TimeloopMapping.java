package io.quantarch.simulator.nest.io;

import io.quantarch.config.ConfigException;
import io.quantarch.config.Names;
import io.quantarch.config.YamlNode;
import io.quantarch.simulator.nest.NestArchitecture;
import io.quantarch.simulator.nest.NestMapping;
import io.quantarch.simulator.nest.NestProblem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a Timeloop {@code mapping:} list: {@code temporal} and {@code spatial} directives with {@code factors}
 * ({@code R=3 P=16}, {@code C1 M8}, a list or a mapping) and {@code permutation} (first letter the innermost loop;
 * {@code split: n} puts the first n spatial dimensions on mesh X), and {@code dataspace}/{@code datatype}/{@code bypass}
 * directives with {@code keep} and {@code bypass}. A spatial target is the container holding the mesh,
 * {@code inter_NAME_spatial}, or the storage level above the mesh. Factors must multiply to each dimension's bound and
 * fit the meshes.
 */
public final class TimeloopMapping {

    private TimeloopMapping() {
    }

    public static NestMapping read(Path file, NestProblem p, NestArchitecture a) throws ConfigException {
        YamlNode root = YamlNode.readTagged(file);
        root.allowOnly("!", "mapping", "variables");
        return parse(root.get("mapping"), p, a);
    }

    public static NestMapping parse(YamlNode mapping, NestProblem p, NestArchitecture a) throws ConfigException {
        int levels = a.storage().size();
        List<List<NestMapping.Loop>> temporal = new ArrayList<>();
        List<List<NestMapping.Loop>> sx = new ArrayList<>();
        List<List<NestMapping.Loop>> sy = new ArrayList<>();
        List<Set<String>> keep = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            temporal.add(new ArrayList<>());
            sx.add(new ArrayList<>());
            sy.add(new ArrayList<>());
            keep.add(new LinkedHashSet<>(p.dataSpaces().stream().map(NestProblem.DataSpace::name).toList()));
        }
        List<String> targets = new ArrayList<>(a.storage().stream().map(NestArchitecture.Storage::name).toList());
        for (NestArchitecture.Fanout f : a.fanouts()) {
            targets.add(f.container());
            targets.add("inter_" + f.container() + "_spatial");
        }
        for (YamlNode d : mapping.list()) {
            d.allowOnly("!", "target", "type", "factors", "permutation", "split", "keep", "bypass");
            String target = d.get("target").asText();
            String type = d.get("type").asChoice(List.of("temporal", "spatial", "dataspace", "datatype", "bypass"));
            int level = a.storageIndex(target);
            NestArchitecture.Fanout fan = fanout(a, target);
            if (level < 0 && fan == null) {
                throw d.get("target").errorAt("a level or container of the architecture " + targets + Names.didYouMean(targets, target),
                        "'" + target + "'");
            }
            switch (type) {
                case "temporal" -> {
                    List<NestMapping.Loop> loops = loops(d, p);
                    if (level < 0) {
                        if (loops.stream().anyMatch(l -> l.factor() > 1)) {
                            throw d.errorAt("temporal factors of 1 at the spatial level " + target, "factors above 1");
                        }
                        continue;
                    }
                    temporal.set(level, loops);
                }
                case "spatial" -> spatial(d, p, a, level, fan, sx, sy);
                default -> {                                                  // open: dataspace, datatype and bypass directives
                    if (level >= 0) {                                         // a spatial level keeps nothing anyway
                        keep(d, p, keep.get(level));
                    }
                }
            }
        }
        check(mapping, p, temporal, sx, sy);
        List<NestMapping.Level> out = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            out.add(new NestMapping.Level(temporal.get(i), sx.get(i), sy.get(i), keep.get(i)));
        }
        return new NestMapping(out);
    }

    private static void spatial(YamlNode d, NestProblem p, NestArchitecture a, int level, NestArchitecture.Fanout fan,
                                List<List<NestMapping.Loop>> sx, List<List<NestMapping.Loop>> sy) throws ConfigException {
        int above = fan != null ? fan.position() - 1 : level;
        NestArchitecture.Fanout mesh = fan != null ? fan : fanoutBelow(a, level);
        if (mesh == null) {
            throw d.get("target").errorAt("a level with a mesh below it", "no mesh below '" + d.get("target").asText() + "'");
        }
        long[] f = factors(d, p);
        List<Integer> order = order(d, p);                                    // every dimension, innermost first
        // split counts positions in the whole permutation, unit factors included (Timeloop's mapping parser); all X without it
        int split = d.has("split") ? d.get("split").asInt(0, 64) : order.size();
        long x = 1;
        long y = 1;
        for (int i = 0; i < order.size(); i++) {
            int dim = order.get(i);
            if (f[dim] == 1) {
                continue;
            }
            NestMapping.Loop loop = new NestMapping.Loop(dim, f[dim]);
            if (i < split) {
                sx.get(above).add(loop);
                x *= f[dim];
            } else {
                sy.get(above).add(loop);
                y *= f[dim];
            }
        }
        if (x > mesh.meshX() || y > mesh.meshY()) {
            throw d.get("factors").errorAt("spatial factors within the " + mesh.meshX() + "x" + mesh.meshY() + " mesh of "
                    + mesh.container(), x + " along X and " + y + " along Y");
        }
    }

    private static void keep(YamlNode d, NestProblem p, Set<String> k) throws ConfigException {
        for (String ds : names(d, "bypass", p)) {
            k.remove(ds);
        }
        for (String ds : names(d, "keep", p)) {
            k.add(ds);
        }
    }

    private static NestArchitecture.Fanout fanout(NestArchitecture a, String target) {
        for (NestArchitecture.Fanout f : a.fanouts()) {
            if (f.container().equals(target) || ("inter_" + f.container() + "_spatial").equals(target)) {
                return f;
            }
        }
        return null;
    }

    private static NestArchitecture.Fanout fanoutBelow(NestArchitecture a, int level) {
        for (NestArchitecture.Fanout f : a.fanouts()) {
            if (f.position() == level + 1) {
                return f;
            }
        }
        return null;
    }

    /** The directive's temporal loops, outermost first (the permutation lists them innermost first). */
    static List<NestMapping.Loop> loops(YamlNode d, NestProblem p) throws ConfigException {
        long[] f = factors(d, p);
        List<NestMapping.Loop> out = new ArrayList<>();
        for (int dim : order(d, p)) {
            if (f[dim] > 1) {
                out.add(new NestMapping.Loop(dim, f[dim]));
            }
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /** The directive's factor of every dimension (1 where it names none). */
    static long[] factors(YamlNode d, NestProblem p) throws ConfigException {
        long[] f = new long[p.dims().size()];
        java.util.Arrays.fill(f, 1);
        if (d.has("factors")) {
            for (String[] kv : factorPairs(d.get("factors"))) {
                int dim = p.dim(kv[0]);
                if (dim < 0) {
                    throw d.get("factors").errorAt("factors of the dimensions " + p.dims(), "'" + kv[0] + "'");
                }
                try {
                    f[dim] = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    throw d.get("factors").errorAt("an integer factor for " + kv[0], "'" + kv[1] + "'");
                }
            }
        }
        return f;
    }

    /** Every dimension, innermost first: the permutation's, then the unlisted ones in the problem's order. */
    static List<Integer> order(YamlNode d, NestProblem p) throws ConfigException {
        List<Integer> order = new ArrayList<>();
        if (d.has("permutation")) {
            YamlNode perm = d.get("permutation");
            for (String n : permutationNames(perm)) {
                int dim = p.dim(n);
                if (dim < 0) {
                    throw perm.errorAt("a permutation of the dimensions " + p.dims(), "'" + n + "'");
                }
                if (order.contains(dim)) {
                    throw perm.errorAt("each dimension once", n + " twice");
                }
                order.add(dim);
            }
        }
        for (int dim = 0; dim < p.dims().size(); dim++) {
            if (!order.contains(dim)) {
                order.add(dim);
            }
        }
        return order;
    }

    /** A permutation as a list ({@code [C, M]}) or a string of one-letter names ({@code CMRS}, spaces ignored). */
    public static List<String> permutationNames(YamlNode perm) throws ConfigException {
        List<String> names = new ArrayList<>();
        if (perm.isList()) {
            for (YamlNode x : perm.list()) {
                names.add(x.asText());
            }
        } else {
            for (char c : perm.asText().replace(" ", "").toCharArray()) {
                names.add(String.valueOf(c));
            }
        }
        return names;
    }

    private static List<String[]> factorPairs(YamlNode n) throws ConfigException {
        List<String[]> out = new ArrayList<>();
        if (n.isMapping()) {
            for (var e : n.entries()) {
                out.add(new String[] {e.getKey(), e.getValue().asText()});
            }
            return out;
        }
        List<String> tokens = new ArrayList<>();
        if (n.isList()) {
            for (YamlNode x : n.list()) {
                tokens.add(x.asText().trim());
            }
        } else {
            for (String t : n.asText().trim().split("\\s+")) {
                tokens.add(t);
            }
        }
        for (String t : tokens) {
            int eq = t.indexOf('=');
            if (eq > 0) {
                out.add(new String[] {t.substring(0, eq).trim(), t.substring(eq + 1).trim()});
            } else {
                int i = 0;
                while (i < t.length() && !Character.isDigit(t.charAt(i))) {
                    i++;
                }
                if (i == 0 || i == t.length()) {
                    throw n.errorAt("factors like R=3 or C1", "'" + t + "'");
                }
                out.add(new String[] {t.substring(0, i), t.substring(i)});
            }
        }
        return out;
    }

    private static List<String> names(YamlNode d, String key, NestProblem p) throws ConfigException {
        List<String> out = new ArrayList<>();
        if (!d.has(key)) {
            return out;
        }
        for (YamlNode x : d.get(key).list()) {
            String ds = x.asText();
            if (p.dataSpace(ds) < 0) {
                throw x.errorAt("a data space of the problem " + p.dataSpaces().stream().map(NestProblem.DataSpace::name).toList(), "'" + ds + "'");
            }
            out.add(ds);
        }
        return out;
    }

    /** Every dimension's factors multiply to its bound. */
    private static void check(YamlNode mapping, NestProblem p, List<List<NestMapping.Loop>> t, List<List<NestMapping.Loop>> sx,
                              List<List<NestMapping.Loop>> sy) throws ConfigException {
        long[] prod = new long[p.dims().size()];
        java.util.Arrays.fill(prod, 1);
        for (List<List<NestMapping.Loop>> group : List.of(t, sx, sy)) {
            for (List<NestMapping.Loop> ls : group) {
                for (NestMapping.Loop l : ls) {
                    prod[l.dim()] *= l.factor();
                }
            }
        }
        for (int d = 0; d < prod.length; d++) {
            if (prod[d] != p.bounds()[d]) {
                throw mapping.errorAt("factors of " + p.dims().get(d) + " multiplying to its bound " + p.bounds()[d], "a product of " + prod[d]);
            }
        }
    }
}
