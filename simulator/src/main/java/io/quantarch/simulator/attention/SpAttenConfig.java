package io.quantarch.simulator.attention;

import java.util.Arrays;

/**
 * SpAtten's knobs (Wang, Zhang, Han, HPCA 2021): per-layer token and head keep ratios for cascade pruning, the bits K
 * and V are fetched in, and progressive quantization (fetch the MSBs of K first, the LSBs only when the softmax is
 * not confident).
 *
 * @param tokenKeep           per layer: keys kept at this layer as a fraction of the tokens seen (1 = no pruning)
 * @param headKeep            per layer: heads kept as a fraction of all heads (1 = no pruning)
 * @param kvBits              K and V fixed-point width with one scale per token and head; 0 keeps float32 (no progressive fetch)
 * @param msbBits             with progressive quantization, the bits of K fetched first
 * @param confidence          recompute with the LSBs when the largest attention probability is below this
 * @param progressive         whether K is fetched MSBs first
 * @param localWindow         the most recent tokens never pruned (0: pure cumulative importance, as SpAtten; a window, as
 *                            H2O and StreamingLLM keep, protects tokens too young to have accumulated importance)
 */
public record SpAttenConfig(double[] tokenKeep, double[] headKeep, int kvBits, int msbBits, double confidence, boolean progressive,
                            int localWindow) {

    public SpAttenConfig {
        tokenKeep = tokenKeep.clone();
        headKeep = headKeep.clone();
        for (double r : tokenKeep) {
            if (!(r > 0 && r <= 1)) {
                throw new IllegalArgumentException("token keep ratios must be in (0, 1], got " + r);
            }
        }
        for (double r : headKeep) {
            if (!(r > 0 && r <= 1)) {
                throw new IllegalArgumentException("head keep ratios must be in (0, 1], got " + r);
            }
        }
        if (kvBits != 0 && (kvBits < 2 || kvBits > 16)) {
            throw new IllegalArgumentException("kv bits 2..16 or 0 (float32), got " + kvBits);
        }
        if (localWindow < 0) {
            throw new IllegalArgumentException("local window must be >= 0, got " + localWindow);
        }
        if (progressive && (kvBits == 0 || msbBits < 1 || msbBits >= kvBits)) {
            throw new IllegalArgumentException("progressive quantization fetches 1..kvBits-1 MSBs of a fixed-point K");
        }
    }

    /** Dense float32 attention: the baseline. */
    public static SpAttenConfig dense(int layers) {
        return uniform(layers, 1, 1, 0, 0, 0, false);
    }

    /** The same ratios on every layer (SpAtten prunes from the later layers in practice; see {@link #cascade}). */
    public static SpAttenConfig uniform(int layers, double tokenKeep, double headKeep, int kvBits, int msbBits, double confidence,
                                        boolean progressive) {
        double[] t = new double[layers];
        double[] h = new double[layers];
        Arrays.fill(t, tokenKeep);
        Arrays.fill(h, headKeep);
        return new SpAttenConfig(t, h, kvBits, msbBits, confidence, progressive, 0);
    }

    /**
     * No pruning in the first layer, then a geometric schedule reaching {@code finalTokenKeep} at the last layer, as
     * SpAtten's cascade keeps the early layers whole (their importance scores are not yet reliable).
     */
    public static SpAttenConfig cascade(int layers, double finalTokenKeep, double finalHeadKeep, int kvBits, int msbBits, double confidence,
                                        boolean progressive) {
        double[] t = new double[layers];
        double[] h = new double[layers];
        for (int l = 0; l < layers; l++) {
            double f = layers == 1 ? 1 : (double) l / (layers - 1);
            t[l] = Math.pow(finalTokenKeep, f);
            h[l] = Math.pow(finalHeadKeep, f);
        }
        return new SpAttenConfig(t, h, kvBits, msbBits, confidence, progressive, 0);
    }

    public SpAttenConfig withLocalWindow(int w) {
        return new SpAttenConfig(tokenKeep, headKeep, kvBits, msbBits, confidence, progressive, w);
    }

    public int layers() {
        return tokenKeep.length;
    }

    @Override
    public double[] tokenKeep() {
        return tokenKeep.clone();
    }

    @Override
    public double[] headKeep() {
        return headKeep.clone();
    }

    double tokenKeep(int layer) {
        return tokenKeep[layer];
    }

    double headKeep(int layer) {
        return headKeep[layer];
    }

    /** Equal when every keep ratio and setting is equal (arrays compared by content), so configs key caches. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SpAttenConfig c && java.util.Arrays.equals(tokenKeep, c.tokenKeep) && java.util.Arrays.equals(headKeep, c.headKeep)
                && kvBits == c.kvBits && msbBits == c.msbBits && Double.compare(confidence, c.confidence) == 0 && progressive == c.progressive
                && localWindow == c.localWindow;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(java.util.Arrays.hashCode(tokenKeep), java.util.Arrays.hashCode(headKeep), kvBits, msbBits, confidence,
                progressive, localWindow);
    }
}
