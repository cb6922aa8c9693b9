package io.quantarch.simulator.nest.io;

import io.quantarch.config.ConfigException;
import io.quantarch.config.YamlNode;
import io.quantarch.simulator.nest.NestProblem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Timeloop v0.4 {@code problem:} ({@code shape}: dimensions, coefficients with defaults, data spaces with
 * projections whose terms are {@code [dim]} or {@code [dim, coefficient]}; {@code instance}: bounds and coefficient
 * values).
 */
public final class TimeloopProblem {

    private TimeloopProblem() {
    }

    public static NestProblem read(Path file) throws ConfigException {
        YamlNode root = YamlNode.readTagged(file);
        root.allowOnly("!", "problem", "variables");
        return parse(root.get("problem"));
    }

    public static NestProblem parse(YamlNode problem) throws ConfigException {
        problem.allowOnly("!", "version", "shape", "instance");
        YamlNode shape = problem.get("shape").allowOnly("!", "name", "dimensions", "coefficients", "data_spaces", "data-spaces");
        List<String> dims = new ArrayList<>();
        for (YamlNode d : shape.get("dimensions").list()) {
            dims.add(d.asText());
        }
        Map<String, Long> coefficients = new LinkedHashMap<>();
        if (shape.has("coefficients")) {
            for (YamlNode c : shape.get("coefficients").list()) {
                c.allowOnly("!", "name", "default");
                coefficients.put(c.get("name").asText(), c.has("default") ? c.get("default").asLong(-(1L << 30), 1L << 30) : 1);
            }
        }
        YamlNode inst = problem.get("instance");
        long[] bounds = new long[dims.size()];
        for (Map.Entry<String, YamlNode> e : inst.entries()) {
            String k = e.getKey();
            if (k.equals("!") || k.equals("densities")) {
                continue;
            }
            int d = dims.indexOf(k);
            if (d >= 0) {
                bounds[d] = e.getValue().asLong(1, Long.MAX_VALUE / 2);
            } else if (coefficients.containsKey(k)) {
                coefficients.put(k, e.getValue().asLong(-(1L << 30), 1L << 30));
            } else {
                // other numbers (H, W, Hpad: the input size and padding the exercises record) are accepted, as Timeloop does
                e.getValue().asLong(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);
            }
        }
        for (int d = 0; d < bounds.length; d++) {
            if (bounds[d] == 0) {
                throw inst.errorAt("a bound for every dimension", "none for " + dims.get(d));
            }
        }
        YamlNode spaces = shape.has("data_spaces") ? shape.get("data_spaces") : shape.get("data-spaces");
        List<NestProblem.DataSpace> out = new ArrayList<>();
        for (YamlNode s : spaces.list()) {
            s.allowOnly("!", "name", "projection", "read_write", "read-write");
            boolean rw = s.has("read_write") ? s.get("read_write").asBoolean() : s.has("read-write") && s.get("read-write").asBoolean();
            List<List<NestProblem.Term>> proj = new ArrayList<>();
            for (YamlNode coord : s.get("projection").list()) {
                List<NestProblem.Term> terms = new ArrayList<>();
                for (YamlNode term : coord.list()) {
                    terms.add(term(term, dims, coefficients));
                }
                proj.add(terms);
            }
            out.add(new NestProblem.DataSpace(s.get("name").asText(), proj, rw));
        }
        return new NestProblem(shape.has("name") ? shape.get("name").asText() : "problem", dims, bounds, out);
    }

    /** {@code [dim]} or {@code [dim, coefficient]} (either order). */
    private static NestProblem.Term term(YamlNode t, List<String> dims, Map<String, Long> coefficients) throws ConfigException {
        List<YamlNode> parts = t.list();
        if (parts.isEmpty() || parts.size() > 2) {
            throw t.errorAt("[dimension] or [dimension, coefficient]", parts.size() + " items");
        }
        String a = parts.get(0).asText();
        String b = parts.size() == 2 ? parts.get(1).asText() : null;
        String dim = dims.contains(a) ? a : b;
        String coef = dim == null ? null : dim.equals(a) ? b : a;
        if (dim == null || !dims.contains(dim)) {
            throw t.errorAt("a dimension among " + dims, "'" + a + "'" + (b == null ? "" : " and '" + b + "'"));
        }
        long c = 1;
        if (coef != null) {
            if (coefficients.containsKey(coef)) {
                c = coefficients.get(coef);
            } else {
                try {
                    c = Long.parseLong(coef);
                } catch (NumberFormatException e) {
                    throw t.errorAt("a coefficient among " + coefficients.keySet(), "'" + coef + "'");
                }
            }
        }
        return new NestProblem.Term(dims.indexOf(dim), c);
    }
}
