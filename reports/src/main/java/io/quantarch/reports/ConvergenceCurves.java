package io.quantarch.reports;

import io.quantarch.search.archive.Normalisation;
import io.quantarch.search.moea.Fronts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hypervolume of each run's feasible archive after each generation, rebuilt from the runs' CSV files, every run under
 * one common normalisation (the ranges of all their feasible evaluations together), so compared curves are comparable.
 */
final class ConvergenceCurves {

    /** One run's curve; a run that wrote only its front (an exact solve) is a level line across the compared runs. */
    record Curve(double[] evaluations, double[] hypervolumes) {
        double finalHypervolume() {
            return hypervolumes[hypervolumes.length - 1];
        }
    }

    /** One run's feasible evaluations in order: minimised objectives, generation, 1-based evaluation number. */
    private record Points(double[][] f, int[] generation, long[] evaluation, boolean frontOnly) { }

    private ConvergenceCurves() {
    }

    static List<Curve> of(List<Path> runs, List<String> objectives, List<Boolean> maximise) throws IOException {
        List<Points> pts = new ArrayList<>();
        for (Path r : runs) {
            pts.add(points(r, objectives, maximise));
        }
        Normalisation n = common(pts, objectives.size());
        long xmax = pts.stream().mapToLong(p -> p.evaluation().length == 0 ? 0 : p.evaluation()[p.evaluation().length - 1]).max().orElse(1);
        List<Curve> out = new ArrayList<>();
        for (Points p : pts) {
            out.add(curve(p, n, xmax));
        }
        return out;
    }

    private static Points points(Path run, List<String> objectives, List<Boolean> maximise) throws IOException {
        Table ev = Table.readIfPresent(run.resolve("evaluations.csv"));
        boolean frontOnly = ev == null;
        if (frontOnly) {
            ev = Table.read(run.resolve("pareto.csv"));
        }
        int feasible = ev.column("feasible");
        double[][] cols = new double[objectives.size()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = ev.numbers(objectives.get(j));
        }
        double[] gen = feasible < 0 ? new double[ev.rows().size()] : ev.numbers("generation");
        List<double[]> f = new ArrayList<>();
        List<Integer> g = new ArrayList<>();
        List<Long> e = new ArrayList<>();
        for (int i = 0; i < ev.rows().size(); i++) {
            if (feasible >= 0 && !ev.rows().get(i).get(feasible).equals("true")) {
                continue;
            }
            double[] v = new double[cols.length];
            for (int j = 0; j < v.length; j++) {
                v[j] = maximise.get(j) ? -cols[j][i] : cols[j][i];
            }
            f.add(v);
            g.add((int) gen[i]);
            e.add((long) i + 1);
        }
        return new Points(f.toArray(double[][]::new), g.stream().mapToInt(Integer::intValue).toArray(),
                e.stream().mapToLong(Long::longValue).toArray(), frontOnly);
    }

    private static Normalisation common(List<Points> pts, int m) {
        List<double[]> all = new ArrayList<>();
        pts.forEach(p -> all.addAll(Arrays.asList(p.f())));
        return all.isEmpty() ? new Normalisation(new double[m], new double[m]) : Normalisation.of(all.toArray(double[][]::new));
    }

    private static Curve curve(Points p, Normalisation n, long xmax) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        double[][] f = p.f();
        for (int i = 0; i < f.length; i++) {
            if (i + 1 == f.length || p.generation()[i + 1] != p.generation()[i]) {
                double[][] prefix = Arrays.copyOf(f, i + 1);
                int[] nd = Fronts.nonDominated(prefix);
                double[][] front = new double[nd.length][];
                for (int k = 0; k < nd.length; k++) {
                    front[k] = prefix[nd[k]];
                }
                xs.add((double) p.evaluation()[i]);
                ys.add(n.hypervolume(front));
            }
        }
        if (p.frontOnly() && !ys.isEmpty()) {
            double level = ys.get(ys.size() - 1);
            return new Curve(new double[] {1, Math.max(2, xmax)}, new double[] {level, level});
        }
        return new Curve(xs.stream().mapToDouble(Double::doubleValue).toArray(), ys.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
