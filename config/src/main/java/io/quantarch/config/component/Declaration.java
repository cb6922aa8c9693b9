package io.quantarch.config.component;

import io.quantarch.config.ConfigException;
import io.quantarch.config.YamlNode;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a component says about itself: its kind ({@code pe}, {@code format}, {@code cost-table}, ...), its registry
 * name, one line a hardware architect understands, and its configuration keys. {@link #read} parses a YAML node with
 * exactly these keys (plus the selector key, e.g. {@code type}), so the keys {@code quantarch components show} prints
 * are the keys the file may hold.
 */
public record Declaration(String kind, String name, String description, List<Param<?>> params) {

    public Declaration {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(name);
        Objects.requireNonNull(description);
        params = List.copyOf(params);
        Set<String> keys = new LinkedHashSet<>();
        for (Param<?> p : params) {
            if (!keys.add(p.key())) {
                throw new IllegalArgumentException(kind + " " + name + ": key '" + p.key() + "' declared twice");
            }
        }
    }

    public static Declaration of(String kind, String name, String description, Param<?>... params) {
        return new Declaration(kind, name, description, List.of(params));
    }

    /** The declared keys, in declaration order. */
    public List<String> keys() {
        return params.stream().map(Param::key).toList();
    }

    /**
     * Reads every declared key of {@code node} (defaults where absent), rejecting keys that are neither declared nor
     * in {@code selectorKeys} (e.g. {@code type}), with the closest declared key in the message.
     */
    public Values read(YamlNode node, String... selectorKeys) throws ConfigException {
        List<String> allowed = new ArrayList<>(List.of(selectorKeys));
        allowed.addAll(keys());
        node.allowOnly(allowed);
        Map<Param<?>, Object> m = new IdentityHashMap<>();
        for (Param<?> p : params) {
            m.put(p, p.read(node));
        }
        return new Values(m);
    }

    /**
     * Reads {@code key=value} pairs (a spec such as {@code llama2_7b,phase=decode,seq=256}); absent keys take their
     * defaults.
     *
     * @throws IllegalArgumentException naming the unknown key and the valid ones, or the value and what was expected
     */
    public Values readPairs(java.util.Map<String, String> pairs) {
        for (String k : pairs.keySet()) {
            if (!keys().contains(k)) {
                throw new IllegalArgumentException(kind + " " + name + ": unknown parameter '" + k + "'; valid keys: " + keys()
                        + " (as key=value)" + io.quantarch.config.Names.didYouMean(keys(), k));
            }
        }
        Map<Param<?>, Object> m = new IdentityHashMap<>();
        for (Param<?> p : params) {
            String text = pairs.get(p.key());
            if (text == null && p.defaultValue() == null) {
                throw new IllegalArgumentException(kind + " " + name + ": parameter '" + p.key() + "' is required");
            }
            try {
                m.put(p, text == null ? p.defaultValue() : p.parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(kind + " " + name + ": " + e.getMessage());
            }
        }
        return new Values(m);
    }

    /** Every key at its default; throws when a key is required. */
    public Values defaults() {
        Map<Param<?>, Object> m = new IdentityHashMap<>();
        for (Param<?> p : params) {
            if (p.defaultValue() == null) {
                throw new IllegalStateException(kind + " " + name + ": key '" + p.key() + "' has no default");
            }
            m.put(p, p.defaultValue());
        }
        return new Values(m);
    }
}
