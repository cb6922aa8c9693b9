package io.quantarch.search.space;

import io.quantarch.simulator.Architecture;
import io.quantarch.simulator.Simulator;
import io.quantarch.simulator.fpga.DataflowSimulator;
import io.quantarch.simulator.fpga.FpgaDataflowSpec;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.layer.Workload;
import io.quantarch.workloads.policy.LayerQuant;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.policy.TensorQuant;
import io.quantarch.workloads.quality.Sensitivity.Role;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the user asked to search: the workload, how quality is measured, the base architecture and the genes that
 * vary it, the default quantization and the genes that vary it, objectives, constraints and search settings.
 * Parsed once from SPACE.yaml by {@link SpaceYaml}; a design is a choice vector, one option index per gene.
 *
 * @param fpgaBase the FPGA dataflow the architecture genes vary in an FPGA space; null in a systolic space ({@code base})
 * @param hierarchyBase the Timeloop hierarchy the {@code hierarchy.*} genes vary, each design's layers mapped by the mapper;
 *                      null unless the base is one
 * @param source text the space was parsed from (hashed into checkpoints so a resume cannot mix two spaces)
 */
public record DesignSpace(String name, String workloadSpec, Workload workload, QualitySpec quality, Architecture base,
                          FpgaDataflowSpec fpgaBase, HierarchyBase hierarchyBase, List<ArchGene> archGenes, LayerQuant defaults, List<QuantGene> quantGenes,
                          List<Objective> objectives, List<Limit> constraints, SearchSettings search, String source) {

    public DesignSpace {
        archGenes = List.copyOf(archGenes);
        quantGenes = List.copyOf(quantGenes);
        objectives = List.copyOf(objectives);
        constraints = List.copyOf(constraints);
    }

    /** The same space searched with other settings (command-line overrides, baselines at equal budget). */
    public DesignSpace withSearch(SearchSettings s) {
        return new DesignSpace(name, workloadSpec, workload, quality, base, fpgaBase, hierarchyBase, archGenes, defaults, quantGenes, objectives,
                constraints, s, source);
    }

    /** The objectives of {@code m}, each as the value the search minimises, in the space's objective order. */
    public double[] minimised(io.quantarch.search.metric.MetricValues m) {
        double[] f = new double[objectives.size()];
        for (int j = 0; j < f.length; j++) {
            Objective o = objectives.get(j);
            f[j] = o.minimised(m.get(o.metric()));
        }
        return f;
    }

    /** The hardware this space's designs are built on. */
    public io.quantarch.search.metric.Metric.Hardware hardware() {
        return fpgaBase != null ? io.quantarch.search.metric.Metric.Hardware.FPGA : io.quantarch.search.metric.Metric.Hardware.SYSTOLIC;
    }

    /** The metric columns runs write for this space: its quality metric, then the cost metrics its hardware has. */
    public java.util.List<io.quantarch.search.metric.Metric> metricColumns() {
        java.util.List<io.quantarch.search.metric.Metric> c = new ArrayList<>();
        for (io.quantarch.search.metric.Metric m : io.quantarch.search.metric.Metrics.all()) {
            if (m.quality() ? m == quality.metric() : m.hardware().contains(hardware())) {
                c.add(m);
            }
        }
        return c;
    }

    public int geneCount() {
        return archGenes.size() + quantGenes.size();
    }

    /** Options of gene {@code i} (architecture genes first). */
    public int options(int i) {
        return i < archGenes.size() ? archGenes.get(i).values().size() : quantGenes.get(i - archGenes.size()).options().size();
    }

    public int[] radices() {
        int[] r = new int[geneCount()];
        for (int i = 0; i < r.length; i++) {
            r[i] = options(i);
        }
        return r;
    }

    public List<String> geneNames() {
        List<String> n = new ArrayList<>();
        archGenes.forEach(g -> n.add(g.name()));
        quantGenes.forEach(g -> n.add(g.name()));
        return n;
    }

    public String label(int gene, int option) {
        return gene < archGenes.size() ? archGenes.get(gene).labels().get(option)
                : quantGenes.get(gene - archGenes.size()).labels().get(option);
    }

    /** Number of designs (the product of the genes' option counts). */
    public BigInteger size() {
        BigInteger s = BigInteger.ONE;
        for (int r : radices()) {
            s = s.multiply(BigInteger.valueOf(r));
        }
        return s;
    }

    public Design decode(int[] choice) {
        if (choice.length != geneCount()) {
            throw new IllegalArgumentException("expected " + geneCount() + " genes, got " + choice.length);
        }
        Architecture a = base;
        FpgaDataflowSpec f = fpgaBase;
        io.quantarch.simulator.nest.NestArchitecture h = hierarchyBase == null ? null : hierarchyBase.base();
        Map<ArchKnob, Object> attention = null;
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < archGenes.size(); i++) {
            ArchGene g = archGenes.get(i);
            Object v = g.values().get(choice[i]);
            if (g.knob().attention()) {
                attention = attention == null ? new EnumMap<>(ArchKnob.class) : attention;
                attention.put(g.knob(), v);
                continue;
            }
            if (h != null) {
                h = g.knob().apply(h, g.layer(), v);
            } else if (f != null) {
                f = g.knob().apply(f, g.layer(), v);
            } else {
                a = g.knob().apply(a, v);
            }
            key.append(key.isEmpty() ? "" : ".").append(choice[i]);
        }
        a = a.withName(base.name() + (key.isEmpty() ? "" : "#" + key));
        AttentionUnit unit = attention == null ? null : AttentionUnit.of(attention, attentionLayers());
        return new Design(choice, a, f, h, unit, policy(choice), key.toString());
    }

    /** Whether the space has attention genes (its attention layers run on an attention unit beside the array). */
    public boolean hasAttentionUnit() {
        return archGenes.stream().anyMatch(g -> g.knob().attention());
    }

    /** Decoder layers of the model the attention unit runs (stories260K: 5). */
    private static int attentionLayers() {
        return io.quantarch.simulator.attention.SpAttenRun.modelConfig().layers();
    }

    /** The quantization policy of a choice vector: the default, then one override per quantization gene, in order. */
    public QuantPolicy policy(int[] choice) {
        List<QuantPolicy.Override> o = new ArrayList<>(quantGenes.size());
        for (int j = 0; j < quantGenes.size(); j++) {
            QuantGene g = quantGenes.get(j);
            TensorQuant t = g.options().get(choice[archGenes.size() + j]);
            Optional<TensorQuant> v = Optional.of(t);
            Optional<TensorQuant> none = Optional.empty();
            o.add(new QuantPolicy.Override(g.glob(), g.role() == Role.WEIGHTS ? v : none, g.role() == Role.INPUTS ? v : none,
                    none, g.role() == Role.KV_CACHE ? v : none, Optional.empty()));
        }
        return new QuantPolicy(name + "-design", defaults, o);
    }

    /** Null when the PE of the design runs every layer's formats, else the first layer it cannot run and why. */
    public String unsupported(Design d) {
        for (Layer l : workload.layers()) {
            String why = unsupported(d, l);
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    /** Why the design's hardware cannot run layer {@code l} under its policy, or null. */
    private static String unsupported(Design d, Layer l) {
        if (d.hierarchy() != null) {
            return null;                                                     // a loop nest moves elements of any width
        }
        return d.fpga() != null ? DataflowSimulator.unsupported(l, d.policy()) : Simulator.unsupported(d.architecture(), l, d.policy());
    }

    /** How many of the layers a quantization gene decides (all layers when {@code g} is null) the design's PE cannot run. */
    int unsupportedCount(Design d, QuantGene g) {
        int n = 0;
        for (Layer l : workload.layers()) {
            if ((g == null || g.layers().contains(l.name())) && unsupported(d, l) != null) {
                n++;
            }
        }
        return n;
    }

    /**
     * Moves quantization genes whose layers the PE cannot run to an option it can, what the Jenetics
     * {@code Constraint} of the search calls. The broadest gene (an activation format shared by every layer, say) tries
     * each of its options, cyclically from its current one; given each, the narrower genes are repaired greedily
     * ({@link #greedy}); the first option leaving the fewest unsupported layers wins. Deterministic. Returns the
     * repaired choice, which may still be unsupported when no option fits (the evaluator then marks it infeasible).
     */
    public int[] repair(int[] choice) {
        if (unsupported(decode(choice)) == null || quantGenes.isEmpty()) {
            return choice.clone();
        }
        Integer[] order = new Integer[quantGenes.size()];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (x, y) -> {
            int cmp = Integer.compare(quantGenes.get(y).layers().size(), quantGenes.get(x).layers().size());
            return cmp != 0 ? cmp : Integer.compare(x, y);
        });
        int broad = order[0];
        int gi = archGenes.size() + broad;
        int n = quantGenes.get(broad).options().size();
        int[] best = null;
        int bestCount = Integer.MAX_VALUE;
        for (int step = 0; step < n && bestCount > 0; step++) {
            int[] c = choice.clone();
            c[gi] = (choice[gi] + step) % n;
            for (int k = 1; k < order.length; k++) {
                greedy(c, order[k]);
            }
            int count = unsupportedCount(decode(c), null);
            if (count < bestCount) {
                best = c;
                bestCount = count;
            }
        }
        return best;
    }

    /** Moves gene {@code j} to the first option (cyclically from its current one) leaving the fewest of its layers unsupported. */
    private void greedy(int[] c, int j) {
        QuantGene g = quantGenes.get(j);
        int gi = archGenes.size() + j;
        int original = c[gi];
        int best = original;
        int bestCount = unsupportedCount(decode(c), g);
        for (int step = 1; step < g.options().size() && bestCount > 0; step++) {
            c[gi] = (original + step) % g.options().size();
            int n = unsupportedCount(decode(c), g);
            if (n < bestCount) {
                best = c[gi];
                bestCount = n;
            }
        }
        c[gi] = best;
    }

    public static String key(int[] choice) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < choice.length; i++) {
            b.append(i == 0 ? "" : ".").append(choice[i]);
        }
        return b.toString();
    }

    public static int[] parseKey(String key) {
        if (key.isEmpty()) {
            return new int[0];
        }
        String[] p = key.split("\\.");
        int[] c = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            c[i] = Integer.parseInt(p[i]);
        }
        return c;
    }
}
