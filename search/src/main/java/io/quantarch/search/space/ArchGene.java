package io.quantarch.search.space;

import java.util.List;

/** An architecture gene: a knob (and, for per-layer FPGA knobs, its layer) and the values it may take (typed as {@link ArchKnob#apply} expects), with labels for CSVs. */
public record ArchGene(ArchKnob knob, String layer, List<Object> values, List<String> labels) {

    public ArchGene(ArchKnob knob, List<Object> values, List<String> labels) {
        this(knob, null, values, labels);
    }

    public ArchGene {
        values = List.copyOf(values);
        labels = List.copyOf(labels);
        if (values.isEmpty() || values.size() != labels.size()) {
            throw new IllegalArgumentException(knob.key() + ": one label per value, at least one value");
        }
    }

    /** {@code array}, or {@code fpga.pe.conv2} for a per-layer knob. */
    public String name() {
        return layer == null ? knob.key() : knob.key() + "." + layer;
    }
}
