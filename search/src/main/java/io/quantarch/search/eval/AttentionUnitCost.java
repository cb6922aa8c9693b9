package io.quantarch.search.eval;

import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.Inventory;
import io.quantarch.cost.estimate.CostModel;
import io.quantarch.pricing.Pricing;
import io.quantarch.search.space.AttentionUnit;
import io.quantarch.simulator.attention.AttentionHardware;
import io.quantarch.simulator.attention.BlockSparseConfig;
import io.quantarch.simulator.attention.BlockSparseRun;
import io.quantarch.simulator.attention.SpAttenConfig;
import io.quantarch.simulator.attention.SpAttenRun;

import java.util.concurrent.ConcurrentHashMap;

/**
 * What a design's attention unit does for one 512-token prefill window of stories260K, measured by running the real
 * model's attention through the unit's kernel on {@link #WINDOWS} evaluation windows: the quality loss (perplexity
 * ratio to the same kernel's dense float32 setting, minus 1: the tier-1 quality unit), seconds per window on
 * {@link AttentionHardware#SPATTEN}, and the actions of all windows. The energy is priced by the design's own cost
 * model ({@link #energyPj}), like the rest of the design. One run per configuration per JVM; deterministic.
 *
 * @param qualityLoss perplexity ratio - 1 against dense float32 attention on the same windows
 * @param seconds     prefill time of one window on the unit
 * @param actions     prefill actions of all {@link #WINDOWS} windows (K/V DRAM reads, multiplies, adds, exponentials, comparisons)
 */
public record AttentionUnitCost(double qualityLoss, double seconds, ActionCounts actions) {

    /** Evaluation windows each configuration runs (the first ones of the text; calibration text stays held out). */
    public static final int WINDOWS = 4;

    private static final ConcurrentHashMap<AttentionUnit, AttentionUnitCost> CACHE = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Object, Double> DENSE = new ConcurrentHashMap<>();

    public static AttentionUnitCost of(AttentionUnit unit) {
        return CACHE.computeIfAbsent(unit, AttentionUnitCost::measure);
    }

    /** Prefill energy of one window, priced by {@code cost} with the design's DRAM technology ({@code inventory}). */
    public double energyPj(CostModel cost, Inventory inventory) {
        return Pricing.energyPj(actions, cost, inventory).total() / WINDOWS;
    }

    private static AttentionUnitCost measure(AttentionUnit unit) {
        AttentionHardware hw = AttentionHardware.SPATTEN;
        double perSecond = hw.clockGhz() * 1e9;
        return switch (unit) {
            case AttentionUnit.SpAtten s -> {
                double dense = DENSE.computeIfAbsent("spatten", k ->
                        SpAttenRun.run(SpAttenConfig.dense(s.config().layers()), hw, WINDOWS).perplexity());
                SpAttenRun.Result r = SpAttenRun.run(s.config(), hw, WINDOWS);
                yield new AttentionUnitCost(r.perplexity() / dense - 1, r.prefillCycles() / perSecond / WINDOWS, r.prefillActions());
            }
            case AttentionUnit.BlockSparse b -> {
                double dense = DENSE.computeIfAbsent(b.config().blockSize(), k ->
                        BlockSparseRun.run(BlockSparseConfig.dense(b.config().blockSize()), hw, WINDOWS).perplexity());
                BlockSparseRun.Result r = BlockSparseRun.run(b.config(), hw, WINDOWS);
                yield new AttentionUnitCost(r.perplexity() / dense - 1, r.counts().cycles() / perSecond / WINDOWS, r.actions());
            }
        };
    }
}
