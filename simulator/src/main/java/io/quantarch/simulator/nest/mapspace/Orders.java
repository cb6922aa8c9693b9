package io.quantarch.simulator.nest.mapspace;

import java.util.ArrayList;
import java.util.List;

/** The loop orders a slot allows: its constraint's prefix and suffix in place, every permutation of the rest between. */
final class Orders {

    private Orders() {
    }

    /** Orders of the non-unit loops of {@code slot}, innermost first, in lexicographic order of the free part. */
    static List<int[]> of(MapSpace s, int slot, long[][] factor) {
        List<Integer> pre = new ArrayList<>();
        List<Integer> free = new ArrayList<>();
        List<Integer> suf = new ArrayList<>();
        for (int d : s.prefix[slot]) {
            if (factor[slot][d] > 1) {
                pre.add(d);
            }
        }
        for (int d = 0; d < s.dims; d++) {
            if (factor[slot][d] > 1 && !KeyDecoder.contains(s.prefix[slot], d) && !KeyDecoder.contains(s.suffix[slot], d)) {
                free.add(d);
            }
        }
        for (int d : s.suffix[slot]) {
            if (factor[slot][d] > 1) {
                suf.add(d);
            }
        }
        List<int[]> out = new ArrayList<>();
        int[] f = free.stream().mapToInt(Integer::intValue).toArray();
        do {
            int[] o = new int[pre.size() + f.length + suf.size()];
            int i = 0;
            for (int d : pre) {
                o[i++] = d;
            }
            for (int d : f) {
                o[i++] = d;
            }
            for (int d : suf) {
                o[i++] = d;
            }
            out.add(o);
        } while (nextPermutation(f));
        return out;
    }

    /** Advances {@code a} to its next lexicographic permutation; false after the last. */
    static boolean nextPermutation(int[] a) {
        int i = a.length - 2;
        while (i >= 0 && a[i] >= a[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = a.length - 1;
        while (a[j] <= a[i]) {
            j--;
        }
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
        for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
            t = a[l];
            a[l] = a[r];
            a[r] = t;
        }
        return true;
    }
}
