package io.quantarch.simulator.pe;

/**
 * How a PE kind uses the array for one format pair.
 *
 * @param reductionLanes products of the same output one PE adds per cycle (a dot-product unit of L lanes, a Bit
 *                       Fusion unit fused for narrow operands): on WS/IS arrays, whose rows hold the reduction, the
 *                       PE acts as that many rows; on OS arrays, where the reduction is streamed, it shortens the stream
 * @param outputLanes    independent outputs one PE produces per cycle (acts as that many columns)
 * @param timeFactor     cycles per streamed element (a bit-serial PE needs one cycle per activation bit)
 */
public record Throughput(int reductionLanes, int outputLanes, int timeFactor) {

    public static final Throughput ONE = new Throughput(1, 1, 1);

    public Throughput {
        if (reductionLanes < 1 || outputLanes < 1 || timeFactor < 1) {
            throw new IllegalArgumentException("throughput factors must be >= 1");
        }
    }

    /** MACs each physical PE completes per cycle in steady state. */
    public double macsPerCycle() {
        return (double) reductionLanes * outputLanes / timeFactor;
    }
}
