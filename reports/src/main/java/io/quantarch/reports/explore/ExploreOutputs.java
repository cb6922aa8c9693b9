package io.quantarch.reports.explore;

import io.quantarch.reports.csv.CsvTable;
import io.quantarch.search.metric.Metric;
import io.quantarch.search.run.Exploration;
import io.quantarch.search.run.FrontBreakdown;
import io.quantarch.search.run.FrontPoint;
import io.quantarch.search.space.DesignSpace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files an exploration leaves beside its run log: {@code pareto.csv} (the front, tier-2 quality included),
 * {@code front_layers.csv} and {@code front_genes.csv} (what the report breaks down), the plots and {@code run.json}.
 * Each file is written under a temporary name and renamed when complete.
 */
public final class ExploreOutputs {

    public static final String PARETO = "pareto.csv";

    private ExploreOutputs() {
    }

    public static void write(Path dir, Exploration.Result r) throws IOException {
        writePareto(dir.resolve(PARETO), r.space(), r.front());
        writeLayers(dir.resolve("front_layers.csv"), FrontBreakdown.layers(r.space(), r.front()));
        writeGenes(dir.resolve("front_genes.csv"), FrontBreakdown.genes(r.space(), r.front(), r.quality()));
        writeComponents(dir.resolve("front_components.csv"), FrontBreakdown.components(r.space(), r.front()));
        writeMappings(dir.resolve("front_mappings"), FrontBreakdown.mappings(r.space(), r.front()));
        ExplorePlots.write(r.space(), dir, r.front());
        r.manifest().write(dir);
    }

    static void writePareto(Path file, DesignSpace space, List<FrontPoint> front) throws IOException {
        boolean real = space.quality().tier2Metric() != null;
        List<String> h = Columns.designHeader(space);
        if (real) {
            h.add("quality_loss_tier2");
            h.add(space.quality().tier2Metric() + "_tier2");
        }
        try (Atomic a = new Atomic(file); CsvTable t = CsvTable.create(a.tmp(), h)) {
            for (FrontPoint p : front) {
                List<String> row = new ArrayList<>(List.of(Long.toString(p.evaluation()), Integer.toString(p.generation())));
                row.addAll(Columns.labels(space, p.choice()));
                for (Metric m : space.metricColumns()) {
                    row.add(CsvTable.exact(p.metrics().get(m)));
                }
                if (real) {
                    row.add(CsvTable.exact(p.tier2Loss()));
                    row.add(CsvTable.exact(p.tier2Value()));
                }
                t.text(row);
            }
            t.close();
            a.commit();
        }
    }

    static void writeLayers(Path file, List<FrontBreakdown.LayerRow> rows) throws IOException {
        try (Atomic a = new Atomic(file); CsvTable t = CsvTable.create(a.tmp(), List.of("evaluation", "layer", "type", "macs", "cycles",
                "latency_s", "energy_pj", "dram_bytes", "luts", "peak_ops_per_cycle", "dram_bytes_per_cycle", "clock_hz"))) {
            for (FrontBreakdown.LayerRow r : rows) {
                t.text(List.of(Long.toString(r.evaluation()), r.layer(), r.type(), Long.toString(r.macs()), Long.toString(r.cycles()),
                        CsvTable.exact(r.latencyS()), CsvTable.exact(r.energyPj()), CsvTable.exact(r.dramBytes()), CsvTable.exact(r.luts()),
                        CsvTable.exact(r.peakOpsPerCycle()), CsvTable.exact(r.dramBytesPerCycle()), CsvTable.exact(r.clockHz())));
            }
            t.close();
            a.commit();
        }
    }

    /** Each hierarchy front design's mappings: {@code front_mappings/e<evaluation>/<nest>.yaml} (Timeloop's format). */
    static void writeMappings(Path dir, List<FrontBreakdown.MappingRow> rows) throws IOException {
        for (FrontBreakdown.MappingRow m : rows) {
            Path d = dir.resolve("e" + m.evaluation());
            java.nio.file.Files.createDirectories(d);
            try (Atomic a = new Atomic(d.resolve(m.nest().replaceAll("[^A-Za-z0-9._-]", "_") + ".yaml"))) {
                java.nio.file.Files.writeString(a.tmp(), m.yaml());
                a.commit();
            }
        }
    }

    static void writeComponents(Path file, List<FrontBreakdown.ComponentRow> rows) throws IOException {
        try (Atomic a = new Atomic(file); CsvTable t = CsvTable.create(a.tmp(), List.of("evaluation", "component", "energy_dynamic_pj",
                "energy_leakage_pj", "price_source"))) {
            for (FrontBreakdown.ComponentRow r : rows) {
                t.text(List.of(Long.toString(r.evaluation()), r.component(), CsvTable.exact(r.dynamicPj()), CsvTable.exact(r.leakagePj()),
                        r.priceSource()));
            }
            t.close();
            a.commit();
        }
    }

    static void writeGenes(Path file, List<FrontBreakdown.GeneRow> rows) throws IOException {
        try (Atomic a = new Atomic(file); CsvTable t = CsvTable.create(a.tmp(), List.of("evaluation", "gene", "option", "quality_contribution"))) {
            for (FrontBreakdown.GeneRow r : rows) {
                t.text(List.of(Long.toString(r.evaluation()), r.gene(), r.option(), CsvTable.exact(r.qualityContribution())));
            }
            t.close();
            a.commit();
        }
    }

    /** A temporary sibling that becomes the target on {@link #commit}, or is discarded. */
    static final class Atomic implements AutoCloseable {
        private final Path target;
        private final Path tmp;
        private boolean committed;

        Atomic(Path target) throws IOException {
            this.target = target;
            this.tmp = io.quantarch.config.io.AtomicOutput.temporarySibling(target);
        }

        Path tmp() {
            return tmp;
        }

        void commit() throws IOException {
            io.quantarch.config.io.AtomicOutput.commit(tmp, target);
            committed = true;
        }

        @Override
        public void close() {
            if (!committed) {
                io.quantarch.config.io.AtomicOutput.discard(tmp);
            }
        }
    }
}
