package io.quantarch.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;

/** YAML to a JSON tree keeping local tags of mappings (under the key {@code "!"}); merge keys resolved. */
final class TaggedYaml {

    /** A YAML syntax error with its line. */
    static final class Problem extends Exception {
        private final String line;

        Problem(String message, String line) {
            super(message);
            this.line = line;
        }

        String line() {
            return line;
        }
    }

    /** A key given twice in one mapping (it would silently replace the first). */
    private static final class Duplicate extends RuntimeException {
        final String key;
        final int line;

        Duplicate(String key, int line) {
            super(key, null, false, false);
            this.key = key;
            this.line = line;
        }
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TaggedYaml() {
    }

    static JsonNode tree(String text) throws Problem {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(50);                         // bounds alias expansion (billion laughs)
            options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, 2 * YamlNode.MAX_BYTES));
            options.setNestingDepthLimit(100);
            Node root = new Yaml(options).compose(new StringReader(text));
            if (root == null) {
                throw new Problem("expected a YAML mapping, found an empty file", null);
            }
            return convert(root);
        } catch (Duplicate e) {
            throw new Problem("a key given once per mapping, found '" + e.key + "' again", "line " + e.line);
        } catch (MarkedYAMLException e) {
            throw new Problem(e.getProblem(), e.getProblemMark() == null ? null
                    : "line " + (e.getProblemMark().getLine() + 1) + ", column " + (e.getProblemMark().getColumn() + 1));
        } catch (YAMLException e) {
            throw new Problem(e.getMessage(), null);
        }
    }

    private static JsonNode convert(Node n) {
        return switch (n) {
            case ScalarNode s -> scalar(s);
            case SequenceNode q -> {
                ArrayNode a = F.arrayNode();
                q.getValue().forEach(v -> a.add(convert(v)));
                yield a;
            }
            case MappingNode m -> mapping(m);
            default -> F.textNode(String.valueOf(n));                        // open: anchor nodes are resolved by compose
        };
    }

    private static ObjectNode mapping(MappingNode m) {
        ObjectNode o = F.objectNode();
        String tag = m.getTag().getValue();
        if (tag.startsWith("!") && !tag.startsWith("!!")) {
            o.put("!", tag.substring(1));
        }
        java.util.Set<String> explicit = new java.util.HashSet<>();
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(t.getKeyNode());
            if (key.equals("<<")) {                                          // merge key: copy the merged mapping(s) in
                JsonNode merged = convert(t.getValueNode());
                if (merged instanceof ArrayNode arr) {
                    arr.forEach(x -> x.properties().forEach(e -> o.putIfAbsent(e.getKey(), e.getValue())));
                } else {
                    merged.properties().forEach(e -> o.putIfAbsent(e.getKey(), e.getValue()));
                }
                continue;
            }
            if (!explicit.add(key)) {
                throw new Duplicate(key, t.getKeyNode().getStartMark().getLine() + 1);
            }
            o.set(key, convert(t.getValueNode()));                          // explicit keys win over merged ones
        }
        return o;
    }

    private static JsonNode scalar(ScalarNode s) {
        Tag t = s.getTag();
        String v = s.getValue();
        try {
            if (Tag.INT.equals(t)) {
                return F.numberNode(Long.parseLong(v.replace("_", "")));
            }
            if (Tag.FLOAT.equals(t)) {
                return F.numberNode(Double.parseDouble(v.replace("_", "")));
            }
        } catch (NumberFormatException e) {
            return F.textNode(v);                                             // 0x10, .inf: kept as text
        }
        if (Tag.BOOL.equals(t)) {
            return F.booleanNode(v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("on"));
        }
        if (Tag.NULL.equals(t)) {
            return F.nullNode();
        }
        return F.textNode(v);
    }
}
