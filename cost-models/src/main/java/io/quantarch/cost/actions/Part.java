package io.quantarch.cost.actions;

/**
 * Hardware present in a component, for area: {@code count} units of one kind with the same {@link Variant}s as the
 * actions ({@code int:8x8}, {@code int:32}, {@code fp:4,3xfp:4,3}, {@code fp:8,23}, a {@link Variant.Width} for
 * shifters and comparators, a {@link Variant.Capacity} in bits for registers and in bytes for SRAMs).
 */
public record Part(Component component, UnitKind kind, Variant variant, double count) {

    /** A register of {@code bits} bits. */
    public static Part register(Component c, long bits, double count) {
        return new Part(c, UnitKind.REGISTER, new Variant.Capacity(bits), count);
    }
}
