package io.quantarch.config.component;

import io.quantarch.config.ConfigException;
import io.quantarch.config.YamlNode;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One configuration key of a component, declared once beside the component: its YAML key, type and range, default and
 * a one-line description (gem5's {@code Param.Cycles("Tag lookup latency")}, Ramulator's
 * {@code param<int>("seed").desc(...).default_val(123)}). The same declaration reads the value from YAML, checks it and
 * prints it in {@code quantarch components show}; there is no second copy of a default or a range.
 *
 * @param <T> the value's Java type
 */
public sealed interface Param<T> permits Param.Int, Param.Int64, Param.Real, Param.Flag, Param.Choice, Param.Text {

    /** The YAML key. */
    String key();

    /** One line: what the value means, with its unit. */
    String description();

    /** The default, or null when the key is required. */
    T defaultValue();

    /** The type and range in words, e.g. {@code integer 1..16}, {@code one of [fp32, fixed]}. */
    String type();

    /** Reads and checks the value under {@code parent}; the default when the key is absent. */
    T read(YamlNode parent) throws ConfigException;

    /**
     * The value given as text (a {@code key=value} of a spec or command line).
     *
     * @throws IllegalArgumentException saying what was expected
     */
    T parse(String text);

    /** The default as printed, or {@code (required)}. */
    default String defaultText() {
        T d = defaultValue();
        return d == null ? "(required)" : Values.text(d);
    }

    static Int integer(String key, int min, int max, Integer def, String description) {
        return new Int(key, min, max, def, description);
    }

    static Int64 int64(String key, long min, long max, Long def, String description) {
        return new Int64(key, min, max, def, description);
    }

    static Real real(String key, double min, double max, Double def, String description) {
        return new Real(key, min, max, def, null, description);
    }

    static Flag flag(String key, boolean def, String description) {
        return new Flag(key, def, description);
    }

    static Choice choice(String key, List<String> choices, String def, String description) {
        return new Choice(key, choices, def, description);
    }

    static Text text(String key, String def, String description) {
        return new Text(key, def, description);
    }

    /** An integer in {@code [min, max]}. */
    record Int(String key, int min, int max, Integer defaultValue, String description) implements Param<Integer> {
        public Int {
            Objects.requireNonNull(key);
            if (defaultValue != null && (defaultValue < min || defaultValue > max)) {
                throw new IllegalArgumentException(key + ": default " + defaultValue + " outside " + min + ".." + max);
            }
        }

        @Override
        public String type() {
            return "integer " + min + ".." + max;
        }

        @Override
        public Integer read(YamlNode parent) throws ConfigException {
            if (!parent.has(key)) {
                return required(parent, this);
            }
            return parent.get(key).asInt(min, max);
        }

        @Override
        public Integer parse(String text) {
            try {
                int v = Integer.parseInt(text.trim());
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // falls through to the message
            }
            throw new IllegalArgumentException(key + " must be an " + type() + ", got '" + text + "'");
        }
    }

    /** A 64-bit integer in {@code [min, max]} (seeds, counts that may exceed 2^31). */
    record Int64(String key, long min, long max, Long defaultValue, String description) implements Param<Long> {
        public Int64 {
            Objects.requireNonNull(key);
            if (defaultValue != null && (defaultValue < min || defaultValue > max)) {
                throw new IllegalArgumentException(key + ": default " + defaultValue + " outside " + min + ".." + max);
            }
        }

        @Override
        public String type() {
            return "integer " + min + ".." + max;
        }

        @Override
        public Long read(YamlNode parent) throws ConfigException {
            if (!parent.has(key)) {
                return required(parent, this);
            }
            return parent.get(key).asLong(min, max);
        }

        @Override
        public Long parse(String text) {
            try {
                long v = java.lang.Long.parseLong(text.trim());
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // falls through to the message
            }
            throw new IllegalArgumentException(key + " must be an " + type() + ", got '" + text + "'");
        }
    }

    /**
     * A number in {@code [min, max]}; {@code infinityWord} (e.g. {@code unlimited}) stands for +infinity where the
     * quantity may be unbounded.
     */
    record Real(String key, double min, double max, Double defaultValue, String infinityWord, String description) implements Param<Double> {
        public Real {
            Objects.requireNonNull(key);
            if (defaultValue != null && !(defaultValue >= min && defaultValue <= max) && !defaultValue.isInfinite()) {
                throw new IllegalArgumentException(key + ": default " + defaultValue + " outside " + min + ".." + max);
            }
        }

        /** The same key also accepting {@code word} for +infinity. */
        public Real orInfinite(String word) {
            return new Real(key, min, max, defaultValue, word, description);
        }

        @Override
        public String type() {
            return "number " + Values.text(min) + ".." + Values.text(max) + (infinityWord == null ? "" : " or " + infinityWord);
        }

        @Override
        public Double read(YamlNode parent) throws ConfigException {
            if (!parent.has(key)) {
                return required(parent, this);
            }
            YamlNode n = parent.get(key);
            if (infinityWord != null && n.isText() && n.asText().trim().equalsIgnoreCase(infinityWord)) {
                return Double.POSITIVE_INFINITY;
            }
            return n.asDouble(min, max);
        }

        @Override
        public Double parse(String text) {
            if (infinityWord != null && text.trim().equalsIgnoreCase(infinityWord)) {
                return Double.POSITIVE_INFINITY;
            }
            try {
                double v = Double.parseDouble(text.trim());
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // falls through to the message
            }
            throw new IllegalArgumentException(key + " must be a " + type() + ", got '" + text + "'");
        }
    }

    /** {@code true} or {@code false}. */
    record Flag(String key, Boolean defaultValue, String description) implements Param<Boolean> {
        @Override
        public String type() {
            return "true or false";
        }

        @Override
        public Boolean read(YamlNode parent) throws ConfigException {
            if (!parent.has(key)) {
                return required(parent, this);
            }
            return parent.get(key).asBoolean();
        }

        @Override
        public Boolean parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException(key + " must be true or false, got '" + text + "'");   // open: text
            };
        }
    }

    /** One of a closed list of words (case-insensitive; read in lower case). */
    record Choice(String key, List<String> choices, String defaultValue, String description) implements Param<String> {
        public Choice {
            choices = List.copyOf(choices);
            if (defaultValue != null && !choices.contains(defaultValue)) {
                throw new IllegalArgumentException(key + ": default " + defaultValue + " not among " + choices);
            }
        }

        @Override
        public String type() {
            return "one of " + choices;
        }

        @Override
        public String read(YamlNode parent) throws ConfigException {
            if (!parent.has(key)) {
                return required(parent, this);
            }
            return parent.get(key).asChoice(choices);
        }

        @Override
        public String parse(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (!choices.contains(v)) {
                throw new IllegalArgumentException(key + " must be " + String.join(" or ", choices) + ", got '" + value + "'");
            }
            return v;
        }
    }

    /** Free text (a name, a path, a format name the component checks itself). */
    record Text(String key, String defaultValue, String description) implements Param<String> {
        @Override
        public String type() {
            return "text";
        }

        @Override
        public String read(YamlNode parent) throws ConfigException {
            if (!parent.has(key)) {
                return required(parent, this);
            }
            return parent.get(key).asText();
        }

        @Override
        public String parse(String text) {
            return text;
        }
    }

    private static <V> V required(YamlNode parent, Param<V> p) throws ConfigException {
        if (p.defaultValue() == null) {
            parent.get(p.key());                      // throws: the key is required
        }
        return p.defaultValue();
    }
}
