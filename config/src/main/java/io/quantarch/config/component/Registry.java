package io.quantarch.config.component;

import io.quantarch.config.Names;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The components of one kind by name, in registration order. Built from one list per kind (the registration line a new
 * component adds); unknown names are refused with the closest registered one.
 *
 * @param <T> the component type
 */
public final class Registry<T extends Component> {

    private final String kind;
    private final String summary;
    private final Map<String, T> byName = new LinkedHashMap<>();

    public Registry(String kind, String summary, List<T> components) {
        this.kind = kind;
        this.summary = summary;
        for (T c : components) {
            Declaration d = c.declaration();
            if (!d.kind().equals(kind)) {
                throw new IllegalArgumentException(d.name() + " is a " + d.kind() + ", registered as a " + kind);
            }
            if (byName.put(d.name(), c) != null) {
                throw new IllegalArgumentException(kind + " '" + d.name() + "' registered twice");
            }
        }
    }

    /** The kind's name, e.g. {@code pe}. */
    public String kind() {
        return kind;
    }

    /** One line: what components of this kind are. */
    public String summary() {
        return summary;
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public List<T> all() {
        return List.copyOf(byName.values());
    }

    public Optional<T> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The component called {@code name}; an {@link IllegalArgumentException} names the valid ones and the closest. */
    public T byName(String name) {
        T c = byName.get(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown " + kind + " '" + name + "'" + Names.didYouMean(byName.keySet(), name)
                    + "; valid: " + String.join(", ", byName.keySet()));
        }
        return c;
    }
}
