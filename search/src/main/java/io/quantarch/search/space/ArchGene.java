package io.quantarch.search.space;

import java.util.List;

/** An architecture gene: a knob and the values it may take (typed as {@link ArchKnob#apply} expects), with labels for CSVs. */
public record ArchGene(ArchKnob knob, List<Object> values, List<String> labels) {

    public ArchGene {
        values = List.copyOf(values);
        labels = List.copyOf(labels);
        if (values.isEmpty() || values.size() != labels.size()) {
            throw new IllegalArgumentException(knob.key() + ": one label per value, at least one value");
        }
    }

    public String name() {
        return knob.key();
    }
}
