package io.quantarch.simulator.nest.io;

import io.quantarch.simulator.nest.NestArchitecture;
import io.quantarch.simulator.nest.mapspace.MapPoint;
import io.quantarch.simulator.nest.mapspace.MapSpace;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a mapspace point as a Timeloop mapping file (the {@code mapping:} list its mapper writes: per storage level a
 * temporal and a dataspace directive, per mesh a spatial one on {@code inter_NAME_spatial}), which
 * {@link TimeloopMapping} reads back to the same loop nest. Permutations list the non-unit loops innermost first, then
 * the unit ones; a mesh's split counts its X loops, which come first.
 */
public final class TimeloopMappingWriter {

    private TimeloopMappingWriter() {
    }

    public static String yaml(MapSpace s, MapPoint m) {
        StringBuilder b = new StringBuilder("mapping:\n");
        List<String> dims = s.problem.dims();
        for (int l = 0; l < s.levels; l++) {
            String name = s.arch.storage().get(l).name();
            int t = s.temporalSlot(l);
            b.append("  - target: ").append(name).append("\n    type: temporal\n");
            b.append("    factors: ").append(factors(dims, m.factor()[t])).append('\n');
            b.append("    permutation: ").append(permutation(dims, m.order()[t])).append('\n');
            List<String> keep = new ArrayList<>();
            List<String> bypass = new ArrayList<>();
            for (int ds = 0; ds < m.keep()[l].length; ds++) {
                (m.keep()[l][ds] ? keep : bypass).add(s.problem.dataSpaces().get(ds).name());
            }
            b.append("  - target: ").append(name).append("\n    type: dataspace\n");
            b.append("    keep: ").append(keep).append("\n    bypass: ").append(bypass).append('\n');
            for (int slot = t + 1; slot < s.slots && s.isSpatial(slot); slot++) {
                NestArchitecture.Fanout f = s.mesh(slot);
                b.append("  - target: inter_").append(f.container()).append("_spatial\n    type: spatial\n");
                b.append("    factors: ").append(factors(dims, m.factor()[slot])).append('\n');
                b.append("    permutation: ").append(permutation(dims, m.order()[slot])).append('\n');
                b.append("    split: ").append(m.xCount()[slot]).append('\n');
            }
        }
        return b.toString();
    }

    private static String factors(List<String> dims, long[] f) {
        StringBuilder b = new StringBuilder();
        for (int d = 0; d < dims.size(); d++) {
            b.append(d == 0 ? "" : " ").append(dims.get(d)).append('=').append(f[d]);
        }
        return b.toString();
    }

    /** The non-unit loops as ordered, then the others; a string of letters when every name is one letter, else a list. */
    private static String permutation(List<String> dims, int[] order) {
        List<String> names = new ArrayList<>();
        for (int d : order) {
            names.add(dims.get(d));
        }
        for (int d = 0; d < dims.size(); d++) {
            if (!names.contains(dims.get(d))) {
                names.add(dims.get(d));
            }
        }
        boolean letters = names.stream().allMatch(n -> n.length() == 1 && Character.isLetter(n.charAt(0)));
        return letters ? String.join("", names) : "[" + String.join(", ", names) + "]";
    }
}
