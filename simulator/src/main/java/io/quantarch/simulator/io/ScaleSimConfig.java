package io.quantarch.simulator.io;

import io.quantarch.simulator.Architecture;
import io.quantarch.simulator.Compat;
import io.quantarch.simulator.array.ArraySpec;
import io.quantarch.simulator.array.Dataflow;
import io.quantarch.simulator.memory.MemorySpec;
import io.quantarch.simulator.pe.IntMacSpec;
import io.quantarch.config.ConfigException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SCALE-Sim v2 configuration files ({@code .cfg}, scale_config.py): sections {@code [general]},
 * {@code [architecture_presets]}, {@code [run_presets]}, keys separated by {@code :} or {@code =}. The
 * architecture runs in {@link Compat#SCALESIM} mode: an INT8 MAC array with one-byte words. Keys SCALE-Sim
 * accepts but quantarch does not model are read and listed in {@link #IGNORED}; any other key is an error.
 */
public final class ScaleSimConfig {

    static final List<String> MODELLED = List.of("run_name", "ArrayHeight", "ArrayWidth", "IfmapSramSzkB", "FilterSramSzkB",
            "OfmapSramSzkB", "Dataflow", "Bandwidth", "InterfaceBandwidth");
    /** Accepted, not modelled: address offsets only label traces; banks/ports and sparsity options are v2 extras. */
    public static final List<String> IGNORED = List.of("IfmapOffset", "FilterOffset", "OfmapOffset", "MemoryBanks",
            "ReadRequestBuffer", "WriteRequestBuffer", "UseRamulatorTrace", "SparsitySupport", "SparseRep",
            "OptimizedMapping", "BlockSize", "RandomNumberGeneratorSeed", "IfmapCustomLayout", "FilterCustomLayout",
            "IfmapSRAMBankNum", "IfmapSRAMBankPort", "FilterSRAMBankNum", "FilterSRAMBankPort", "save_disk_space");

    private ScaleSimConfig() {
    }

    public static Architecture read(Path file) throws ConfigException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw ConfigException.of(file.toString(), "file not found");
        } catch (IOException e) {
            throw ConfigException.of(file.toString(), "cannot read: " + e.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            entry(file, lines.get(i).strip(), i + 1, values, lineOf);
        }
        String name = values.getOrDefault("run_name", baseName(file));
        int h = positive(file, values, lineOf, "ArrayHeight");
        int w = positive(file, values, lineOf, "ArrayWidth");
        double ik = positiveDouble(file, values, lineOf, "IfmapSramSzkB");
        double fk = positiveDouble(file, values, lineOf, "FilterSramSzkB");
        double ok = positiveDouble(file, values, lineOf, "OfmapSramSzkB");
        String df = required(file, values, "Dataflow");
        Dataflow dataflow;
        try {
            dataflow = Dataflow.parse(df);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, "line " + lineOf.get("Dataflow") + ", key 'Dataflow'", "os, ws or is", "'" + df + "'");
        }
        double bw = bandwidth(file, values, lineOf);
        return new Architecture(name, new ArraySpec(h, w, dataflow), IntMacSpec.INT8, new MemorySpec(ik, fk, ok, bw, true),
                1.0, w, Compat.SCALESIM, io.quantarch.cost.actions.CostModelSpec.DEFAULT);
    }

    /** One line of the file: a comment, a section header, or a known key's value (each key once). */
    private static void entry(Path file, String l, int lineNo, Map<String, String> values, Map<String, Integer> lineOf) throws ConfigException {
        if (l.isEmpty() || l.startsWith("#") || l.startsWith(";") || (l.startsWith("[") && l.endsWith("]"))) {
            return;
        }
        int sep = indexOfSeparator(l);
        if (sep < 0) {
            throw new ConfigException(file, "line " + lineNo, "'Key: value' or 'Key = value'", "'" + io.quantarch.config.Text.excerpt(l) + "'");
        }
        String key = l.substring(0, sep).strip();
        String known = canonical(key);
        if (known == null) {
            String near = java.util.stream.Stream.concat(MODELLED.stream(), IGNORED.stream())
                    .min(Comparator.comparingInt(k -> io.quantarch.config.Names.editDistance(k.toLowerCase(Locale.ROOT), key.toLowerCase(Locale.ROOT))))
                    .orElse("");
            throw new ConfigException(file, "line " + lineNo + ", key '" + key + "'", "a SCALE-Sim v2 key (did you mean '" + near + "'?)",
                    "unknown key '" + key + "'");
        }
        if (values.containsKey(known)) {
            throw new ConfigException(file, "line " + lineNo + ", key '" + key + "'", "each key once",
                    "a second '" + key + "' (first on line " + lineOf.get(known) + ")");
        }
        values.put(known, l.substring(sep + 1).strip());
        lineOf.put(known, lineNo);
    }

    /** Words per cycle: unlimited for CALC (SCALE-Sim's calculated bandwidth), the first Bandwidth value for USER. */
    private static double bandwidth(Path file, Map<String, String> values, Map<String, Integer> lineOf) throws ConfigException {
        String mode = values.getOrDefault("InterfaceBandwidth", "CALC").toUpperCase(Locale.ROOT);
        if (mode.equals("CALC")) {
            return Double.POSITIVE_INFINITY;
        }
        if (!mode.equals("USER")) {
            throw new ConfigException(file, "line " + lineOf.get("InterfaceBandwidth") + ", key 'InterfaceBandwidth'",
                    "CALC or USER", "'" + values.get("InterfaceBandwidth") + "'");
        }
        String b = required(file, values, "Bandwidth").split(",")[0].strip();   // SCALE-Sim uses the first value only
        try {
            double bw = Double.parseDouble(b);
            if (bw >= 1) {
                return bw;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new ConfigException(file, "line " + lineOf.get("Bandwidth") + ", key 'Bandwidth'", "words per cycle >= 1", "'" + b + "'");
    }

    private static int indexOfSeparator(String l) {
        int c = l.indexOf(':');
        int e = l.indexOf('=');
        if (c < 0) {
            return e;
        }
        return e < 0 ? c : Math.min(c, e);
    }

    private static String canonical(String key) {
        for (String k : MODELLED) {
            if (k.equalsIgnoreCase(key)) {
                return k;
            }
        }
        for (String k : IGNORED) {
            if (k.equalsIgnoreCase(key)) {
                return k;
            }
        }
        return null;
    }

    private static String required(Path file, Map<String, String> v, String key) throws ConfigException {
        String s = v.get(key);
        if (s == null || s.isEmpty()) {
            throw new ConfigException(file, "key '" + key + "'", "a value", "nothing (the key is required)");
        }
        return s;
    }

    private static int positive(Path file, Map<String, String> v, Map<String, Integer> lines, String key) throws ConfigException {
        String s = required(file, v, key);
        try {
            int n = Integer.parseInt(s);
            if (n < 1 || n > 65536) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(file, "line " + lines.get(key) + ", key '" + key + "'", "an integer 1..65536", "'" + s + "'");
        }
    }

    private static double positiveDouble(Path file, Map<String, String> v, Map<String, Integer> lines, String key) throws ConfigException {
        String s = required(file, v, key);
        try {
            double d = Double.parseDouble(s);
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ConfigException(file, "line " + lines.get(key) + ", key '" + key + "'", "a positive size in kB", "'" + s + "'");
        }
    }

    private static String baseName(Path f) {
        String n = f.getFileName().toString();
        return n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : n;
    }
}
