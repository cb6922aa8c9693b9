package io.quantarch.cost.actions;

import java.util.Comparator;
import java.util.Objects;

/**
 * One kind of counted action: which component did what, with a {@link Variant} naming its width or format
 * ({@code bits}, {@code elements}, {@code int:8x8}, {@code fp:4,3xfp:4,3}, {@code int:32}).
 */
public record ActionKey(Component component, ActionKind action, Variant variant) implements Comparable<ActionKey> {

    private static final Comparator<ActionKey> ORDER = Comparator.comparing(ActionKey::component)
            .thenComparing(ActionKey::action).thenComparing(ActionKey::variant);

    public ActionKey {
        Objects.requireNonNull(component);
        Objects.requireNonNull(action);
        variant = variant == null ? Variant.NONE : variant;
    }

    public static ActionKey of(Component c, ActionKind a) {
        return new ActionKey(c, a, Variant.NONE);
    }

    public static ActionKey of(Component c, ActionKind a, Variant variant) {
        return new ActionKey(c, a, variant);
    }

    @Override
    public int compareTo(ActionKey o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return component + "." + action + (variant instanceof Variant.None ? "" : "[" + variant + "]");
    }
}
