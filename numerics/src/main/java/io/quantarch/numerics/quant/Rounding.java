package io.quantarch.numerics.quant;

/** How a value between two representable neighbours is rounded. */
public sealed interface Rounding {

    /** Round to nearest, ties to even (IEEE 754 default; OCP OFP8 §5.2.1). */
    record NearestEven() implements Rounding { }

    /**
     * Stochastic rounding: round up with probability equal to the distance from the lower neighbour,
     * in units of the spacing. The draw for element {@code i} is a pure function of {@code (seed, i)}, so
     * results do not depend on thread scheduling.
     */
    record Stochastic(long seed) implements Rounding {
        /** 64 uniformly distributed bits for element {@code index} (SplitMix64 finaliser of seed and index). */
        public long randomBits(long index) {
            return mix64(seed * 0x9E3779B97F4A7C15L + mix64(index + 0x632BE59BD9B4E019L));
        }

        /** A uniform double in [0, 1) for element {@code index}. */
        public double uniform(long index) {
            return (randomBits(index) >>> 11) * 0x1.0p-53;
        }
    }

    NearestEven NEAREST_EVEN = new NearestEven();

    /** What {@link #parse} accepts, for messages and help. */
    String SYNTAX = "nearest or stochastic:SEED";

    /**
     * {@code nearest} or {@code stochastic:SEED} (case-insensitive): the one parser behind every reader.
     *
     * @throws IllegalArgumentException naming the expected form when the text is neither
     */
    static Rounding parse(String text) {
        String r = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (r.equals("nearest")) {
            return NEAREST_EVEN;
        }
        if (r.startsWith("stochastic:")) {
            try {
                return new Stochastic(Long.parseLong(r.substring("stochastic:".length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("stochastic:SEED with an integer seed");
            }
        }
        throw new IllegalArgumentException(SYNTAX);
    }

    /** SplitMix64's output mix (Steele, Lea, Flood: "Fast splittable pseudorandom number generators", OOPSLA 2014). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
