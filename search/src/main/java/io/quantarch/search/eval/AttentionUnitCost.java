package io.quantarch.search.eval;

import io.quantarch.cost.estimate.CostModel;
import io.quantarch.cost.estimate.CostModels;
import io.quantarch.search.space.AttentionUnit;
import io.quantarch.simulator.attention.AttentionHardware;
import io.quantarch.simulator.attention.BlockSparseConfig;
import io.quantarch.simulator.attention.BlockSparseRun;
import io.quantarch.simulator.attention.SpAttenConfig;
import io.quantarch.simulator.attention.SpAttenRun;

import java.util.concurrent.ConcurrentHashMap;

/**
 * What a design's attention unit costs for one 512-token prefill window of stories260K, measured by running the real
 * model's attention through the unit's kernel on {@link #WINDOWS} evaluation windows: the quality loss (perplexity
 * ratio to the same kernel's dense float32 setting, minus 1: the tier-1 quality unit), seconds and energy per window
 * on {@link AttentionHardware#SPATTEN} priced by horowitz45. One run per configuration per JVM; deterministic.
 *
 * @param qualityLoss perplexity ratio - 1 against dense float32 attention on the same windows
 * @param seconds     prefill time of one window on the unit
 * @param energyPj    prefill energy of one window (K/V DRAM reads, multiplies, adds, exponentials, comparisons)
 */
public record AttentionUnitCost(double qualityLoss, double seconds, double energyPj) {

    /** Evaluation windows each configuration runs (the first ones of the text; calibration text stays held out). */
    public static final int WINDOWS = 4;

    private static final ConcurrentHashMap<String, AttentionUnitCost> CACHE = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, Double> DENSE = new ConcurrentHashMap<>();

    public static AttentionUnitCost of(AttentionUnit unit) {
        return CACHE.computeIfAbsent(unit.key(), k -> measure(unit));
    }

    private static AttentionUnitCost measure(AttentionUnit unit) {
        AttentionHardware hw = AttentionHardware.SPATTEN;
        CostModel cost = CostModels.byName("horowitz45");
        double perSecond = hw.clockGhz() * 1e9;
        return switch (unit) {
            case AttentionUnit.SpAtten s -> {
                double dense = DENSE.computeIfAbsent("spatten", k ->
                        SpAttenRun.run(SpAttenConfig.dense(s.config().layers()), hw, cost, WINDOWS).perplexity());
                SpAttenRun.Result r = SpAttenRun.run(s.config(), hw, cost, WINDOWS);
                yield new AttentionUnitCost(r.perplexity() / dense - 1, r.prefillCycles() / perSecond / WINDOWS, r.prefillEnergyPj() / WINDOWS);
            }
            case AttentionUnit.BlockSparse b -> {
                double dense = DENSE.computeIfAbsent("block-sparse:" + b.config().blockSize(), k ->
                        BlockSparseRun.run(BlockSparseConfig.dense(b.config().blockSize()), hw, cost, WINDOWS).perplexity());
                BlockSparseRun.Result r = BlockSparseRun.run(b.config(), hw, cost, WINDOWS);
                yield new AttentionUnitCost(r.perplexity() / dense - 1, r.counts().cycles() / perSecond / WINDOWS, r.energyPj() / WINDOWS);
            }
        };
    }
}
