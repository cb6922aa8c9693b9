package io.quantarch.search.algorithm;

import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.quantarch.search.moea.Fronts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The non-dominated designs found so far (bounded, thinned by crowding distance) and children aimed at its largest
 * gaps. NSGA-II's population holds as many front points as it has members; a front of thousands of points (a format
 * per layer) needs more, and its hypervolume is lost in the gaps between them. With two objectives, the gap between
 * two neighbours on the archive's front is filled by recombining them gene by gene (with objectives that add up over
 * layers, a child taking each layer from either neighbour lands between them) and sometimes moving one gene a step;
 * with more objectives, the most isolated members are moved a step. The archive travels with the population (and its
 * checkpoint), so a resumed run is the same run.
 */
final class FrontArchive {

    private FrontArchive() {
    }

    /** The non-dominated members of {@code archive} and {@code candidates} (one per objective vector), at most {@code cap}. */
    static List<Member> update(List<Member> archive, List<Member> candidates, int cap) {
        List<Member> all = new ArrayList<>(archive);
        all.addAll(candidates);
        double[][] f = all.stream().map(Member::objectives).toArray(double[][]::new);
        List<Member> front = new ArrayList<>();
        List<double[]> seen = new ArrayList<>();
        for (int i : Fronts.nonDominated(f)) {
            if (seen.stream().noneMatch(x -> Arrays.equals(x, f[i]))) {
                seen.add(f[i]);
                front.add(all.get(i));
            }
        }
        if (front.size() <= cap) {
            return front;
        }
        double[][] g = front.stream().map(Member::objectives).toArray(double[][]::new);
        double[] crowd = Fronts.crowding(g, java.util.stream.IntStream.range(0, g.length).toArray());
        Integer[] order = new Integer[g.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> {
            int c = Double.compare(crowd[y], crowd[x]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        List<Member> kept = new ArrayList<>(cap);
        for (int i = 0; i < cap; i++) {
            kept.add(front.get(order[i]));
        }
        return kept;
    }

    /** {@code n} children aimed at the archive's largest gaps (unrepaired genotypes). */
    static List<Genotype<DoubleGene>> gapChildren(List<Member> archive, int n, int[] radices, Random random) {
        List<Genotype<DoubleGene>> out = new ArrayList<>(n);
        if (archive.isEmpty() || n == 0) {
            return out;
        }
        int m = archive.get(0).objectives().length;
        if (m != 2 || archive.size() < 2) {
            double[][] f = archive.stream().map(Member::objectives).toArray(double[][]::new);
            double[] crowd = Fronts.crowding(f, java.util.stream.IntStream.range(0, f.length).toArray());
            Integer[] order = byDescending(crowd);
            for (int i = 0; i < n; i++) {
                double[] k = archive.get(order[i % order.length]).keys();
                step(k, radices, random);
                out.add(genotype(k));
            }
            return out;
        }
        List<Member> sorted = new ArrayList<>(archive);
        sorted.sort(Comparator.comparingDouble((Member x) -> x.objectives()[0]).thenComparingDouble(x -> x.objectives()[1]));
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Member x : sorted) {
            for (int j = 0; j < 2; j++) {
                lo[j] = Math.min(lo[j], x.objectives()[j]);
                hi[j] = Math.max(hi[j], x.objectives()[j]);
            }
        }
        double[] gap = new double[sorted.size() - 1];
        for (int i = 0; i < gap.length; i++) {
            double[] a = sorted.get(i).objectives();
            double[] b = sorted.get(i + 1).objectives();
            // the area the pair leaves uncovered, normalised: what a point between them can add to the hypervolume
            gap[i] = (b[0] - a[0]) / Math.max(1e-300, hi[0] - lo[0]) * ((a[1] - b[1]) / Math.max(1e-300, hi[1] - lo[1]));
        }
        Integer[] order = byDescending(gap);
        for (int i = 0; i < n; i++) {
            int at = order[i % order.length];
            double[] a = sorted.get(at).keys();
            double[] b = sorted.get(at + 1).keys();
            double[] k = new double[a.length];
            for (int j = 0; j < k.length; j++) {
                k[j] = random.nextBoolean() ? a[j] : b[j];
            }
            if (random.nextBoolean()) {
                step(k, radices, random);
            }
            out.add(genotype(k));
        }
        return out;
    }

    private static Integer[] byDescending(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> {
            int c = Double.compare(v[y], v[x]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        return order;
    }

    /** Moves one gene with more than one option a step up or down. */
    private static void step(double[] k, int[] radices, Random random) {
        for (int tries = 0; tries < 8; tries++) {
            int i = random.nextInt(k.length);
            int n = radices[i];
            if (n < 2) {
                continue;
            }
            int option = Math.min(n - 1, (int) Math.floor(k[i] * n));
            int next = option == 0 ? 1 : option == n - 1 ? n - 2 : option + (random.nextBoolean() ? 1 : -1);
            k[i] = (next + 0.5) / n;
            return;
        }
    }

    private static Genotype<DoubleGene> genotype(double[] k) {
        DoubleGene[] g = new DoubleGene[k.length];
        for (int i = 0; i < k.length; i++) {
            g[i] = DoubleGene.of(k[i], 0, 1);
        }
        return Genotype.of(DoubleChromosome.of(g));
    }
}
