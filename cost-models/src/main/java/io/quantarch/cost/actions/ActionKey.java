package io.quantarch.cost.actions;

import java.util.Comparator;
import java.util.Objects;

/**
 * One kind of counted action: which component did what, with a variant naming its width or format
 * ({@code bits}, {@code elements}, {@code int8xint8}, {@code fp8_e4m3xfp8_e4m3}, {@code acc32}).
 */
public record ActionKey(Component component, ActionKind action, String variant) implements Comparable<ActionKey> {

    private static final Comparator<ActionKey> ORDER = Comparator.comparing(ActionKey::component)
            .thenComparing(ActionKey::action).thenComparing(ActionKey::variant);

    public ActionKey {
        Objects.requireNonNull(component);
        Objects.requireNonNull(action);
        variant = variant == null ? "" : variant;
    }

    public static ActionKey of(Component c, ActionKind a) {
        return new ActionKey(c, a, "");
    }

    public static ActionKey of(Component c, ActionKind a, String variant) {
        return new ActionKey(c, a, variant);
    }

    @Override
    public int compareTo(ActionKey o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return component + "." + action + (variant.isEmpty() ? "" : "[" + variant + "]");
    }
}
