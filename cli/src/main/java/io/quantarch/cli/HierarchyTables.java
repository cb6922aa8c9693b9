package io.quantarch.cli;

import io.quantarch.pricing.nest.NestResult;
import io.quantarch.reports.csv.CsvTable;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.layer.Workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The files of a whole-network mapping: layers.csv, levels.csv, summary.csv and one mapping file per loop nest. */
final class HierarchyTables {

    private HierarchyTables() {
    }

    /** Network totals: layers run one after another, each loop nest {@code repeat} times. */
    record Totals(int mappedLayers, int distinct, long macs, long cycles, double energyPj, double areaUm2) { }

    static Totals totals(Map<Layer, List<HierarchySimulation.Mapped>> mapped) {
        int layers = 0;
        long macs = 0;
        long cycles = 0;
        double energy = 0;
        double area = 0;
        Set<String> shapes = new HashSet<>();
        for (List<HierarchySimulation.Mapped> nests : mapped.values()) {
            layers += nests.isEmpty() ? 0 : 1;
            for (HierarchySimulation.Mapped m : nests) {
                macs += m.result().computes() * m.repeat();
                cycles += m.result().cycles() * m.repeat();
                energy += m.result().energyPj() * m.repeat();
                area = Math.max(area, m.result().areaUm2());
                shapes.add(HierarchySimulation.key(m.problem(), m.arch()));
            }
        }
        return new Totals(layers, shapes.size(), macs, cycles, energy, area);
    }

    static void write(Path dir, HierarchySimulation.Job job, Workload w, Map<Layer, List<HierarchySimulation.Mapped>> mapped, double seconds)
            throws IOException {
        try (CsvTable t = CsvTable.create(dir.resolve("layers.csv"), List.of("layer", "type", "nest", "problem", "repeat", "macs", "cycles",
                "utilization", "energy_pj", "compute_energy_pj", "leakage_pj", "edp", "mapper", "evaluations", "valid", "cached", "mapping"))) {
            for (Map.Entry<Layer, List<HierarchySimulation.Mapped>> e : mapped.entrySet()) {
                String type = e.getKey().getClass().getSimpleName().toLowerCase(Locale.ROOT);
                if (e.getValue().isEmpty()) {
                    row(t, e.getKey().name(), type, null, "no matrix product: not a loop nest", null, 0, null, null, null, null, null, null, null,
                            null, null, null, null);
                }
                for (HierarchySimulation.Mapped m : e.getValue()) {
                    NestResult r = m.result();
                    String file = "mappings/" + fileName(m.problem().name()) + ".yaml";
                    Files.writeString(dir.resolve(file), m.yaml());
                    row(t, e.getKey().name(), type, m.problem().name(), shape(m), m.repeat(), r.computes() * m.repeat(), r.cycles() * m.repeat(),
                            r.utilization(), r.energyPj() * m.repeat(), r.computeEnergyPj() * m.repeat(), r.leakagePj() * m.repeat(), r.edp(),
                            m.search().algorithm(), m.search().evaluations(), m.search().valid(), m.cached(), file);
                }
            }
        }
        writeLevels(dir, mapped);
        Totals s = totals(mapped);
        try (CsvTable t = CsvTable.create(dir.resolve("summary.csv"), List.of("workload", "architecture", "layers", "mapped_layers",
                "distinct_nests", "macs", "cycles", "energy_pj", "energy_per_mac_pj", "area_um2", "edp", "mapper_algorithm", "mapper_objective",
                "mapper_budget_per_nest", "seed", "prices", "mapping_seconds"))) {
            String prices = mapped.values().stream().flatMap(List::stream).findFirst().map(m -> m.result().prices()).orElse("");
            row(t, w.name(), job.arch().get(0).getFileName().toString(), w.layers().size(), s.mappedLayers(), s.distinct(), s.macs(), s.cycles(),
                    s.energyPj(), s.energyPj() / Math.max(1, s.macs()), s.areaUm2(), s.energyPj() * 1e-12 * s.cycles(),
                    job.settings().algorithm(), job.settings().objective().label(), job.settings().budget(), job.settings().seed(), prices, seconds);
        }
    }

    private static void writeLevels(Path dir, Map<Layer, List<HierarchySimulation.Mapped>> mapped) throws IOException {
        try (CsvTable t = CsvTable.create(dir.resolve("levels.csv"), List.of("nest", "repeat", "level", "dataspace", "instances",
                "utilized_instances", "utilized_capacity", "reads", "fills", "updates", "temporal_reductions", "bits", "energy_pj"))) {
            for (List<HierarchySimulation.Mapped> nests : mapped.values()) {
                for (HierarchySimulation.Mapped m : nests) {
                    for (NestResult.LevelStats l : m.result().levels()) {
                        row(t, m.problem().name(), m.repeat(), l.level(), l.dataSpace(), l.instances(), l.utilizedInstances(), l.utilizedCapacity(),
                                l.reads(), l.fills(), l.updates(), l.temporalReductions(), l.bits(), l.energyPj());
                    }
                }
            }
        }
    }

    /** A row with doubles at full precision (the nest model's numbers round-trip). */
    static void row(CsvTable t, Object... cells) throws IOException {
        Object[] out = cells.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Double d) {
                out[i] = CsvTable.exact(d);
            }
        }
        t.row(out);
    }

    static String shape(HierarchySimulation.Mapped m) {
        List<String> parts = new ArrayList<>();
        for (int d = 0; d < m.problem().dims().size(); d++) {
            parts.add(m.problem().dims().get(d) + "=" + m.problem().bounds()[d]);
        }
        return String.join(" ", parts);
    }

    static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
