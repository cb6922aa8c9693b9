package io.quantarch.search.mapper;

import io.quantarch.config.ConfigException;
import io.quantarch.pricing.nest.ModelPrices;
import io.quantarch.pricing.nest.NestPricing;
import io.quantarch.simulator.nest.NestArchitecture;
import io.quantarch.simulator.nest.NestMapping;
import io.quantarch.simulator.nest.NestModel;
import io.quantarch.simulator.nest.NestProblem;
import io.quantarch.simulator.nest.io.TimeloopArchitecture;
import io.quantarch.simulator.nest.io.TimeloopConstraints;
import io.quantarch.simulator.nest.io.TimeloopProblem;
import io.quantarch.simulator.nest.mapspace.Enumerator;
import io.quantarch.simulator.nest.mapspace.MapSpace;
import io.quantarch.simulator.nest.mapspace.NestConstraints;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mapspace against its definition: a brute force that tries every factor of every dimension at every slot, every
 * permutation of all dimensions at every slot (and every split at the mesh), keeps those Timeloop's rules allow (the
 * constraint's prefix, then the free loops, then its suffix, with unit loops ignored; at the mesh unit loops first and
 * the first {@code split} positions along X) and every keep/bypass choice whose tiles fit, must give exactly the
 * enumerator's points; the exhaustive mapper's optimum must be the brute force's least EDP, and the genetic mapper must
 * find it.
 */
class MapSpaceEnumerationTest {

    static final Path DIR = Path.of("src/test/resources/mapper");

    record Fixture(MapSpace space, NestProblem problem, NestArchitecture arch, NestConstraints constraints) { }

    static Fixture fixture(boolean constrained) throws ConfigException {
        NestProblem p = TimeloopProblem.read(DIR.resolve("tiny.prob.yaml"));
        List<Path> arch = List.of(DIR.resolve("tiny.arch.yaml"));
        NestArchitecture a = TimeloopArchitecture.read(arch);
        NestConstraints c = TimeloopConstraints.read(arch, constrained ? List.of(DIR.resolve("tiny.constraints.yaml")) : List.of(), p, a);
        return new Fixture(MapSpace.of(p, a, c), p, a, c);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void enumeratorListsExactlyTheDefinedMapspace(boolean constrained) throws ConfigException {
        Fixture f = fixture(constrained);
        Map<String, NestMapping> brute = BruteForce.mappings(f.problem(), f.arch(), f.constraints());
        TreeSet<String> listed = new TreeSet<>();
        Enumerator e = new Enumerator(f.space());
        for (long i = 0; i < e.factorizations(); i++) {
            e.visitFactorization(i, pt -> {
                assertTrue(listed.add(BruteForce.canonical(pt.toMapping(f.space()), f.problem())), "each point once");
                return true;
            });
        }
        assertTrue(brute.size() > (constrained ? 100 : 10_000), "a mapspace worth listing: " + brute.size());
        assertEquals(new TreeSet<>(brute.keySet()), listed);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void exhaustiveAndGeneticMappersFindTheBruteForceOptimum(boolean constrained) throws ConfigException {
        Fixture f = fixture(constrained);
        NestPricing.Table prices = NestPricing.table(f.arch(), new ModelPrices("horowitz45"));
        double best = Double.POSITIVE_INFINITY;
        for (NestMapping m : BruteForce.mappings(f.problem(), f.arch(), f.constraints()).values()) {
            best = Math.min(best, NestPricing.price(NestModel.analyze(f.problem(), f.arch(), m), f.arch(), prices).edp());
        }
        MapperResult exhaustive = Mapper.map(f.space(), prices, new Mapper.Settings(MapperObjective.EDP, "exhaustive", 10_000_000, 1, 2), null);
        assertTrue(exhaustive.complete());
        assertEquals(best, exhaustive.cost().edp(), best * 1e-12);
        MapperResult genetic = Mapper.map(f.space(), prices, new Mapper.Settings(MapperObjective.EDP, "genetic", 20_000, 7, 2), null);
        assertEquals(best, genetic.cost().edp(), best * 1e-12, "the genetic mapper reaches the optimum of a small space");
    }

    /** Brute force straight from the definition, sharing nothing with the enumerator but the model's tile sizes. */
    static final class BruteForce {

        static Map<String, NestMapping> mappings(NestProblem p, NestArchitecture a, NestConstraints c) {
            int levels = a.storage().size();
            int dims = p.dims().size();
            // slots: each level's temporal loops, the mesh right below the level that has one
            List<long[][]> factorizations = new ArrayList<>();
            factorize(p, levels + a.fanouts().size(), 0, new long[levels + a.fanouts().size()][dims], factorizations);
            Map<String, NestMapping> out = new HashMap<>();
            for (long[][] f : factorizations) {
                if (!factorsAllowed(a, c, f, levels)) {
                    continue;
                }
                List<List<List<NestMapping.Loop>>> temporal = new ArrayList<>();
                for (int l = 0; l < levels; l++) {
                    temporal.add(temporalOrders(c.temporal().get(l), f[slot(a, l)], dims));
                }
                int meshSlot = slot(a, a.fanouts().get(0).position() - 1) + 1;
                List<List<List<NestMapping.Loop>>> xy = meshSplits(c.spatial().get(0), f[meshSlot], a.fanouts().get(0), dims);
                for (boolean[][] keep : keeps(p, a, c, f)) {
                    for (List<List<NestMapping.Loop>> split : xy) {
                        combine(p, a, temporal, split, keep, 0, new ArrayList<>(), out);
                    }
                }
            }
            return out;
        }

        static int slot(NestArchitecture a, int level) {
            int s = 0;
            for (int l = 0; l < level; l++) {
                s++;
                for (NestArchitecture.Fanout f : a.fanouts()) {
                    s += f.position() == l + 1 ? 1 : 0;
                }
            }
            return s;
        }

        static void factorize(NestProblem p, int slots, int d, long[][] f, List<long[][]> out) {
            if (d == p.dims().size()) {
                long[][] copy = new long[slots][];
                for (int s = 0; s < slots; s++) {
                    copy[s] = f[s].clone();
                }
                out.add(copy);
                return;
            }
            tuples(p.bounds()[d], slots, 0, f, d, () -> factorize(p, slots, d + 1, f, out));
        }

        static void tuples(long rest, int slots, int s, long[][] f, int d, Runnable next) {
            if (s == slots - 1) {
                f[s][d] = rest;
                next.run();
                return;
            }
            for (long x = 1; x <= rest; x++) {
                if (rest % x == 0) {
                    f[s][d] = x;
                    tuples(rest / x, slots, s + 1, f, d, next);
                }
            }
        }

        static boolean factorsAllowed(NestArchitecture a, NestConstraints c, long[][] f, int levels) {
            for (int l = 0; l < levels; l++) {
                if (!within(c.temporal().get(l), f[slot(a, l)])) {
                    return false;
                }
            }
            int meshSlot = slot(a, a.fanouts().get(0).position() - 1) + 1;
            return within(c.spatial().get(0), f[meshSlot]);
        }

        static boolean within(NestConstraints.LoopRule r, long[] f) {
            for (int d = 0; d < f.length; d++) {
                if ((r.exact()[d] > 0 && f[d] != r.exact()[d]) || (r.max()[d] > 0 && f[d] > r.max()[d]) || (r.min()[d] > 0 && f[d] < r.min()[d])) {
                    return false;
                }
            }
            return true;
        }

        /** Orders of one level's non-unit loops (outermost first) from every permutation Timeloop's rule allows. */
        static List<List<NestMapping.Loop>> temporalOrders(NestConstraints.LoopRule r, long[] f, int dims) {
            Map<String, List<NestMapping.Loop>> out = new java.util.LinkedHashMap<>();
            for (int[] perm : permutations(dims)) {
                List<Integer> nonUnit = new ArrayList<>();
                for (int d : perm) {
                    if (f[d] > 1) {
                        nonUnit.add(d);
                    }
                }
                if (patternHolds(r, nonUnit, f)) {
                    List<NestMapping.Loop> loops = new ArrayList<>();
                    for (int i = nonUnit.size() - 1; i >= 0; i--) {
                        loops.add(new NestMapping.Loop(nonUnit.get(i), f[nonUnit.get(i)]));
                    }
                    out.putIfAbsent(loops.toString(), loops);
                }
            }
            return new ArrayList<>(out.values());
        }

        /** Non-unit loops, innermost first: the prefix's non-unit dimensions first in order, the suffix's last. */
        static boolean patternHolds(NestConstraints.LoopRule r, List<Integer> nonUnit, long[] f) {
            List<Integer> pre = new ArrayList<>();
            for (int d : r.prefix()) {
                if (f[d] > 1) {
                    pre.add(d);
                }
            }
            List<Integer> suf = new ArrayList<>();
            for (int d : r.suffix()) {
                if (f[d] > 1) {
                    suf.add(d);
                }
            }
            return nonUnit.subList(0, pre.size()).equals(pre) && nonUnit.subList(nonUnit.size() - suf.size(), nonUnit.size()).equals(suf);
        }

        /** Every permutation and split of the mesh's loops Timeloop allows, as {X loops, Y loops} that fit the mesh. */
        static List<List<List<NestMapping.Loop>>> meshSplits(NestConstraints.LoopRule r, long[] f, NestArchitecture.Fanout mesh, int dims) {
            Map<String, List<List<NestMapping.Loop>>> out = new java.util.LinkedHashMap<>();
            for (int[] perm : permutations(dims)) {
                int units = 0;
                List<Integer> nonUnit = new ArrayList<>();
                boolean unitsFirst = true;
                for (int d : perm) {
                    if (f[d] == 1) {
                        units++;
                        unitsFirst &= nonUnit.isEmpty();
                    } else {
                        nonUnit.add(d);
                    }
                }
                if (!unitsFirst || !patternHolds(r, nonUnit, f)) {
                    continue;
                }
                for (int split = r.split() >= 0 ? r.split() : units; split <= (r.split() >= 0 ? r.split() : dims); split++) {
                    List<NestMapping.Loop> x = new ArrayList<>();
                    List<NestMapping.Loop> y = new ArrayList<>();
                    long px = 1;
                    long py = 1;
                    for (int i = 0; i < perm.length; i++) {
                        if (f[perm[i]] > 1) {
                            (i < split ? x : y).add(new NestMapping.Loop(perm[i], f[perm[i]]));
                            px *= i < split ? f[perm[i]] : 1;
                            py *= i < split ? 1 : f[perm[i]];
                        }
                    }
                    if (px <= mesh.meshX() && py <= mesh.meshY()) {
                        out.putIfAbsent(sorted(x) + "/" + sorted(y), List.of(x, y));
                    }
                }
            }
            return new ArrayList<>(out.values());
        }

        static List<boolean[][]> keeps(NestProblem p, NestArchitecture a, NestConstraints c, long[][] f) {
            int levels = a.storage().size();
            int ds = p.dataSpaces().size();
            List<boolean[][]> out = new ArrayList<>();
            for (long bits = 0; bits < 1L << ((levels - 1) * ds); bits++) {
                boolean[][] keep = new boolean[levels][ds];
                boolean ok = true;
                java.util.Arrays.fill(keep[0], true);
                for (int l = 1; l < levels && ok; l++) {
                    long[] below = new long[p.dims().size()];
                    java.util.Arrays.fill(below, 1);
                    for (int s = slot(a, l); s < f.length; s++) {
                        for (int d = 0; d < below.length; d++) {
                            below[d] *= f[s][d];
                        }
                    }
                    double bitsHeld = 0;
                    for (int i = 0; i < ds; i++) {
                        keep[l][i] = (bits >> ((l - 1) * ds + i) & 1) == 1;
                        String name = p.dataSpaces().get(i).name();
                        ok &= !(keep[l][i] && c.dataspaces().get(l).bypass().contains(name)) && !(!keep[l][i] && c.dataspaces().get(l).keep().contains(name));
                        bitsHeld += keep[l][i] ? NestModel.tile(p.dataSpaces().get(i), below) * (double) a.storage().get(l).bits(name) : 0;
                    }
                    ok &= bitsHeld <= NestModel.capacityBits(a.storage().get(l));
                }
                if (ok) {
                    out.add(keep);
                }
            }
            return out;
        }

        static void combine(NestProblem p, NestArchitecture a, List<List<List<NestMapping.Loop>>> temporal, List<List<NestMapping.Loop>> xy,
                            boolean[][] keep, int l, List<NestMapping.Level> acc, Map<String, NestMapping> out) {
            if (l == temporal.size()) {
                NestMapping m = new NestMapping(acc);
                out.putIfAbsent(canonical(m, p), m);
                return;
            }
            boolean meshBelow = a.fanouts().get(0).position() == l + 1;
            java.util.Set<String> kept = new java.util.LinkedHashSet<>();
            for (int i = 0; i < keep[l].length; i++) {
                if (keep[l][i]) {
                    kept.add(p.dataSpaces().get(i).name());
                }
            }
            for (List<NestMapping.Loop> order : temporal.get(l)) {
                acc.add(new NestMapping.Level(order, meshBelow ? xy.get(0) : List.of(), meshBelow ? xy.get(1) : List.of(), kept));
                combine(p, a, temporal, xy, keep, l + 1, acc, out);
                acc.removeLast();
            }
        }

        /** A mapping as text with its meshes' loops as sets: two mappings the model cannot tell apart read the same. */
        static String canonical(NestMapping m, NestProblem p) {
            StringBuilder b = new StringBuilder();
            for (NestMapping.Level l : m.levels()) {
                b.append(l.temporal()).append(" X").append(sorted(l.spatialX())).append(" Y").append(sorted(l.spatialY()))
                        .append(" keep").append(new TreeSet<>(l.keep())).append(" | ");
            }
            return b.toString();
        }

        static String sorted(List<NestMapping.Loop> loops) {
            return loops.stream().map(x -> x.dim() + "x" + x.factor()).sorted().toList().toString();
        }

        static List<int[]> permutations(int n) {
            List<int[]> out = new ArrayList<>();
            permute(new int[n], new boolean[n], 0, out);
            return out;
        }

        private static void permute(int[] a, boolean[] used, int i, List<int[]> out) {
            if (i == a.length) {
                out.add(a.clone());
                return;
            }
            for (int d = 0; d < a.length; d++) {
                if (!used[d]) {
                    used[d] = true;
                    a[i] = d;
                    permute(a, used, i + 1, out);
                    used[d] = false;
                }
            }
        }
    }
}
