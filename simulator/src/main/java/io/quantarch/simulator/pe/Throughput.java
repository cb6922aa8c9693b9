package io.quantarch.simulator.pe;

/**
 * How a PE kind stretches the array for one format pair: a dot-product PE with L lanes acts as L array rows,
 * a fusible PE that computes k products per cycle as k columns, and a bit-serial PE needs {@code timeFactor}
 * cycles per streamed element.
 */
public record Throughput(int rowFactor, int colFactor, int timeFactor) {

    public static final Throughput ONE = new Throughput(1, 1, 1);

    public Throughput {
        if (rowFactor < 1 || colFactor < 1 || timeFactor < 1) {
            throw new IllegalArgumentException("throughput factors must be >= 1");
        }
    }

    /** MACs each physical PE completes per cycle. */
    public double macsPerCycle() {
        return (double) rowFactor * colFactor / timeFactor;
    }
}
