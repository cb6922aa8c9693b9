package io.quantarch.search.archive;

import io.quantarch.search.moea.Hypervolume;

import java.util.Arrays;

/**
 * How objective vectors are scaled before their hypervolume is taken: each minimised objective f to
 * {@code (f - ideal) / (nadir - ideal)} (a zero span counts as 1), against the reference point {@link #REFERENCE} in
 * every objective. One definition for every hypervolume a run reports.
 */
public record Normalisation(double[] ideal, double[] nadir) {

    /** The reference point's coordinate in every normalised objective. */
    public static final double REFERENCE = 1.1;

    public Normalisation {
        if (ideal.length != nadir.length) {
            throw new IllegalArgumentException("ideal and nadir of different dimensions");
        }
        ideal = ideal.clone();
        nadir = nadir.clone();
    }

    /** The per-objective minimum and maximum over {@code f}. */
    public static Normalisation of(double[][] f) {
        if (f.length == 0) {
            throw new IllegalArgumentException("no points to normalise by");
        }
        double[] lo = new double[f[0].length];
        double[] hi = new double[lo.length];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (double[] p : f) {
            for (int j = 0; j < lo.length; j++) {
                lo[j] = Math.min(lo[j], p[j]);
                hi[j] = Math.max(hi[j], p[j]);
            }
        }
        return new Normalisation(lo, hi);
    }

    @Override
    public double[] ideal() {
        return ideal.clone();
    }

    @Override
    public double[] nadir() {
        return nadir.clone();
    }

    public double[] normalise(double[] f) {
        double[] n = new double[f.length];
        for (int j = 0; j < n.length; j++) {
            double span = nadir[j] - ideal[j];
            n[j] = (f[j] - ideal[j]) / (span > 0 ? span : 1);
        }
        return n;
    }

    /** Hypervolume of the minimised points {@code f}, normalised, against (1.1, ..., 1.1); 0 for no points. */
    public double hypervolume(double[][] f) {
        if (f.length == 0) {
            return 0;
        }
        double[][] n = new double[f.length][];
        for (int i = 0; i < f.length; i++) {
            n[i] = normalise(f[i]);
        }
        double[] ref = new double[ideal.length];
        Arrays.fill(ref, REFERENCE);
        return Hypervolume.of(n, ref);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalisation n && Arrays.equals(ideal, n.ideal) && Arrays.equals(nadir, n.nadir);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ideal) + Arrays.hashCode(nadir);
    }
}
