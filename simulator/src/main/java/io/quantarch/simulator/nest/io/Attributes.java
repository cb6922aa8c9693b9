package io.quantarch.simulator.nest.io;

import io.quantarch.config.ConfigException;
import io.quantarch.config.Expr;
import io.quantarch.config.YamlNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Attribute values of Timeloop files: numbers, text, or arithmetic expressions over the files' {@code variables:} and
 * the node's other attributes ({@code datawidth: max(INPUT_WEIGHT_DATAWIDTH, 16)}); evaluated once, here.
 */
final class Attributes {

    private Attributes() {
    }

    /** Top-level {@code variables:} of a file, evaluated in order (later ones may use earlier ones). */
    static void readVariables(YamlNode root, Map<String, Double> into) throws ConfigException {
        if (!root.has("variables")) {
            return;
        }
        for (Map.Entry<String, YamlNode> e : root.get("variables").entries()) {
            if (e.getKey().equals("version") || e.getKey().equals("!")) {
                continue;
            }
            String text = e.getValue().asText();
            try {
                into.put(e.getKey(), Expr.eval(text, into));
            } catch (IllegalArgumentException ex) {
                // a text variable (a technology name, a class): kept only where it is used as text
                into.putIfAbsent(e.getKey() + "@text", Double.NaN);
            }
        }
    }

    /**
     * A node's {@code attributes:} as text, expressions evaluated where they are numeric; values naming other
     * attributes are evaluated after them.
     */
    static Map<String, String> read(YamlNode node, Map<String, String> inherited, Map<String, Double> variables) throws ConfigException {
        Map<String, String> out = new LinkedHashMap<>(inherited);
        if (!node.has("attributes")) {
            return out;
        }
        Map<String, Double> scope = new LinkedHashMap<>(variables);
        for (Map.Entry<String, String> e : inherited.entrySet()) {
            number(e.getValue()).ifPresent(v -> scope.put(e.getKey(), v));
        }
        for (Map.Entry<String, YamlNode> e : node.get("attributes").entries()) {
            YamlNode v = e.getValue();
            if (v.isMapping() || v.isList()) {
                out.put(e.getKey(), v.isMapping() ? mapping(v, scope) : v.asText());
                continue;
            }
            String text = v.asText().trim();
            String value = text;
            if (!text.isEmpty() && !text.matches("[A-Za-z_][A-Za-z0-9_]*nm") && !text.matches("\"?[A-Za-z][A-Za-z0-9_]*\"?")) {
                try {
                    double x = Expr.eval(text, scope);
                    value = x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
                    scope.put(e.getKey(), x);
                } catch (IllegalArgumentException ex) {
                    if (text.matches(".*[()*/+].*")) {
                        throw v.errorAt("a number or an expression over the variables and attributes", "'" + text + "': " + ex.getMessage());
                    }
                }
            } else if (scope.containsKey(text)) {
                double x = scope.get(text);
                value = x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
                scope.put(e.getKey(), x);
            }
            out.put(e.getKey(), value.replace("\"", ""));
        }
        return out;
    }

    /** A mapping attribute ({@code datawidth: {Weights: 4, Inputs: 8}}) as {@code Weights=4,Inputs=8}. */
    private static String mapping(YamlNode v, Map<String, Double> scope) throws ConfigException {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, YamlNode> e : v.entries()) {
            double x;
            try {
                x = Expr.eval(e.getValue().asText(), scope);
            } catch (IllegalArgumentException ex) {
                throw e.getValue().errorAt("a number", "'" + e.getValue().asText() + "'");
            }
            b.append(b.isEmpty() ? "" : ",").append(e.getKey()).append('=').append((long) x);
        }
        return b.toString();
    }

    static java.util.Optional<Double> number(String s) {
        try {
            return java.util.Optional.of(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** A technology like {@code 45nm}, {@code "40nm"} or {@code 7} in nm; {@code def} when absent. */
    static double technologyNm(Map<String, String> attrs, double def) {
        String t = attrs.get("technology");
        if (t == null) {
            return def;
        }
        return number(t.toLowerCase(java.util.Locale.ROOT).replace("nm", "").trim()).orElse(def);
    }
}
