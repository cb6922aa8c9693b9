package io.quantarch.simulator.fpga;

import io.quantarch.cost.actions.MvauUnit;

/** One layer's unit: its folding, cycles per frame and the unit description its resources are priced from. */
public record MvauLayerResult(MvauLayer layer, Folding folding, long cyclesPerFrame, MvauUnit unit) {
}
