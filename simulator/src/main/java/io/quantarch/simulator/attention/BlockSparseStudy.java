package io.quantarch.simulator.attention;

import java.util.ArrayList;
import java.util.List;

/**
 * Perplexity vs prefill K/V traffic of PARO-style block-sparse quantized attention on stories260K: block density
 * 1.0..0.2 with and without token reordering in float32, then the integer attention PARO runs (INT8 Q/K/V with an
 * INT8 or INT4 attention map) dense and sparse.
 */
public final class BlockSparseStudy {

    /** One configuration: its series (for plots), a label, and the config. */
    public record Setting(String series, String label, BlockSparseConfig config) { }

    public static final int BLOCK = 32;

    private BlockSparseStudy() {
    }

    public static List<Setting> settings() {
        List<Setting> out = new ArrayList<>();
        out.add(new Setting("dense", "dense fp32", BlockSparseConfig.dense(BLOCK)));
        for (double d : new double[] {0.75, 0.5, 0.3, 0.2}) {
            out.add(new Setting("block-sparse fp32", "density " + d, new BlockSparseConfig(BLOCK, d, false, 0, 0, 0)));
        }
        for (double d : new double[] {0.75, 0.5, 0.3, 0.2}) {
            out.add(new Setting("block-sparse fp32, reordered", "density " + d + " reordered", new BlockSparseConfig(BLOCK, d, true, 0, 0, 0)));
        }
        for (double d : new double[] {1.0, 0.5, 0.3}) {
            out.add(new Setting("INT8 Q/K/V, INT8 P, reordered", "density " + d + " int8", new BlockSparseConfig(BLOCK, d, true, 8, 8, 8)));
        }
        for (double d : new double[] {1.0, 0.5, 0.3}) {
            out.add(new Setting("INT8 Q/K/V, INT4 P, reordered", "density " + d + " int8/P int4", new BlockSparseConfig(BLOCK, d, true, 8, 4, 8)));
        }
        out.add(new Setting("INT4 Q/K, INT4 P, INT8 V", "density 1.0 int4 QK", new BlockSparseConfig(BLOCK, 1, false, 4, 4, 8)));
        return out;
    }
}
