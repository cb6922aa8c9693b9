package io.quantarch.cost.estimate;

import io.quantarch.cost.actions.Component;

/**
 * Hardware present in a component, for area: {@code count} units of one kind with the same variant grammar as
 * the actions ({@code int:8x8}, {@code int:32}, {@code fp:4,3xfp:4,3}, {@code fp:8,23}, a width for shifters and
 * comparators, bits for registers, bytes for SRAMs).
 */
public record Part(Component component, UnitKind kind, String variant, double count) { }
