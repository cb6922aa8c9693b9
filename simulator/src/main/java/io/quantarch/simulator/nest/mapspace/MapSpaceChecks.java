package io.quantarch.simulator.nest.mapspace;

import io.quantarch.config.ConfigException;
import io.quantarch.simulator.nest.NestArchitecture;
import io.quantarch.simulator.nest.NestProblem;

import java.util.ArrayList;
import java.util.List;

/** The checks that find a constraint leaving the mapspace empty, each naming it and why. */
final class MapSpaceChecks {

    private MapSpaceChecks() {
    }

    private static ConfigException error(String where, String expected, String found) {
        return new ConfigException(where, null, expected, found);
    }

    /** Exact factors within the bounds and dividing them; primes left to free slots; exact mesh factors within the mesh. */
    static void factors(MapSpace m) throws ConfigException {
        for (int d = 0; d < m.dims; d++) {
            String name = m.problem.dims().get(d);
            long bound = m.problem.bounds()[d];
            long fixed = 1;
            List<String> fixedAt = new ArrayList<>();
            List<Integer> free = new ArrayList<>();
            for (int s = 0; s < m.slots; s++) {
                long e = m.exact[s][d];
                String where = m.rule(s).where();
                if (e > bound) {
                    throw error(where, "factors within the problem's " + name + "=" + bound, name + "=" + e + " at " + m.slotName(s));
                }
                if (m.min[s][d] > bound || (m.max[s][d] > 0 && m.min[s][d] > m.max[s][d])) {
                    throw error(where, "a reachable bound on " + name + " at " + m.slotName(s) + " (the problem's " + name + " is " + bound + ")",
                            name + ">=" + m.min[s][d] + (m.max[s][d] > 0 ? " with " + name + "<=" + m.max[s][d] : ""));
                }
                if (e > 0) {
                    fixed *= e;
                    fixedAt.add(name + "=" + e + " at " + m.slotName(s));
                } else if (!m.spatial[s] || m.mesh(s).size() > 1) {
                    free.add(s);
                }
            }
            if (bound % fixed != 0 || (free.isEmpty() && fixed != bound)) {
                throw error(String.join("; ", origins(m, d)), "factors of " + name + " multiplying to its bound " + bound,
                        fixedAt + (bound % fixed != 0 ? ", a product of " + fixed + " that does not divide it"
                                : ", a product of " + fixed + " with every level fixed"));
            }
            m.primes[d] = primeFactors(bound / fixed);
            m.allowed[d] = free.stream().mapToInt(Integer::intValue).toArray();
        }
        for (int s = 0; s < m.slots; s++) {
            if (!m.spatial[s]) {
                continue;
            }
            long p = 1;
            for (int d = 0; d < m.dims; d++) {
                p *= Math.max(1, m.exact[s][d]);
            }
            NestArchitecture.Fanout f = m.mesh(s);
            if (p > f.size()) {
                throw error(m.rule(s).where(), "spatial factors within the " + f.meshX() + "x" + f.meshY() + " mesh of " + f.container(),
                        "factors multiplying to " + p);
            }
        }
    }

    private static List<String> origins(MapSpace m, int d) {
        List<String> out = new ArrayList<>();
        for (int s = 0; s < m.slots; s++) {
            if (m.exact[s][d] > 0) {
                out.addAll(m.rule(s).origin());
            }
        }
        return out;
    }

    /** The outermost level keeps every data space (Timeloop's rule: data starts there). */
    static void keeps(MapSpace m) throws ConfigException {
        for (int l = 0; l < m.levels; l++) {
            NestConstraints.KeepRule r = m.constraints.dataspaces().get(l);
            for (int ds = 0; ds < m.keepRule[l].length; ds++) {
                String name = m.problem.dataSpaces().get(ds).name();
                m.keepRule[l][ds] = r.keep().contains(name) ? 1 : r.bypass().contains(name) ? 0 : -1;
                if (l == 0 && m.keepRule[l][ds] == 0) {
                    throw error(r.origin(), "the outermost level (" + m.arch.storage().get(0).name() + ") keeping every data space, where the data starts",
                            "bypass of " + name);
                }
                if (l == 0) {
                    m.keepRule[l][ds] = 1;
                }
            }
        }
    }

    /**
     * The smallest tiles the constraints allow (every free prime at the outermost slot that may take it) fit every level
     * in the data spaces it must keep; otherwise no mapping fits, and the message names the level and the factors.
     */
    static void smallestTilesFit(MapSpace m) throws ConfigException {
        long[][] f = new long[m.slots][m.dims];
        for (int s = 0; s < m.slots; s++) {
            for (int d = 0; d < m.dims; d++) {
                f[s][d] = Math.max(1, m.exact[s][d]);
            }
        }
        for (int d = 0; d < m.dims; d++) {
            if (m.allowed[d].length > 0) {
                for (long p : m.primes[d]) {
                    f[m.allowed[d][0]][d] *= p;
                }
            }
        }
        for (int l = 1; l < m.levels; l++) {
            boolean[] keep = new boolean[m.problem.dataSpaces().size()];
            List<String> kept = new ArrayList<>();
            for (int ds = 0; ds < keep.length; ds++) {
                keep[ds] = m.keepRule[l][ds] == 1;
                if (keep[ds]) {
                    kept.add(m.problem.dataSpaces().get(ds).name());
                }
            }
            double bits = m.tileBits(f, keep, l);
            if (bits > m.capacityBits[l]) {
                List<String> where = new ArrayList<>(List.of(m.constraints.dataspaces().get(l).origin()));
                for (int s = m.temporalSlot[l]; s < m.slots; s++) {
                    where.addAll(m.rule(s).origin());
                }
                throw error(String.join("; ", where.stream().filter(x -> !x.isEmpty()).distinct().toList()),
                        "constraints under which " + m.slotName(m.temporalSlot[l]) + " can hold the tiles it must keep " + kept
                                + " (" + (long) m.capacityBits[l] + " bits)", "even the smallest such tiles need " + (long) bits + " bits");
            }
        }
    }

    /** Prime factors of {@code n}, largest first. */
    static long[] primeFactors(long n) {
        List<Long> out = new ArrayList<>();
        long x = n;
        for (long p = 2; p * p <= x; p++) {
            while (x % p == 0) {
                out.add(p);
                x /= p;
            }
        }
        if (x > 1) {
            out.add(x);
        }
        return out.reversed().stream().mapToLong(Long::longValue).toArray();
    }

    /** The problem's dimension names, for messages. */
    static String dims(NestProblem p) {
        return String.join(" ", p.dims());
    }
}
