package io.quantarch.search.eval;

import io.quantarch.search.space.Design;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.QuantGene;
import io.quantarch.simulator.Simulator;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.layer.LayerGlob;
import io.quantarch.workloads.policy.LayerQuant;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * The systolic evaluator's hot path without strings, globs or policies: which quantization genes decide each layer is
 * worked out once per space, so a design's layer {@code i} is found by array index as (architecture, layer, the option
 * of each gene deciding it). Each entry holds the layer's exact cycles, energy and weight bits (or why the PE cannot run
 * it), computed once from a decoded design and then shared by every design that has the same formats on that layer.
 * Entries are immutable and a slot is written with the same value by whichever thread gets there first, so the racy
 * fill is benign and the totals (exact decimal sums) are the same at any thread count.
 */
final class LayerTable {

    /** One layer under one combination of its genes' options. */
    record Entry(BigDecimal cycles, BigDecimal energyPj, BigDecimal weightBits, String unsupported) { }

    /** One architecture's entries ({@code entries[layer][combination]}, filled on first use), its clock and area. */
    static final class Slot {
        private final Entry[][] entries;
        private volatile double clockGhz = Double.NaN;
        private volatile double areaMm2 = Double.NaN;

        Slot(Entry[][] entries) {
            this.entries = entries;
        }

        Entry[][] entries() {
            return entries;
        }

        double clockGhz(java.util.function.DoubleSupplier of) {
            double v = clockGhz;
            return Double.isNaN(v) ? (clockGhz = of.getAsDouble()) : v;
        }

        double areaMm2(java.util.function.DoubleSupplier of) {
            double v = areaMm2;
            return Double.isNaN(v) ? (areaMm2 = of.getAsDouble()) : v;
        }
    }

    private final DesignSpace space;
    private final int nArch;
    private final int[][] genesOfLayer;         // quantization-gene indices deciding each layer, in gene order
    private final int[] combinations;           // product of those genes' option counts
    private final ConcurrentHashMap<Long, Slot> slots = new ConcurrentHashMap<>();

    LayerTable(DesignSpace space) {
        this.space = space;
        this.nArch = space.archGenes().size();
        List<Layer> layers = space.workload().layers();
        List<List<Integer>> of = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            of.add(new ArrayList<>());
        }
        // A gene decides every layer its glob matches, as the design's policy applies it (DesignSpace.policy): not only
        // the layers it lists (those with weights), since a norm, residual or attention layer under the same glob gets
        // the gene's format too and its cost may depend on it. Listing only the weighted layers let a cached entry of
        // the first design serve later designs with other formats there (188 of the default study's 672 evaluations).
        List<QuantGene> genes = space.quantGenes();
        for (int j = 0; j < genes.size(); j++) {
            for (int i = 0; i < layers.size(); i++) {
                if (LayerGlob.matches(genes.get(j).glob(), layers.get(i).name())) {      // the layers it lists match too
                    of.get(i).add(j);
                }
            }
        }
        genesOfLayer = new int[layers.size()][];
        combinations = new int[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            genesOfLayer[i] = of.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
            int c = 1;
            for (int j : genesOfLayer[i]) {
                c = Math.multiplyExact(c, genes.get(j).options().size());
            }
            combinations[i] = c;
        }
    }

    /** Whether the table applies: a systolic array without an attention unit (FPGA and hierarchy designs go their own way). */
    static boolean applies(DesignSpace space) {
        return space.fpgaBase() == null && space.hierarchyBase() == null && !space.hasAttentionUnit();
    }

    int layers() {
        return genesOfLayer.length;
    }

    /** The architecture's slot, by the mixed-radix index of the choice's architecture genes. */
    Slot slot(int[] choice) {
        long a = 0;
        int[] radices = space.radices();
        for (int i = 0; i < nArch; i++) {
            a = a * radices[i] + choice[i];
        }
        return slots.computeIfAbsent(a, k -> {
            Entry[][] e = new Entry[genesOfLayer.length][];
            for (int i = 0; i < e.length; i++) {
                e[i] = new Entry[combinations[i]];
            }
            return new Slot(e);
        });
    }

    /** Layer {@code i}'s entry for {@code choice}; {@code compute} builds it (from a decoded design) the first time. */
    Entry entry(Slot s, int i, int[] choice, IntFunction<Entry> compute) {
        int c = 0;
        for (int j : genesOfLayer[i]) {
            c = c * space.quantGenes().get(j).options().size() + choice[nArch + j];
        }
        Entry e = s.entries()[i][c];
        if (e == null) {
            e = compute.apply(i);
            s.entries()[i][c] = e;
        }
        return e;
    }

    /** The entry of layer {@code l} of a decoded design: why its PE cannot run it, or its cost (from {@code cost}) and weight bits. */
    static Entry compute(Design d, Layer l, java.util.function.Supplier<double[]> cost) {
        String why = Simulator.unsupported(d.architecture(), l, d.policy());
        if (why != null) {
            return new Entry(null, null, null, why);
        }
        LayerQuant q = d.policy().forLayer(l.name());
        double[] c = cost.get();
        return new Entry(new BigDecimal(c[0]), new BigDecimal(c[1]), new BigDecimal(l.weightElements() * q.weights().bitsPerElement()), null);
    }
}
