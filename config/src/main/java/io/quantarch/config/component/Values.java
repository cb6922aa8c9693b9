package io.quantarch.config.component;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/** The values of a component's declared parameters, read and checked; typed access by declaration. */
public final class Values {

    private final Map<Param<?>, Object> values;

    Values(Map<Param<?>, Object> values) {
        this.values = Collections.unmodifiableMap(new IdentityHashMap<>(values));
    }

    /** The value of {@code p} (its default when the file did not give it). */
    @SuppressWarnings("unchecked")
    public <T> T get(Param<T> p) {
        if (!values.containsKey(p)) {
            throw new IllegalArgumentException("parameter '" + p.key() + "' is not declared by this component");
        }
        return (T) values.get(p);
    }

    /** A value as printed in help and reports: integers without a decimal point, words as they are. */
    public static String text(Object v) {
        if (v instanceof Double d) {
            if (d.isInfinite()) {
                return d > 0 ? "unlimited" : "-unlimited";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            return String.format(Locale.ROOT, "%.6g", d).replaceAll("\\.?0+(e|$)", "$1");
        }
        return String.valueOf(v);
    }
}
