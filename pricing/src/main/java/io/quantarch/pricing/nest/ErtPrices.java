package io.quantarch.pricing.nest;

import io.quantarch.config.ConfigException;
import io.quantarch.config.YamlNode;
import io.quantarch.simulator.nest.NestArchitecture;


import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Accelergy's energy reference table (ERT: energy per action of each component, pJ) and area reference table (ART:
 * um^2 per instance) as the loop-nest model's prices. Table names like {@code system_top_level.pe_spad[1..256]} are
 * matched to levels by the part after the last dot with the range removed, as Timeloop does. A level or action the
 * model needs and the table lacks is an error naming both.
 */
public final class ErtPrices implements NestPrices {

    private final String ertFile;
    private final Map<String, Map<String, Double>> energy;
    private final Map<String, Double> area;
    private final NestPrices fallbackArea;

    private ErtPrices(String ertFile, Map<String, Map<String, Double>> energy, Map<String, Double> area, NestPrices fallbackArea) {
        this.ertFile = ertFile;
        this.energy = energy;
        this.area = area;
        this.fallbackArea = fallbackArea;
    }

    /**
     * The ERT (and ART, or null: areas then come from {@code fallbackArea}); every action of every level the model
     * will price is checked here, before any evaluation.
     */
    public static ErtPrices read(Path ert, Path art, NestArchitecture a, NestPrices fallbackArea) throws ConfigException {
        Map<String, Map<String, Double>> e = new HashMap<>();
        YamlNode root = YamlNode.readTagged(ert);
        YamlNode tables = root.get("ERT").get("tables");
        for (YamlNode t : tables.list()) {
            Map<String, Double> actions = new HashMap<>();
            for (YamlNode act : t.get("actions").list()) {
                String name = act.get("name").asText();
                actions.putIfAbsent(name, act.get("energy").asDouble(0, 1e12));   // the first entry of an action (no arguments)
            }
            e.put(levelName(t.get("name").asText()), actions);
        }
        Map<String, Double> ar = new HashMap<>();
        if (art != null) {
            for (YamlNode t : YamlNode.readTagged(art).get("ART").get("tables").list()) {
                ar.put(levelName(t.get("name").asText()), t.get("area").asDouble(0, 1e15));
            }
        }
        ErtPrices p = new ErtPrices(ert.toString(), e, ar, fallbackArea);
        for (NestArchitecture.Storage s : a.storage()) {
            for (String action : new String[] {"read", "write", "update"}) {
                p.need(tables, s.name(), action);
            }
        }
        p.need(tables, a.arithmetic().name(), "compute");
        return p;
    }

    static String levelName(String table) {
        String n = table.replaceAll("\\[[^\\]]*]$", "");
        return n.substring(n.lastIndexOf('.') + 1);
    }

    private double need(YamlNode where, String level, String action) throws ConfigException {
        Map<String, Double> t = energy.get(level);
        if (t == null) {
            throw where.errorAt("an ERT table for level '" + level + "'", "none (tables: " + energy.keySet() + ")");
        }
        Double v = t.get(action);
        if (v == null) {
            throw where.errorAt("action '" + action + "' for level '" + level + "'", "actions " + t.keySet());
        }
        return v;
    }

    private double get(String level, String action) {
        return energy.get(level).getOrDefault(action, 0.0);
    }

    @Override
    public double readPj(NestArchitecture.Storage s) {
        return get(s.name(), "read");
    }

    @Override
    public double writePj(NestArchitecture.Storage s) {
        return get(s.name(), "write");
    }

    @Override
    public double updatePj(NestArchitecture.Storage s) {
        return get(s.name(), "update");
    }

    @Override
    public double leakPerCyclePj(NestArchitecture.Storage s) {
        return get(s.name(), "leak");
    }

    @Override
    public double areaUm2(NestArchitecture.Storage s) {
        Double v = area.get(s.name());
        return v != null ? v : fallbackArea.areaUm2(s);
    }

    @Override
    public double computePj(NestArchitecture.Arithmetic a) {
        return get(a.name(), "compute");
    }

    @Override
    public double areaUm2(NestArchitecture.Arithmetic a) {
        Double v = area.get(a.name());
        return v != null ? v : fallbackArea.areaUm2(a);
    }

    @Override
    public String source() {
        return "ERT " + ertFile;
    }
}
