package io.quantarch.cost.actions;

import io.quantarch.config.ConfigException;
import io.quantarch.config.YamlNode;
import io.quantarch.config.component.Declaration;
import io.quantarch.config.component.Param;
import io.quantarch.config.component.Values;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Which cost model prices a design, parsed once where it is read: a registered cost table ({@code horowitz45}) or a
 * user's CSV table, optionally scaled to another technology node, optionally with some units replaced by a user table
 * (e.g. SRAM energies from CACTI). Text form: {@code horowitz45}, {@code horowitz45@7}, {@code table:PATH.csv},
 * {@code horowitz45[@NODE]+table:PATH.csv}; {@link #toString()} prints it back.
 *
 * @param table    a registered table name, or null when {@code userTable} is given
 * @param userTable a user table used as is (no node scaling), or null
 * @param node     the node to scale the registered table to, in nm; empty for the table's own node
 * @param override a user table whose units replace the registered table's, or null
 */
public record CostModelSpec(String table, Path userTable, OptionalDouble node, Path override) {

    /** The built-in default: Horowitz's 45 nm table. */
    public static final CostModelSpec DEFAULT = new CostModelSpec("horowitz45", null, OptionalDouble.empty(), null);

    /** The grammar, for messages. */
    public static final String SYNTAX = "horowitz45[@NODE][+table:PATH.csv] or table:PATH.csv";

    /** Keys of the mapping form {@code cost_model: {table: horowitz45, node_nm: 7, override: srams.csv}}. */
    public static final Param.Text TABLE = Param.text("table", "horowitz45", "a registered cost table, or table:PATH.csv for a user table");
    public static final Param.Real NODE = Param.real("node_nm", 0, 130, 0.0,
            "technology node to scale to, nm (Stillmaker & Baas 2017); 0: the table's own node");
    public static final Param.Text OVERRIDE = Param.text("override", "",
            "a user CSV table (same columns) whose units replace the table's, e.g. CACTI SRAM energies");
    private static final Declaration MAPPING = new Declaration("cost-model", "cost_model", "which cost table prices the design",
            java.util.List.of(TABLE, NODE, OVERRIDE));

    /**
     * Reads {@code cost_model:} as text ({@link #parse}) or as a mapping with {@link #TABLE}, {@link #NODE} and
     * {@link #OVERRIDE}; relative paths resolve against {@code baseDir}.
     */
    public static CostModelSpec read(YamlNode n, Path baseDir) throws ConfigException {
        try {
            if (!n.isMapping()) {
                return parse(n.asText(), baseDir);
            }
            Values v = MAPPING.read(n);
            CostModelSpec s = parse(v.get(TABLE), baseDir);
            if (v.get(NODE) > 0) {
                s = s.atNode(v.get(NODE));
            }
            if (!v.get(OVERRIDE).isBlank()) {
                s = s.withOverride(path(v.get(OVERRIDE), baseDir));
            }
            return s;
        } catch (IllegalArgumentException e) {
            throw n.errorAt("a cost model (" + SYNTAX + ")", e.getMessage());
        }
    }

    /** The same model with {@code table}'s units replacing the registered table's. */
    public CostModelSpec withOverride(Path table) {
        if (this.table == null) {
            throw new IllegalArgumentException("a user table is used as is; override a registered table instead");
        }
        return new CostModelSpec(this.table, null, node, table);
    }

    public CostModelSpec {
        Objects.requireNonNull(node);
        if (node.isPresent() && node.getAsDouble() == 0) {
            node = OptionalDouble.empty();
        }
        if ((table == null) == (userTable == null)) {
            throw new IllegalArgumentException("a cost model names either a registered table or a user table");
        }
        if (userTable != null && (node.isPresent() || override != null)) {
            throw new IllegalArgumentException("a user table is used as is: no @NODE and no +table:");
        }
        if (node.isPresent() && !(node.getAsDouble() >= 7 && node.getAsDouble() <= 130)) {   // TechScaling's range
            throw new IllegalArgumentException("technology node " + node.getAsDouble() + " nm outside the scaling model's 7..130 nm");
        }
    }

    /**
     * Parses the text form; relative table paths resolve against {@code baseDir} (the referring file's folder; null for
     * the working directory).
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static CostModelSpec parse(String text, Path baseDir) {
        String s = text.trim();
        if (s.startsWith("table:")) {
            return new CostModelSpec(null, path(s.substring(6), baseDir), OptionalDouble.empty(), null);
        }
        Path override = null;
        int plus = s.indexOf("+table:");
        if (plus > 0) {
            override = path(s.substring(plus + 7), baseDir);
            s = s.substring(0, plus);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        OptionalDouble node = OptionalDouble.empty();
        int at = lower.indexOf('@');
        if (at >= 0) {
            try {
                node = OptionalDouble.of(Double.parseDouble(lower.substring(at + 1).replace("nm", "")));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected " + SYNTAX + " with NODE in nm (e.g. horowitz45@16), found '" + text + "'");
            }
            lower = lower.substring(0, at);
        }
        if (lower.isEmpty() || !lower.matches("[a-z0-9_-]+")) {
            throw new IllegalArgumentException("expected " + SYNTAX + ", found '" + text + "'");
        }
        return new CostModelSpec(lower, null, node, override);
    }

    private static Path path(String p, Path baseDir) {
        if (p.isBlank()) {
            throw new IllegalArgumentException("expected a CSV path after table:, found nothing");
        }
        Path path = Path.of(p.trim());
        return path.isAbsolute() || baseDir == null ? path : baseDir.resolve(path).normalize();
    }

    /** The same model at another node (a registered table only). */
    public CostModelSpec atNode(double nm) {
        if (table == null) {
            throw new IllegalArgumentException("a user table is used as is and cannot be scaled to " + nm + " nm");
        }
        return new CostModelSpec(table, null, OptionalDouble.of(nm), override);
    }

    @Override
    public String toString() {
        if (userTable != null) {
            return "table:" + userTable;
        }
        String n = node.isPresent() ? "@" + nodeText(node.getAsDouble()) : "";
        return table + n + (override == null ? "" : "+table:" + override);
    }

    private static String nodeText(double nm) {
        return nm == Math.rint(nm) ? Long.toString((long) nm) : Double.toString(nm);
    }
}
