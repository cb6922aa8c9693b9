package io.quantarch.simulator.nest.io;

import io.quantarch.config.ConfigException;
import io.quantarch.config.YamlNode;
import io.quantarch.simulator.nest.NestArchitecture;
import io.quantarch.simulator.nest.NestProblem;
import io.quantarch.simulator.nest.mapspace.NestConstraints;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Collects constraint directives from any number of places, refusing a second word on the same thing. */
final class ConstraintBuilder {

    /** {@code R=3}, {@code R3}, {@code M<=8}, {@code M>=2} (Timeloop's factor syntax). */
    private static final Pattern FACTOR = Pattern.compile("([A-Za-z]+)\\s*(<=|>=|=)?\\s*([0-9]+)");

    /** One level's rule while it is being assembled; where each part came from. */
    static final class Rule {
        final long[] exact;
        final long[] max;
        final long[] min;
        final String[] factorOrigin;
        int[] prefix = new int[0];
        int[] suffix = new int[0];
        String permutationOrigin;
        int split = -1;
        String splitOrigin;
        final List<String> origins = new ArrayList<>();

        Rule(int dims) {
            exact = new long[dims];
            max = new long[dims];
            min = new long[dims];
            factorOrigin = new String[dims * 3];
        }

        NestConstraints.LoopRule build() {
            return new NestConstraints.LoopRule(exact, max, min, prefix, suffix, split, origins);
        }
    }

    final NestProblem problem;
    final NestArchitecture arch;
    final List<Rule> temporal = new ArrayList<>();
    final List<Rule> spatial = new ArrayList<>();
    final List<Map<String, String>> keep = new ArrayList<>();
    final List<Map<String, String>> bypass = new ArrayList<>();
    final Set<String> containers = new HashSet<>();
    double minUtilization;
    String utilizationOrigin = "";

    ConstraintBuilder(NestProblem problem, NestArchitecture arch) {
        this.problem = problem;
        this.arch = arch;
        for (int i = 0; i < arch.storage().size(); i++) {
            temporal.add(new Rule(problem.dims().size()));
            keep.add(new LinkedHashMap<>());
            bypass.add(new LinkedHashMap<>());
        }
        for (int i = 0; i < arch.fanouts().size(); i++) {
            spatial.add(new Rule(problem.dims().size()));
        }
    }

    void loops(YamlNode d, Rule r, boolean isSpatial) throws ConfigException {
        String where = d.location();
        r.origins.add(where);
        if (d.has("factors")) {
            factors(d.get("factors"), r, where);
        }
        long defMax = d.has("default_max_factor") ? d.get("default_max_factor").asLong(1, Long.MAX_VALUE) : 0;
        long defMin = d.has("default_min_factor") ? d.get("default_min_factor").asLong(1, Long.MAX_VALUE) : 0;
        for (int i = 0; i < r.exact.length; i++) {
            r.max[i] = r.max[i] == 0 && r.exact[i] == 0 ? defMax : r.max[i];
            r.min[i] = r.min[i] == 0 && r.exact[i] == 0 ? defMin : r.min[i];
        }
        if (d.has("permutation")) {
            if (r.permutationOrigin != null) {
                throw d.get("permutation").errorAt("one permutation per level", "a second one (the first at " + r.permutationOrigin + ")");
            }
            permutation(d.get("permutation"), r);
            r.permutationOrigin = where;
        }
        if (d.has("split")) {
            if (!isSpatial) {
                throw d.get("split").errorAt("split only on a spatial constraint", "split on a temporal one");
            }
            if (r.splitOrigin != null) {
                throw d.get("split").errorAt("one split per mesh", "a second one (the first at " + r.splitOrigin + ")");
            }
            r.split = d.get("split").asInt(0, 1 << 16);
            r.splitOrigin = where;
        }
    }

    private void factors(YamlNode n, Rule r, String where) throws ConfigException {
        List<String> tokens = new ArrayList<>();
        if (n.isMapping()) {
            for (var e : n.entries()) {
                tokens.add(e.getKey() + "=" + e.getValue().asText());
            }
        } else if (n.isList()) {
            for (YamlNode x : n.list()) {
                tokens.add(x.asText());
            }
        } else {
            tokens.add(n.asText());
        }
        for (String t : tokens) {
            String text = t.contains("#") ? t.substring(0, t.indexOf('#')) : t;
            Matcher m = FACTOR.matcher(text);
            int seen = 0;
            while (m.find()) {
                seen++;
                int dim = problem.dim(m.group(1));
                if (dim < 0) {
                    throw n.errorAt("factors of the problem's dimensions " + problem.dims(), "'" + m.group(1) + "'");
                }
                String op = m.group(2) == null ? "=" : m.group(2);
                long v = Long.parseLong(m.group(3));
                if (v < 1) {
                    throw n.errorAt("factors of at least 1", "'" + m.group() + "'");
                }
                long[] slot = op.equals("=") ? r.exact : op.equals("<=") ? r.max : r.min;
                int key = dim * 3 + (op.equals("=") ? 0 : op.equals("<=") ? 1 : 2);
                if (r.factorOrigin[key] != null) {
                    throw n.errorAt("one " + (op.equals("=") ? "factor" : "bound " + op) + " of " + m.group(1) + " per level",
                            "a second one (the first at " + r.factorOrigin[key] + ")");
                }
                r.factorOrigin[key] = where;
                slot[dim] = v;
            }
            if (seen == 0 && !text.isBlank()) {
                throw n.errorAt("factors like R=3, C4, M<=8 or M>=2", "'" + t + "'");
            }
        }
    }

    private void permutation(YamlNode perm, Rule r) throws ConfigException {
        List<Integer> prefix = new ArrayList<>();
        List<Integer> suffix = new ArrayList<>();
        boolean after = false;
        Set<Integer> seen = new LinkedHashSet<>();
        for (String name : TimeloopMapping.permutationNames(perm)) {
            if (name.equals("_")) {
                after = true;
                continue;
            }
            int dim = problem.dim(name);
            if (dim < 0) {
                throw perm.errorAt("a permutation of the problem's dimensions " + problem.dims(), "'" + name + "'");
            }
            if (!seen.add(dim)) {
                throw perm.errorAt("each dimension once", name + " twice");
            }
            (after ? suffix : prefix).add(dim);
        }
        r.prefix = prefix.stream().mapToInt(Integer::intValue).toArray();
        r.suffix = suffix.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A temporal directive on a container: it has no temporal loops, so only factors of 1 make sense. */
    void spatialLevelTemporal(YamlNode d) throws ConfigException {
        Rule scratch = new Rule(problem.dims().size());
        loops(d, scratch, false);
        for (int i = 0; i < scratch.exact.length; i++) {
            if (scratch.exact[i] > 1 || scratch.min[i] > 1) {
                throw d.errorAt("temporal factors of 1 at a container (it has no temporal loops)",
                        problem.dims().get(i) + "=" + Math.max(scratch.exact[i], scratch.min[i]));
            }
        }
    }

    void keep(YamlNode d, int level) throws ConfigException {
        String where = d.location();
        for (String key : List.of("keep", "bypass")) {
            if (!d.has(key)) {
                continue;
            }
            for (YamlNode x : d.get(key).list()) {
                String ds = x.asText();
                if (problem.dataSpace(ds) < 0) {
                    throw x.errorAt("a data space of the problem " + problem.dataSpaces().stream().map(NestProblem.DataSpace::name).toList(),
                            "'" + ds + "'");
                }
                Map<String, String> mine = key.equals("keep") ? keep.get(level) : bypass.get(level);
                Map<String, String> other = key.equals("keep") ? bypass.get(level) : keep.get(level);
                if (other.containsKey(ds)) {
                    throw x.errorAt(ds + " either kept or bypassed at " + arch.storage().get(level).name(),
                            "both (" + (key.equals("keep") ? "bypass" : "keep") + " at " + other.get(ds) + ")");
                }
                mine.putIfAbsent(ds, where);
            }
        }
    }

    void utilization(YamlNode d) throws ConfigException {
        if (!utilizationOrigin.isEmpty()) {
            throw d.errorAt("one utilization constraint", "a second one (the first at " + utilizationOrigin + ")");
        }
        minUtilization = d.get("min").asDouble(0, 1);
        utilizationOrigin = d.location();
    }

    NestConstraints build() {
        List<NestConstraints.LoopRule> t = temporal.stream().map(Rule::build).toList();
        List<NestConstraints.LoopRule> s = spatial.stream().map(Rule::build).toList();
        List<NestConstraints.KeepRule> k = new ArrayList<>();
        for (int l = 0; l < keep.size(); l++) {
            Set<String> origins = new LinkedHashSet<>(keep.get(l).values());
            origins.addAll(bypass.get(l).values());
            k.add(new NestConstraints.KeepRule(keep.get(l).keySet(), bypass.get(l).keySet(), String.join("; ", origins)));
        }
        return new NestConstraints(t, s, k, minUtilization, utilizationOrigin);
    }
}
