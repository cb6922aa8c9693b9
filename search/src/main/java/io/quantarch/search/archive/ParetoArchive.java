package io.quantarch.search.archive;

import io.quantarch.search.moea.Fronts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The non-dominated feasible designs found so far, unbounded (Jenetics' {@code MOEA.toParetoSet()} trims to a size;
 * this keeps every non-dominated point). An immutable value: {@link #merge} returns the archive with new evaluations
 * added and dominated ones dropped (first of equals kept).
 */
public final class ParetoArchive {

    private static final ParetoArchive EMPTY = new ParetoArchive(List.of(), new double[0][]);

    private final List<ArchiveEntry> entries;
    private final double[][] objectives;

    private ParetoArchive(List<ArchiveEntry> entries, double[][] objectives) {
        this.entries = entries;
        this.objectives = objectives;
    }

    public static ParetoArchive empty() {
        return EMPTY;
    }

    /** An archive of entries already known to be mutually non-dominated (read back from a checkpoint). */
    public static ParetoArchive of(List<ArchiveEntry> entries, Function<ArchiveEntry, double[]> minimised) {
        return EMPTY.merge(entries, minimised);
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Entries in insertion order. */
    public List<ArchiveEntry> entries() {
        return entries;
    }

    /** Minimised objectives of each entry, in insertion order (copies). */
    public double[][] objectives() {
        double[][] out = new double[objectives.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = objectives[i].clone();
        }
        return out;
    }

    /** This archive with {@code fresh} added and every dominated entry removed. */
    public ParetoArchive merge(List<ArchiveEntry> fresh, Function<ArchiveEntry, double[]> minimised) {
        if (fresh.isEmpty()) {
            return this;
        }
        List<ArchiveEntry> all = new ArrayList<>(entries);
        all.addAll(fresh);
        double[][] f = Arrays.copyOf(objectives, all.size());
        for (int i = entries.size(); i < f.length; i++) {
            f[i] = minimised.apply(all.get(i));
        }
        int[] keep = Fronts.nonDominated(f);
        List<ArchiveEntry> next = new ArrayList<>(keep.length);
        double[][] nf = new double[keep.length][];
        for (int i = 0; i < keep.length; i++) {
            next.add(all.get(keep[i]));
            nf[i] = f[keep[i]];
        }
        return new ParetoArchive(List.copyOf(next), nf);
    }

    /** Entries ordered by objectives, then by choice: the same set always prints the same way. */
    public List<ArchiveEntry> sorted() {
        Integer[] order = new Integer[entries.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Arrays.compare(objectives[a], objectives[b]);
            return c != 0 ? c : Arrays.compare(entries.get(a).choice(), entries.get(b).choice());
        });
        List<ArchiveEntry> out = new ArrayList<>(order.length);
        for (int i : order) {
            out.add(entries.get(i));
        }
        return out;
    }

    public double hypervolume(Normalisation n) {
        return n.hypervolume(objectives);
    }
}
