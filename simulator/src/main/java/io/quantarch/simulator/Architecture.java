package io.quantarch.simulator;

import io.quantarch.cost.actions.Component;
import io.quantarch.cost.actions.CostModelSpec;
import io.quantarch.cost.memory.SramMacro;
import io.quantarch.simulator.array.ArraySpec;
import io.quantarch.simulator.array.Dataflow;
import io.quantarch.simulator.memory.MemorySpec;
import io.quantarch.simulator.memory.MemoryTechnology;
import io.quantarch.simulator.pe.IntMacSpec;
import io.quantarch.simulator.pe.PeSpec;

import java.util.Objects;

/**
 * A systolic accelerator: the PE array and its dataflow, the PE kind, the buffers and DRAM interface, the
 * clock, the vector unit width, the cost model that prices it, and which accounting model to use.
 *
 * @param clockGhz    array clock, for latency in seconds
 * @param vectorLanes elements per cycle of the vector unit (norms, softmax, activations, pooling)
 * @param costModel   the cost model that prices this architecture (see cost-models)
 */
public record Architecture(String name, ArraySpec array, PeSpec pe, MemorySpec memory, double clockGhz, int vectorLanes,
                           Compat compat, AttentionMapping attention, CostModelSpec costModel) {

    /** With the accounting model's default attention mapping (fused under compat none, unfused under scalesim). */
    public Architecture(String name, ArraySpec array, PeSpec pe, MemorySpec memory, double clockGhz, int vectorLanes, Compat compat,
                        CostModelSpec costModel) {
        this(name, array, pe, memory, clockGhz, vectorLanes, compat, AttentionMapping.defaultFor(compat), costModel);
    }

    public Architecture {
        Objects.requireNonNull(attention);
        Objects.requireNonNull(array);
        Objects.requireNonNull(pe);
        Objects.requireNonNull(memory);
        Objects.requireNonNull(compat);
        Objects.requireNonNull(costModel);
        if (!(clockGhz > 0) || vectorLanes < 1) {
            throw new IllegalArgumentException("clock must be positive GHz and the vector unit at least one lane");
        }
    }

    /** The built-in default: a 32x32 weight-stationary INT8 systolic array, 256 kB per SRAM, 32 B/cycle DRAM, 1 GHz. */
    public static final Architecture DEFAULT = new Architecture("default-int8-ws-32x32", new ArraySpec(32, 32, Dataflow.WS),
            IntMacSpec.INT8, new MemorySpec(256, 256, 256, 32, true), 1.0, 32, Compat.NONE, CostModelSpec.DEFAULT);

    public Architecture withArray(ArraySpec a) {
        return new Architecture(name, a, pe, memory, clockGhz, vectorLanes, compat, attention, costModel);
    }

    public Architecture withMemory(MemorySpec m) {
        return new Architecture(name, array, pe, m, clockGhz, vectorLanes, compat, attention, costModel);
    }

    public Architecture withCompat(Compat c) {
        return new Architecture(name, array, pe, memory, clockGhz, vectorLanes, c, AttentionMapping.defaultFor(c), costModel);
    }

    public Architecture withAttention(AttentionMapping m) {
        return new Architecture(name, array, pe, memory, clockGhz, vectorLanes, compat, m, costModel);
    }

    public Architecture withPe(PeSpec p) {
        return new Architecture(name, array, p, memory, clockGhz, vectorLanes, compat, attention, costModel);
    }

    public Architecture withCostModel(CostModelSpec c) {
        return new Architecture(name, array, pe, memory, clockGhz, vectorLanes, compat, attention, c);
    }

    public Architecture withName(String n) {
        return new Architecture(n, array, pe, memory, clockGhz, vectorLanes, compat, attention, costModel);
    }

    /**
     * What the accelerator is built of, for the cost model: every PE's units, per-column units (dequantizers),
     * the three SRAMs, and the vector unit (one FP32 adder and multiplier per lane).
     */
    public io.quantarch.cost.actions.Inventory inventory() {
        java.util.List<io.quantarch.cost.actions.Part> parts = new java.util.ArrayList<>();
        for (io.quantarch.cost.actions.Part p : pe.parts()) {
            parts.add(new io.quantarch.cost.actions.Part(p.component(), p.kind(), p.variant(), p.count() * array.pes()));
        }
        for (io.quantarch.cost.actions.Part p : pe.perColumnParts()) {
            parts.add(new io.quantarch.cost.actions.Part(p.component(), p.kind(), p.variant(), p.count() * array.cols()));
        }
        MemoryTechnology tech = memory.technology();
        java.util.Map<Component, SramMacro> sram = new java.util.EnumMap<>(Component.class);
        sram.put(Component.IFMAP_SRAM, macro(memory.ifmapKb(), MemoryTechnology.banks(tech.ifmapBanks(), array.rows(), OPERAND_LANE_BITS),
                array.rows() * OPERAND_LANE_BITS));
        sram.put(Component.FILTER_SRAM, macro(memory.filterKb(), MemoryTechnology.banks(tech.filterBanks(), array.cols(), OPERAND_LANE_BITS),
                array.cols() * OPERAND_LANE_BITS));
        sram.put(Component.OFMAP_SRAM, macro(memory.ofmapKb(), MemoryTechnology.banks(tech.ofmapBanks(), array.cols(), pe.accumulatorBits()),
                array.cols() * pe.accumulatorBits()));
        sram.forEach((c, m) -> parts.add(new io.quantarch.cost.actions.Part(c, io.quantarch.cost.actions.UnitKind.SRAM,
                new io.quantarch.cost.actions.Variant.Capacity(m.capacityBytes()), 1)));
        parts.add(new io.quantarch.cost.actions.Part(io.quantarch.cost.actions.Component.VECTOR_UNIT,
                io.quantarch.cost.actions.UnitKind.ADDER, io.quantarch.cost.actions.Variant.FP32, vectorLanes));
        parts.add(new io.quantarch.cost.actions.Part(io.quantarch.cost.actions.Component.VECTOR_UNIT,
                io.quantarch.cost.actions.UnitKind.MULTIPLIER, io.quantarch.cost.actions.Variant.FP32, vectorLanes));
        return new io.quantarch.cost.actions.Inventory(parts, sram, tech.dramTechnology(), tech.sramModel());
    }

    /** Bits of one operand lane of the array edge (narrower operands pack; the DRAM and SRAM counts follow each format). */
    static final int OPERAND_LANE_BITS = 8;

    /** A buffer of {@code kb} split into {@code banks} banks that together deliver {@code portBits} per cycle. */
    private static SramMacro macro(double kb, int banks, int portBits) {
        return new SramMacro(Math.round(kb * 1024), Math.max(1, (portBits + banks - 1) / banks), banks);
    }
}
