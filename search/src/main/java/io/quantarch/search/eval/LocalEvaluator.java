package io.quantarch.search.eval;

import io.quantarch.cost.actions.CostModelSpec;
import io.quantarch.cost.estimate.CostModel;
import io.quantarch.cost.estimate.CostModels;
import io.quantarch.cost.actions.Inventory;
import io.quantarch.pricing.Pricing;
import io.quantarch.pricing.fpga.PricedDataflow;
import io.quantarch.search.space.Design;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.Limit;
import io.quantarch.search.metric.DesignTotals;
import io.quantarch.search.metric.Metric;
import io.quantarch.search.metric.MetricValues;
import io.quantarch.simulator.Architecture;
import io.quantarch.simulator.Fidelity;
import io.quantarch.simulator.LayerResult;
import io.quantarch.simulator.Simulator;
import io.quantarch.simulator.fpga.DataflowSimulator;
import io.quantarch.workloads.layer.Attention;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.policy.LayerQuant;
import io.quantarch.workloads.policy.QuantPolicy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Evaluates designs on this machine's threads: tier-1 quality from a {@link QualityTable}, latency and energy from the
 * simulator (analytic fidelity) priced by the design's cost model, area from its inventory. Layers run from empty
 * buffers, so a layer's cost depends only on the architecture and that layer's formats: it is cached under exactly
 * that key, and most designs a search proposes are assembled from cached layers. Totals are summed exactly, so they
 * do not depend on the order layers were computed in.
 */
public final class LocalEvaluator implements Evaluator {

    private final DesignSpace space;
    private final ExecutorService pool;
    private final int threads;
    private final ConcurrentHashMap<String, double[]> layerCost = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Double> areaMm2 = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Inventory> inventories = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<CostModelSpec, CostModel> costModels = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Evaluation> designs = new ConcurrentHashMap<>();
    /** Designs remembered for repeats (an exhaustive run over millions never repeats one; a search repeats recent ones). */
    static final int DESIGN_CACHE_LIMIT = 200_000;
    private volatile QualityTable quality;
    private final HierarchyCost hierarchy;
    private final LayerTable table;

    public LocalEvaluator(DesignSpace space, int threads) {
        this.space = space;
        this.hierarchy = space.hierarchyBase() == null ? null : new HierarchyCost(space);
        this.table = LayerTable.applies(space) ? new LayerTable(space) : null;
        this.threads = Math.max(1, threads);
        this.pool = Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "quantarch-eval");
            t.setDaemon(true);
            return t;
        });
    }

    public int threads() {
        return threads;
    }

    /** Measures the tier-1 quality table (sensitivities are cached on disk under {@code cacheDir}; null: no disk cache). */
    public QualityTable prepare(Path cacheDir) {
        if (quality == null) {
            quality = QualityTable.measure(space, this, cacheDir);
        }
        return quality;
    }

    /** Uses a table measured elsewhere instead of measuring it (a distributed evaluator's workers get the driver's). */
    public void install(QualityTable table) {
        quality = table;
    }

    public QualityTable qualityTable() {
        return quality;
    }

    @Override
    public List<Evaluation> evaluate(List<int[]> choices) {
        if (quality == null) {
            throw new IllegalStateException("prepare() the quality table first");
        }
        if (designs.size() > DESIGN_CACHE_LIMIT) {
            designs.clear();                 // a cache of repeats, not a record: memory stays bounded on any number of designs
        }
        List<Callable<Evaluation>> tasks = new ArrayList<>(choices.size());
        for (int[] c : choices) {
            int[] copy = c.clone();
            tasks.add(() -> designs.computeIfAbsent(DesignSpace.key(copy), k -> evaluateOne(copy)));
        }
        return map(tasks);
    }

    @Override
    public <T> List<T> map(List<Callable<T>> tasks) {
        if (threads == 1 || tasks.size() == 1) {
            List<T> out = new ArrayList<>(tasks.size());
            for (Callable<T> t : tasks) {
                try {
                    out.add(t.call());
                } catch (Exception e) {
                    throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
                }
            }
            return out;
        }
        List<Future<T>> fs = new ArrayList<>(tasks.size());
        for (Callable<T> t : tasks) {
            fs.add(pool.submit(t));
        }
        List<T> out = new ArrayList<>(tasks.size());
        for (Future<T> f : fs) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            }
        }
        return out;
    }

    Evaluation evaluateOne(int[] choice) {
        if (table != null) {
            return systolic(choice);
        }
        Design d = space.decode(choice);
        String why = space.unsupported(d);
        if (why != null) {
            return new Evaluation(choice, MetricValues.none(), why, 1e6);
        }
        int nArch = space.archGenes().size();
        double tier1 = quality.tier1(Arrays.copyOfRange(choice, nArch, choice.length));
        if (d.fpga() != null) {
            return fpga(d, tier1);
        }
        if (d.hierarchy() != null) {
            return hierarchy(d, tier1);
        }
        // attention layers run on the attention unit beside the array: its measured loss adds to tier 1, its time and energy to the totals
        AttentionUnitCost unit = d.attention() == null ? null : AttentionUnitCost.of(d.attention());
        if (unit != null) {
            tier1 += unit.qualityLoss();
        }
        Architecture a = d.architecture();
        CostModel cm = costModels.computeIfAbsent(a.costModel(), CostModels::of);
        Inventory inv = inventory(d);
        QuantPolicy p = d.policy();
        BigDecimal cycles = BigDecimal.ZERO;
        BigDecimal energy = BigDecimal.ZERO;
        BigDecimal weightBits = BigDecimal.ZERO;
        List<Layer> layers = space.workload().layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            LayerQuant q = p.forLayer(l.name());
            if (unit != null && l instanceof Attention) {
                continue;
            }
            double[] c = layerCost(d, i, cm, inv);
            cycles = cycles.add(new BigDecimal(c[0]));
            energy = energy.add(new BigDecimal(c[1]));
            weightBits = weightBits.add(new BigDecimal(l.weightElements() * q.weights().bitsPerElement()));
        }
        double latency = cycles.doubleValue() / (a.clockGhz() * 1e9);
        if (unit != null) {
            latency += unit.seconds();
            energy = energy.add(new BigDecimal(unit.energyPj(cm, inv)));
        }
        DesignTotals t = DesignTotals.systolic(tier1, latency, energy.doubleValue(), areaMm2(d), weightBits.doubleValue() / 8);
        return constrained(choice, MetricValues.of(t, space.quality().metric(), Metric.Hardware.SYSTOLIC), null, 0);
    }

    /**
     * A systolic design from the layer table: the same checks, sums and metrics as the general path below (exact
     * decimal sums of the same per-layer values), without decoding the design unless one of its layers is new.
     */
    private Evaluation systolic(int[] choice) {
        LayerTable.Slot slot = table.slot(choice);
        List<Layer> layers = space.workload().layers();
        Design[] decoded = new Design[1];
        java.util.function.Supplier<Design> design = () -> decoded[0] != null ? decoded[0] : (decoded[0] = space.decode(choice));
        LayerTable.Entry[] entries = new LayerTable.Entry[layers.size()];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = table.entry(slot, i, choice, li -> {
                Design d = design.get();
                CostModel cm = costModels.computeIfAbsent(d.architecture().costModel(), CostModels::of);
                return LayerTable.compute(d, layers.get(li), () -> layerCost(d, li, cm, inventory(d)));
            });
            if (entries[i].unsupported() != null) {
                return new Evaluation(choice, MetricValues.none(), entries[i].unsupported(), 1e6);
            }
        }
        int nArch = space.archGenes().size();
        double tier1 = quality.tier1(Arrays.copyOfRange(choice, nArch, choice.length));
        BigDecimal cycles = BigDecimal.ZERO;
        BigDecimal energy = BigDecimal.ZERO;
        BigDecimal weightBits = BigDecimal.ZERO;
        for (LayerTable.Entry e : entries) {
            cycles = cycles.add(e.cycles());
            energy = energy.add(e.energyPj());
            weightBits = weightBits.add(e.weightBits());
        }
        double clockGhz = slot.clockGhz(() -> design.get().architecture().clockGhz());
        double area = slot.areaMm2(() -> areaMm2(design.get()));
        double latency = cycles.doubleValue() / (clockGhz * 1e9);
        DesignTotals t = DesignTotals.systolic(tier1, latency, energy.doubleValue(), area, weightBits.doubleValue() / 8);
        return constrained(choice, MetricValues.of(t, space.quality().metric(), Metric.Hardware.SYSTOLIC), null, 0);
    }

    /** An FPGA dataflow design: resources and throughput of its folded units; infeasible by its overshoot when it does not fit. */
    private Evaluation fpga(Design d, double tier1) {
        PricedDataflow r = Pricing.price(DataflowSimulator.run(d.fpga(), space.workload(), d.policy()));
        DesignTotals t = DesignTotals.fpga(tier1, r.latencySeconds(), weightBytes(d.policy()), r.resources().luts(), r.resources().dsps(),
                r.resources().bram18(), r.framesPerSecond());
        MetricValues m = MetricValues.of(t, space.quality().metric(), Metric.Hardware.FPGA);
        if (!r.fits()) {
            return constrained(d.choice(), m, "does not fit " + d.fpga().device().name() + ": " + String.join(", ", r.overBudget()),
                    r.resources().utilization(d.fpga().device()) - 1);
        }
        return constrained(d.choice(), m, null, 0);
    }

    /** A hierarchy design: each layer mapped by the mapper; infeasible when a layer has no valid mapping. */
    private Evaluation hierarchy(Design d, double tier1) {
        HierarchyCost.Totals t = hierarchy.evaluate(d);
        if (t.why() != null) {
            return new Evaluation(d.choice(), MetricValues.none(), t.why(), 1e6);
        }
        DesignTotals totals = DesignTotals.systolic(tier1, t.cycles() * space.hierarchyBase().cycleSeconds(), t.energyPj(), t.areaMm2(),
                weightBytes(d.policy()));
        return constrained(d.choice(), MetricValues.of(totals, space.quality().metric(), Metric.Hardware.SYSTOLIC), null, 0);
    }

    private double weightBytes(QuantPolicy p) {
        BigDecimal bits = BigDecimal.ZERO;
        for (Layer l : space.workload().layers()) {
            bits = bits.add(new BigDecimal(l.weightElements() * p.forLayer(l.name()).weights().bitsPerElement()));
        }
        return bits.doubleValue() / 8;
    }

    /** Adds the space's constraint violations to {@code why}/{@code violation} already found. */
    private Evaluation constrained(int[] choice, MetricValues m, String why, double violation) {
        List<String> broken = new ArrayList<>();
        for (Limit lim : space.constraints()) {
            double v = lim.violation(m.get(lim.metric()));
            if (v > 0) {
                violation += v;
                broken.add(lim.label());
            }
        }
        String all = broken.isEmpty() ? why : (why == null ? "" : why + "; ") + "violates " + String.join(", ", broken);
        return new Evaluation(choice, m, all, violation);
    }

    /** {total cycles, energy pJ (dynamic and leakage)} of layer {@code i} of the workload in design {@code d}, cached. */
    public double[] layerCost(Design d, int i) {
        CostModel cm = costModels.computeIfAbsent(d.architecture().costModel(), CostModels::of);
        return layerCost(d, i, cm, inventory(d));
    }

    public double areaMm2(Design d) {
        CostModel cm = costModels.computeIfAbsent(d.architecture().costModel(), CostModels::of);
        return areaMm2.computeIfAbsent(d.archKey(), k -> cm.areaUm2(inventory(d)).total() / 1e6);
    }

    /** What the design's architecture is built of; one per architecture, not per design. */
    private Inventory inventory(Design d) {
        return inventories.computeIfAbsent(d.archKey(), k -> d.architecture().inventory());
    }

    private double[] layerCost(Design d, int i, CostModel cm, Inventory inv) {
        Layer l = space.workload().layers().get(i);
        LayerQuant q = d.policy().forLayer(l.name());
        String key = d.archKey() + "|" + i + "|" + q.weights().label() + "|" + q.inputs().label() + "|" + q.outputs().label()
                + "|" + q.kvCache().label();
        return layerCost.computeIfAbsent(key, k -> {
            LayerResult r = Simulator.layer(d.architecture(), l, d.policy(), Fidelity.ANALYTIC);
            return new double[] {r.totalCycles(), Pricing.layer(r, cm, inv, d.architecture().clockGhz()).totalPj()};
        });
    }

    /** Forgets evaluated designs (not layer costs): for benchmarks of evaluation throughput. */
    public void forgetDesigns() {
        designs.clear();
    }

    /** Layer simulations computed so far (a design built only from cached layers costs none). */
    public int cachedLayers() {
        return layerCost.size();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
