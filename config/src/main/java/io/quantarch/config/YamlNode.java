package io.quantarch.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A YAML value with its file and key path, and typed accessors whose errors name both (Ramulator's
 * {@code required()/default_val()} style). Parse once at the edge; hand typed records inward.
 */
public final class YamlNode {

    private final String file;
    private final String path;
    private final JsonNode node;

    private YamlNode(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** Configuration files larger than this are refused before parsing (a YAML file of a design is kilobytes). */
    public static final long MAX_BYTES = 4L << 20;

    /**
     * Reads a YAML file: UTF-8 (a byte-order mark is skipped), at most {@link #MAX_BYTES}; anchors, aliases (at most 50
     * expansions of a collection) and merge keys resolved; local tags kept (see {@link #readTagged}); a key given twice
     * in one mapping, bytes that are not UTF-8 and syntax errors are refused naming the line.
     */
    public static YamlNode read(Path file) throws ConfigException {
        return new YamlNode(file.toString(), "", tree(file));
    }

    /**
     * Reads a YAML file whose mappings may carry local tags ({@code - !Container}, as Timeloop v0.4 files do): a tagged
     * mapping gets the tag, without its {@code !}, under the key {@code "!"}. Otherwise as {@link #read}.
     */
    public static YamlNode readTagged(Path file) throws ConfigException {
        return read(file);
    }

    private static JsonNode tree(Path file) throws ConfigException {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw ConfigException.of(file.toString(), "expected a configuration file of at most " + (MAX_BYTES >> 20) + " MB, found "
                        + String.format(java.util.Locale.ROOT, "%.1f MB", size / 1048576.0));
            }
            return TaggedYaml.tree(Text.utf8(file));
        } catch (NoSuchFileException e) {
            throw ConfigException.of(file.toString(), "file not found");
        } catch (Text.NotUtf8 e) {
            throw new ConfigException(file.toString(), "line " + e.line(), "UTF-8 text", "a byte that is not UTF-8");
        } catch (TaggedYaml.Problem e) {
            throw new ConfigException(file.toString(), e.line(), "valid YAML", e.getMessage());
        } catch (IOException e) {
            throw ConfigException.of(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    /** The node's local tag ({@code Container} for {@code !Container}), or null. */
    public String tag() {
        JsonNode t = node.get("!");
        return t == null ? null : t.asText();
    }

    /** Parses YAML text (for tests and built-in defaults); {@code name} stands for the file in messages. */
    public static YamlNode parse(String name, String yaml) throws ConfigException {
        try {
            return new YamlNode(name, "", TaggedYaml.tree(yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml));
        } catch (TaggedYaml.Problem e) {
            throw new ConfigException(name, e.line(), "valid YAML", e.getMessage());
        }
    }

    public String file() {
        return file;
    }

    public String path() {
        return path.isEmpty() ? "(top level)" : path;
    }

    /** Where this value was written, as messages name it: {@code file: key 'a.b[2]'}. */
    public String location() {
        return file + ": key '" + path() + "'";
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private ConfigException error(String expected, String found) {
        return new ConfigException(file, "key '" + path() + "'", expected, found);
    }

    public ConfigException errorAt(String expected, String found) {
        return error(expected, found);
    }

    private String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isObject()) {
            return "a mapping";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isNull()) {
            return "null";
        }
        if (path.isEmpty()) {
            // a whole file that is not YAML (a path given by mistake): say what it is, never quote it
            return "a scalar of " + n.asText().length() + " characters, not a YAML mapping";
        }
        return "'" + Text.excerpt(n.asText()) + "'";
    }

    public boolean isMapping() {
        return node.isObject();
    }

    public boolean isList() {
        return node.isArray();
    }

    public boolean isText() {
        return node.isTextual();
    }

    public boolean has(String key) {
        return node.isObject() && node.has(key) && !node.get(key).isNull();
    }

    /** Rejects keys outside {@code allowed}, naming the closest allowed key. */
    public YamlNode allowOnly(Collection<String> allowed) throws ConfigException {
        if (!node.isObject()) {
            throw error("a mapping", describe(node));
        }
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k) && !Text.isPlausibleKey(k)) {
                // not a key anyone would type (another file's line): name it by its length, never quote it
                throw error("one of " + List.copyOf(allowed), "a key of " + k.length() + " characters that is not a configuration key");
            }
            if (!allowed.contains(k)) {
                throw new ConfigException(file, "key '" + child(k) + "'", "one of " + List.copyOf(allowed)
                        + Names.didYouMean(allowed, k), "unknown key '" + k + "'");
            }
        }
        return this;
    }

    public YamlNode allowOnly(String... allowed) throws ConfigException {
        return allowOnly(Set.of(allowed));
    }

    public YamlNode get(String key) throws ConfigException {
        if (!node.isObject()) {
            throw error("a mapping", describe(node));
        }
        JsonNode n = node.get(key);
        if (n == null || n.isNull()) {
            throw new ConfigException(file, "key '" + child(key) + "'", "a value", "nothing (the key is required)");
        }
        return new YamlNode(file, child(key), n);
    }

    public List<YamlNode> list() throws ConfigException {
        if (!node.isArray()) {
            throw error("a list", describe(node));
        }
        List<YamlNode> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(new YamlNode(file, path + "[" + i + "]", node.get(i)));
        }
        return out;
    }

    /** Mapping entries in file order. */
    public List<java.util.Map.Entry<String, YamlNode>> entries() throws ConfigException {
        if (!node.isObject()) {
            throw error("a mapping", describe(node));
        }
        List<java.util.Map.Entry<String, YamlNode>> out = new ArrayList<>();
        Iterator<java.util.Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            var e = it.next();
            out.add(java.util.Map.entry(e.getKey(), new YamlNode(file, child(e.getKey()), e.getValue())));
        }
        return out;
    }

    public String asText() throws ConfigException {
        if (!node.isValueNode() || node.isNull()) {
            throw error("a scalar value", describe(node));
        }
        return node.asText();
    }

    public long asLong(long min, long max) throws ConfigException {
        if (!node.isIntegralNumber() && !(node.isTextual() && node.asText().matches("-?\\d+"))) {
            throw error("an integer in [" + min + ", " + max + "]", describe(node));
        }
        long v;
        try {
            v = node.isTextual() ? Long.parseLong(node.asText()) : node.longValue();
        } catch (NumberFormatException e) {
            throw error("an integer in [" + min + ", " + max + "]", describe(node));   // beyond 64 bits
        }
        if (node.isBigInteger()) {
            throw error("an integer in [" + min + ", " + max + "]", describe(node));
        }
        if (v < min || v > max) {
            throw error("an integer in [" + min + ", " + max + "]", describe(node));
        }
        return v;
    }

    public int asInt(int min, int max) throws ConfigException {
        return (int) asLong(min, max);
    }

    public double asDouble(double min, double max) throws ConfigException {
        if (!node.isNumber() && !(node.isTextual() && node.asText().matches("-?[0-9.]+([eE][-+]?\\d+)?"))) {
            throw error("a number in [" + min + ", " + max + "]", describe(node));
        }
        double v = node.asDouble();
        if (!(v >= min && v <= max)) {
            throw error("a number in [" + min + ", " + max + "]", describe(node));
        }
        return v;
    }

    public boolean asBoolean() throws ConfigException {
        if (!node.isBoolean()) {
            throw error("true or false", describe(node));
        }
        return node.asBoolean();
    }

    /** The value as one of {@code choices} (case-insensitive). */
    public String asChoice(Collection<String> choices) throws ConfigException {
        String v = asText().trim().toLowerCase(java.util.Locale.ROOT);
        if (!choices.contains(v)) {
            throw error("one of " + List.copyOf(choices) + Names.didYouMean(choices, v), describe(node));
        }
        return v;
    }

    public int intOr(String key, int def, int min, int max) throws ConfigException {
        return has(key) ? get(key).asInt(min, max) : def;
    }

    public long longOr(String key, long def, long min, long max) throws ConfigException {
        return has(key) ? get(key).asLong(min, max) : def;
    }

    public double doubleOr(String key, double def, double min, double max) throws ConfigException {
        return has(key) ? get(key).asDouble(min, max) : def;
    }

    public boolean boolOr(String key, boolean def) throws ConfigException {
        return has(key) ? get(key).asBoolean() : def;
    }

    public String textOr(String key, String def) throws ConfigException {
        return has(key) ? get(key).asText() : def;
    }

    /** An integer pair given as {@code N} or {@code [A, B]}. */
    public int[] pair(int min, int max) throws ConfigException {
        if (node.isArray()) {
            if (node.size() != 2) {
                throw error("two integers [a, b]", node.size() + " values");
            }
            List<YamlNode> l = list();
            return new int[] {l.get(0).asInt(min, max), l.get(1).asInt(min, max)};
        }
        int v = asInt(min, max);
        return new int[] {v, v};
    }
}
