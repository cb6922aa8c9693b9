package io.quantarch.simulator.fpga;

import io.quantarch.cost.fpga.FpgaResources;

import java.util.List;

/**
 * A whole streaming design: its units, the bottleneck that sets throughput ({@code initiationInterval} cycles per
 * frame), the first frame's latency (the sum of the units' cycles, FINN's estimate), the summed resources, and
 * whether they fit the device ({@code overBudget} names each resource that does not).
 *
 * @param skippedLayers layers streamed without a MAC array (pooling, activations, norms): not priced
 */
public record DataflowResult(FpgaDataflowSpec spec, List<MvauLayerResult> layers, List<String> skippedLayers,
                             long initiationInterval, String bottleneck, long latencyCycles, FpgaResources resources,
                             List<String> overBudget) {

    public boolean fits() {
        return overBudget.isEmpty();
    }

    public double framesPerSecond() {
        return spec.clockMhz() * 1e6 / initiationInterval;
    }

    public double latencySeconds() {
        return latencyCycles / (spec.clockMhz() * 1e6);
    }

    public long macsPerFrame() {
        return layers.stream().mapToLong(l -> l.layer().macs()).sum();
    }
}
