package io.quantarch.search.space;

import io.quantarch.simulator.attention.BlockSparseConfig;
import io.quantarch.simulator.attention.SpAttenConfig;

import java.util.Arrays;
import java.util.Map;

/**
 * The attention unit of a design whose space has {@code attention.*} genes: the workload's attention layers run on it
 * (beside the systolic array, which runs every other layer), on the real stories260K attention, so its quality cost is
 * measured. One variant per accelerator; {@link #key()} identifies its configuration for the evaluation cache.
 */
public sealed interface AttentionUnit {

    /** Identifies the configuration (equal keys, equal results). */
    String key();

    /** SpAtten: cascade token/head pruning, K/V bits, progressive K. */
    record SpAtten(SpAttenConfig config) implements AttentionUnit {
        @Override
        public String key() {
            return "spatten:" + Arrays.toString(config.tokenKeep()) + Arrays.toString(config.headKeep()) + ":" + config.kvBits() + ":"
                    + config.msbBits() + ":" + config.confidence() + ":" + config.progressive() + ":" + config.localWindow();
        }
    }

    /** PARO-style block-sparse quantized attention. */
    record BlockSparse(BlockSparseConfig config) implements AttentionUnit {
        @Override
        public String key() {
            return "block-sparse:" + config;
        }
    }

    int DEFAULT_LOCAL_WINDOW = 32;
    double DEFAULT_CONFIDENCE = 0.3;
    int BLOCK = 32;

    /**
     * The unit a design's attention gene values make ({@code values} holds the chosen value of every attention knob
     * of the space; knobs without a gene keep their default: dense, float32, a 32-token local window, confidence 0.3,
     * blocks of 32). Progressive fetch is on when {@code 0 < msb_bits < kv_bits}.
     */
    static AttentionUnit of(Map<ArchKnob, Object> values, int layers) {
        boolean blockSparse = values.keySet().stream().anyMatch(ArchKnob::blockSparse);
        if (blockSparse) {
            return new BlockSparse(new BlockSparseConfig(BLOCK, (Double) values.getOrDefault(ArchKnob.ATTN_DENSITY, 1.0), false,
                    (Integer) values.getOrDefault(ArchKnob.ATTN_QK_BITS, 0), (Integer) values.getOrDefault(ArchKnob.ATTN_P_BITS, 0),
                    (Integer) values.getOrDefault(ArchKnob.ATTN_V_BITS, 0)));
        }
        int kv = (Integer) values.getOrDefault(ArchKnob.ATTN_KV_BITS, 0);
        int msb = (Integer) values.getOrDefault(ArchKnob.ATTN_MSB_BITS, 0);
        boolean progressive = msb > 0 && msb < kv;
        return new SpAtten(SpAttenConfig.uniform(layers, (Double) values.getOrDefault(ArchKnob.ATTN_TOKEN_KEEP, 1.0),
                        (Double) values.getOrDefault(ArchKnob.ATTN_HEAD_KEEP, 1.0), kv, progressive ? msb : 0,
                        (Double) values.getOrDefault(ArchKnob.ATTN_CONFIDENCE, DEFAULT_CONFIDENCE), progressive)
                .withLocalWindow((Integer) values.getOrDefault(ArchKnob.ATTN_LOCAL_WINDOW, DEFAULT_LOCAL_WINDOW)));
    }
}
