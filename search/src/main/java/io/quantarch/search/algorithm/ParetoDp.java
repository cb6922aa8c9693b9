package io.quantarch.search.algorithm;

import io.quantarch.search.eval.LocalEvaluator;
import io.quantarch.search.metric.DesignTotals;
import io.quantarch.search.metric.Metric;
import io.quantarch.search.metric.MetricValues;
import io.quantarch.search.eval.QualityTable;
import io.quantarch.search.space.Design;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.space.Limit;
import io.quantarch.search.space.Objective;
import io.quantarch.search.space.QuantGene;
import io.quantarch.workloads.layer.Layer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact Pareto front of the per-layer format-allocation problem when quality and cost are both additive over
 * layers: the multiple-choice knapsack that HAWQ-V3 (Yao et al., ICML 2021, Section 3.4) states as an integer linear
 * program, solved here as a Pareto dynamic program. Genes are taken one at a time; a partial assignment is dropped
 * only when another one is no worse in every objective's partial sum, which is exact because every later gene adds
 * the same amount to both. Partial sums are exact decimals, so the final values equal the evaluator's bit for bit.
 *
 * <p>Applies when each layer is decided by at most one quantization gene (its cost then depends on that gene alone),
 * the objectives are among tier-1 quality, latency, energy, weight bytes and area (area is constant for a fixed
 * architecture), all minimised, and constraints are upper bounds on objectives. Architecture genes are enumerated
 * outside the DP (one DP per architecture, fronts merged).
 */
public final class ParetoDp {

    private ParetoDp() {
    }

    /** Null when the space fits the DP, else why not. */
    public static String unsuitable(DesignSpace space) {
        if (space.fpgaBase() != null) {
            return "an FPGA dataflow's LUTs are not additive over layers (each unit's thresholds follow the next layer's input format)";
        }
        if (space.hasAttentionUnit()) {
            return "the attention unit's genes are not layer genes (its cost and loss are measured per configuration, not per layer)";
        }
        for (Objective o : space.objectives()) {
            if (o.maximise() || o.metric().additive() == null) {
                return "objective " + o.label() + " is not an additive minimised metric (allowed: "
                        + String.join(", ", io.quantarch.search.metric.Metrics.all().stream().filter(m -> m.additive() != null)
                        .map(Metric::column).toList()) + ")";
            }
        }
        for (Limit l : space.constraints()) {
            if (!l.atMost() || space.objectives().stream().noneMatch(o -> o.metric() == l.metric())) {
                return "constraint " + l.label() + " is not an upper bound on an objective";
            }
        }
        Map<String, String> owner = new HashMap<>();
        for (QuantGene g : space.quantGenes()) {
            for (String l : g.layers()) {
                String prev = owner.putIfAbsent(l, g.name());
                if (prev != null) {
                    return "layer " + l + " is decided by two genes (" + prev + ", " + g.name() + "); its cost is not additive over genes";
                }
            }
        }
        java.math.BigInteger archCount = java.math.BigInteger.ONE;   // architectures are enumerated; formats go through the DP
        for (int i = 0; i < space.archGenes().size(); i++) {
            archCount = archCount.multiply(java.math.BigInteger.valueOf(space.radices()[i]));
        }
        if (archCount.bitLength() > 31) {
            return "the architecture genes alone give more than 2^31 architectures to enumerate";
        }
        return null;
    }

    /** One point of the exact front: its choice vector and metrics. */
    public record Point(int[] choice, MetricValues metrics) { }

    /** The exact front (non-dominated, feasible) over all architectures; the evaluator's quality table must be prepared. */
    public static List<Point> solve(DesignSpace space, LocalEvaluator evaluator) {
        String why = unsuitable(space);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        int nArch = space.archGenes().size();
        int[] archRadices = Arrays.copyOf(space.radices(), nArch);
        long archCount = 1;
        for (int r : archRadices) {
            archCount *= r;
        }
        List<Point> all = new ArrayList<>();
        for (long a = 0; a < archCount; a++) {
            all.addAll(solveArchitecture(space, evaluator, ExhaustiveSearch.mixedRadix(a, archRadices)));
        }
        double[][] f = all.stream().map(p -> minimised(space, p.metrics())).toArray(double[][]::new);
        List<Point> out = new ArrayList<>();
        for (int i : io.quantarch.search.moea.Fronts.nonDominated(f)) {
            out.add(all.get(i));
        }
        return out;
    }

    /** The feasible front of one architecture: a DP over the quantization genes, one at a time. */
    private static List<Point> solveArchitecture(DesignSpace space, LocalEvaluator evaluator, int[] archChoice) {
        int nArch = archChoice.length;
        int nQuant = space.quantGenes().size();
        int[] choice = new int[nArch + nQuant];
        System.arraycopy(archChoice, 0, choice, 0, nArch);
        Design base = space.decode(choice);
        List<Layer> layers = space.workload().layers();
        int[] geneOf = geneOfLayer(space, layers);
        // [cycles, energy, weight bits] of the default-only layers, and per gene option
        BigDecimal[] baseSums = zero();
        for (int i = 0; i < layers.size(); i++) {
            if (geneOf[i] < 0) {
                add(baseSums, evaluator.layerCost(base, i), layers.get(i), base, space);
            }
        }
        List<List<State>> options = new ArrayList<>();
        for (int j = 0; j < nQuant; j++) {
            List<State> opts = geneOptions(space, evaluator, choice, j, geneOf);
            if (opts.isEmpty()) {
                return List.of();
            }
            options.add(opts);
        }
        if (defaultUnsupported(space, base, geneOf)) {
            return List.of();
        }
        double area = evaluator.areaMm2(base);
        List<State> front = List.of(new State(new BigDecimal(evaluator.qualityTable().base()), baseSums, new int[0]));
        for (int j = 0; j < nQuant; j++) {
            List<State> next = new ArrayList<>();
            for (State s : front) {
                for (State o : options.get(j)) {
                    next.add(s.plus(o));
                }
            }
            front = prune(next, space, base, area);
        }
        List<Point> out = new ArrayList<>();
        for (State s : front) {
            int[] c = choice.clone();
            System.arraycopy(s.choice, 0, c, nArch, nQuant);
            MetricValues m = s.metrics(space, base, area);
            if (feasible(space, m)) {
                out.add(new Point(c, m));
            }
        }
        return out;
    }

    /** Which quantization gene decides each layer (-1: only the default). */
    private static int[] geneOfLayer(DesignSpace space, List<Layer> layers) {
        int[] geneOf = new int[layers.size()];
        Arrays.fill(geneOf, -1);
        for (int j = 0; j < space.quantGenes().size(); j++) {
            for (int i = 0; i < layers.size(); i++) {
                if (space.quantGenes().get(j).layers().contains(layers.get(i).name())) {
                    geneOf[i] = j;
                }
            }
        }
        return geneOf;
    }

    /** Gene j's options the architecture runs, each with its quality contribution and the exact sums of its layers. */
    private static List<State> geneOptions(DesignSpace space, LocalEvaluator evaluator, int[] choice, int j, int[] geneOf) {
        int nArch = space.archGenes().size();
        List<Layer> layers = space.workload().layers();
        List<State> opts = new ArrayList<>();
        for (int o = 0; o < space.quantGenes().get(j).options().size(); o++) {
            int[] c = choice.clone();
            c[nArch + j] = o;
            Design d = space.decode(c);
            BigDecimal[] s = zero();
            boolean ok = true;
            for (int i = 0; i < layers.size() && ok; i++) {
                if (geneOf[i] == j) {
                    ok = io.quantarch.simulator.Simulator.unsupported(d.architecture(), layers.get(i), d.policy()) == null;
                    if (ok) {
                        add(s, evaluator.layerCost(d, i), layers.get(i), d, space);
                    }
                }
            }
            if (ok) {
                opts.add(new State(new BigDecimal(evaluator.qualityTable().contribution(j, o)), s, new int[] {o}));
            }
        }
        return opts;
    }

    private static boolean defaultUnsupported(DesignSpace space, Design base, int[] geneOf) {
        List<Layer> layers = space.workload().layers();
        for (int i = 0; i < layers.size(); i++) {
            if (geneOf[i] < 0 && io.quantarch.simulator.Simulator.unsupported(base.architecture(), layers.get(i), base.policy()) != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean feasible(DesignSpace space, MetricValues m) {
        for (Limit l : space.constraints()) {
            if (l.violation(m.get(l.metric())) > 0) {
                return false;
            }
        }
        return true;
    }

    static double[] minimised(DesignSpace space, MetricValues m) {
        return space.minimised(m);
    }

    private static BigDecimal[] zero() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static void add(BigDecimal[] s, double[] cost, Layer l, Design d, DesignSpace space) {
        s[0] = s[0].add(new BigDecimal(cost[0]));
        s[1] = s[1].add(new BigDecimal(cost[1]));
        s[2] = s[2].add(new BigDecimal(l.weightElements() * d.policy().forLayer(l.name()).weights().bitsPerElement()));
    }

    /** Keeps the states no other state is at least as good as in every objective's exact partial sum (first of equals). */
    private static List<State> prune(List<State> states, DesignSpace space, Design base, double area) {
        int n = states.size();
        BigDecimal[][] key = new BigDecimal[n][];
        for (int i = 0; i < n; i++) {
            key[i] = states.get(i).objectiveSums(space);
        }
        // lexicographic order (ties by position): a state can only be dominated by, or equal to, one before it, and
        // dominance is transitive, so comparing with the states kept so far is enough (two objectives: with the best second sum)
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> {
            for (int k = 0; k < key[x].length; k++) {
                int c = key[x][k].compareTo(key[y][k]);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x, y);
        });
        List<Integer> kept = new ArrayList<>();
        BigDecimal bestSecond = null;
        for (int i : order) {
            if (key[i].length == 2) {
                if (bestSecond != null && key[i][1].compareTo(bestSecond) >= 0) {
                    continue;
                }
                bestSecond = key[i][1];
                kept.add(i);
                continue;
            }
            boolean dominated = false;
            for (int j : kept) {
                if (compare(key[j], key[i]) <= 0) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                kept.add(i);
            }
        }
        kept.sort(null);                                      // the input's order, as before
        List<State> out = new ArrayList<>(kept.size());
        for (int i : kept) {
            out.add(states.get(i));
        }
        return out;
    }

    /** -1 when a dominates b, 0 when equal, 1 otherwise. */
    private static int compare(BigDecimal[] a, BigDecimal[] b) {
        boolean strictly = false;
        for (int k = 0; k < a.length; k++) {
            int c = a[k].compareTo(b[k]);
            if (c > 0) {
                return 1;
            }
            strictly |= c < 0;
        }
        return strictly ? -1 : 0;
    }

    private record State(BigDecimal quality, BigDecimal[] sums, int[] choice) {

        State plus(State o) {
            BigDecimal[] s = new BigDecimal[sums.length];
            for (int k = 0; k < s.length; k++) {
                s[k] = sums[k].add(o.sums[k]);
            }
            int[] c = Arrays.copyOf(choice, choice.length + o.choice.length);
            System.arraycopy(o.choice, 0, c, choice.length, o.choice.length);
            return new State(quality.add(o.quality), s, c);
        }

        /** Exact partial sums of the objectives that vary with the quantization genes (area does not). */
        BigDecimal[] objectiveSums(DesignSpace space) {
            List<BigDecimal> k = new ArrayList<>();
            for (Objective o : space.objectives()) {
                switch (o.metric().additive()) {
                    case QUALITY -> k.add(quality);
                    case CYCLES -> k.add(sums[0]);
                    case ENERGY -> k.add(sums[1]);
                    case WEIGHT_BITS -> k.add(sums[2]);
                    case CONSTANT -> { }                     // the same for every state of one architecture
                }
            }
            return k.toArray(BigDecimal[]::new);
        }

        MetricValues metrics(DesignSpace space, Design base, double area) {
            double latency = sums[0].doubleValue() / (base.architecture().clockGhz() * 1e9);
            return MetricValues.of(DesignTotals.systolic(quality.doubleValue(), latency, sums[1].doubleValue(), area,
                    sums[2].doubleValue() / 8), space.quality().metric(), Metric.Hardware.SYSTOLIC);
        }
    }
}
