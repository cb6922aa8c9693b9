package io.quantarch.simulator.fpga;

import io.quantarch.cost.fpga.MvauEstimate;

/** One layer's unit: its folding, cycles per frame and priced resources. */
public record MvauLayerResult(MvauLayer layer, Folding folding, long cyclesPerFrame, MvauEstimate estimate) {
}
