package io.quantarch.cost.estimate;

import io.quantarch.cost.actions.Component;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** A quantity (pJ or um^2) broken down by component. */
public record Breakdown(Map<Component, Double> byComponent) {

    public Breakdown {
        byComponent = Collections.unmodifiableMap(new EnumMap<>(byComponent.isEmpty() ? new EnumMap<>(Component.class) : byComponent));
    }

    public double get(Component c) {
        return byComponent.getOrDefault(c, 0.0);
    }

    public double total() {
        double s = 0;
        for (double v : byComponent.values()) {
            s += v;
        }
        return s;
    }
}
