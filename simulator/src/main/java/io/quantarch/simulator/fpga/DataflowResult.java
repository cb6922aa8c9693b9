package io.quantarch.simulator.fpga;

import java.util.List;

/**
 * A whole streaming design as the simulator counts it: its units (what their resources depend on), the bottleneck that
 * sets throughput ({@code initiationInterval} cycles per frame) and the first frame's latency (the sum of the units'
 * cycles, FINN's estimate). Resources and the device fit come from the pricing step.
 *
 * @param skippedLayers layers streamed without a MAC array (pooling, activations, norms): not priced
 */
public record DataflowResult(FpgaDataflowSpec spec, List<MvauLayerResult> layers, List<String> skippedLayers,
                             long initiationInterval, String bottleneck, long latencyCycles) {

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
