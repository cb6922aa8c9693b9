package io.quantarch.cost.actions;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Immutable counts of actions, keyed by {@link ActionKey}: what the simulator hands the cost model, and
 * the only thing they share (Accelergy: energy = sum of count x energy per action). Backed by sorted
 * parallel arrays; build with {@link Builder}.
 */
public final class ActionCounts {

    public static final ActionCounts EMPTY = new ActionCounts(new ActionKey[0], new long[0]);

    private final ActionKey[] keys;
    private final long[] counts;

    private ActionCounts(ActionKey[] keys, long[] counts) {
        this.keys = keys;
        this.counts = counts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Count of one action (0 if never counted). */
    public long get(ActionKey key) {
        int i = Arrays.binarySearch(keys, key);
        return i < 0 ? 0 : counts[i];
    }

    public long get(Component c, ActionKind a, Variant variant) {
        return get(ActionKey.of(c, a, variant));
    }

    /** Sum over all variants of one component's action. */
    public long total(Component c, ActionKind a) {
        long s = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].component() == c && keys[i].action() == a) {
                s += counts[i];
            }
        }
        return s;
    }

    public int size() {
        return keys.length;
    }

    public Map<ActionKey, Long> asMap() {
        Map<ActionKey, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            m.put(keys[i], counts[i]);
        }
        return m;
    }

    /** Element-wise sum. */
    public ActionCounts plus(ActionCounts o) {
        if (o.keys.length == 0) {
            return this;
        }
        if (keys.length == 0) {
            return o;
        }
        Builder b = toBuilder();
        for (int i = 0; i < o.keys.length; i++) {
            b.add(o.keys[i], o.counts[i]);
        }
        return b.build();
    }

    /** Every count multiplied by {@code factor} (e.g. repeated identical GEMMs). */
    public ActionCounts times(long factor) {
        long[] c = counts.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.multiplyExact(c[i], factor);
        }
        return new ActionCounts(keys, c);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        for (int i = 0; i < keys.length; i++) {
            b.add(keys[i], counts[i]);
        }
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActionCounts a && Arrays.equals(keys, a.keys) && Arrays.equals(counts, a.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(keys) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }

    /** Mutable accumulator; not thread-safe. */
    public static final class Builder {
        private final TreeMap<ActionKey, long[]> map = new TreeMap<>();

        public Builder add(ActionKey key, long n) {
            if (n < 0) {
                throw new IllegalArgumentException("negative count " + n + " for " + key);
            }
            if (n != 0) {
                map.computeIfAbsent(key, k -> new long[1])[0] += n;
            }
            return this;
        }

        public Builder add(Component c, ActionKind a, Variant variant, long n) {
            return add(ActionKey.of(c, a, variant), n);
        }

        public ActionCounts build() {
            ActionKey[] k = map.keySet().toArray(ActionKey[]::new);
            long[] v = new long[k.length];
            int i = 0;
            for (long[] x : map.values()) {
                v[i++] = x[0];
            }
            return new ActionCounts(k, v);
        }
    }
}
