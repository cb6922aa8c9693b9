package io.quantarch.reports;

import io.quantarch.search.archive.Normalisation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hypervolume of each run's feasible archive after each generation, rebuilt from the runs' CSV files under the
 * normalisation their run.json states (runs of one space share it: see {@code SearchRun.referenceNormalisation}); when
 * compared runs state different ones (different spaces), all are re-normalised together by the ranges of all their
 * feasible evaluations, and {@link Result#renormalised} says so.
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

    /** The curves, and whether the runs were re-normalised together (their run.json normalisations differ or are missing). */
    record Result(List<Curve> curves, boolean renormalised) { }

    static Result of(List<Path> runs, List<String> objectives, List<Boolean> maximise) throws IOException {
        List<Points> pts = new ArrayList<>();
        Normalisation stated = null;
        boolean same = true;
        for (Path r : runs) {
            pts.add(points(r, objectives, maximise));
            Normalisation own = stated(r);
            same &= own != null && (stated == null || stated.equals(own));
            stated = own;
        }
        Normalisation n = same ? stated : common(pts, objectives.size());
        long xmax = pts.stream().mapToLong(p -> p.evaluation().length == 0 ? 0 : p.evaluation()[p.evaluation().length - 1]).max().orElse(1);
        List<Curve> out = new ArrayList<>();
        for (Points p : pts) {
            out.add(curve(p, n, xmax));
        }
        return new Result(out, !same);
    }

    /** The normalisation a run's run.json states, or null. */
    private static Normalisation stated(Path run) {
        try {
            com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.resolve("run.json").toFile());
            double[] ideal = numbers(j.get("normalisation_ideal"));
            double[] nadir = numbers(j.get("normalisation_nadir"));
            return ideal == null || nadir == null || ideal.length == 0 || ideal.length != nadir.length ? null : new Normalisation(ideal, nadir);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static double[] numbers(com.fasterxml.jackson.databind.JsonNode a) {
        if (a == null || !a.isArray()) {
            return null;
        }
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
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
        List<double[]> front = new ArrayList<>();                        // the non-dominated points so far, kept incrementally
        for (int i = 0; i < f.length; i++) {
            add(front, f[i]);
            if (i + 1 == f.length || p.generation()[i + 1] != p.generation()[i]) {
                xs.add((double) p.evaluation()[i]);
                ys.add(n.hypervolume(front.toArray(double[][]::new)));
            }
        }
        if (p.frontOnly() && !ys.isEmpty()) {
            double level = ys.get(ys.size() - 1);
            return new Curve(new double[] {1, Math.max(2, xmax)}, new double[] {level, level});
        }
        return new Curve(xs.stream().mapToDouble(Double::doubleValue).toArray(), ys.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Adds {@code q} unless a kept point weakly dominates it; drops the kept points it dominates. */
    static void add(List<double[]> front, double[] q) {
        for (double[] k : front) {
            if (dominatesOrEquals(k, q)) {
                return;
            }
        }
        front.removeIf(k -> dominatesOrEquals(q, k));
        front.add(q);
    }

    private static boolean dominatesOrEquals(double[] a, double[] b) {
        for (int j = 0; j < a.length; j++) {
            if (a[j] > b[j]) {
                return false;
            }
        }
        return true;
    }
}
