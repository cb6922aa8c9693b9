package io.quantarch.search.run;

import io.quantarch.cost.estimate.CostModels;
import io.quantarch.search.algorithm.ParetoDp;
import io.quantarch.search.eval.AttentionUnitCost;
import io.quantarch.search.eval.Evaluation;
import io.quantarch.search.eval.LocalEvaluator;
import io.quantarch.search.space.AttentionUnit;
import io.quantarch.search.space.Design;
import io.quantarch.search.space.DesignSpace;
import io.quantarch.search.metric.Metrics;
import io.quantarch.simulator.attention.AttentionHardware;
import io.quantarch.simulator.attention.SpAttenConfig;
import io.quantarch.simulator.attention.SpAttenRun;
import io.quantarch.config.ConfigException;
import io.quantarch.workloads.layer.Attention;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** attention.* genes: the workload's attention runs on a SpAtten or block-sparse unit whose measured loss, time and energy add to the array's. */
class AttentionSpaceTest {

    static String space(String quality, String attentionGenes) {
        return "version: 1\nname: attn-small\nworkload: zoo:stories260k\nquality: " + quality + "\n"
                + "architecture:\n  base: {version: 1}\n  genes:\n    array: [8x8, 16x16]\n" + attentionGenes
                + "quantization:\n  default: {weights: int8_sym_channel, inputs: int8_sym_tensor}\n  genes:\n"
                + "    - {layers: \"model.layers.*\", weights: [int8_sym_channel, int4_sym_channel]}\n"
                + "objectives: {quality_loss: min, energy_pj: min, latency_s: min}\nsearch: {algorithm: exhaustive}\n";
    }

    static final String REAL = "{model: stories260k, eval_samples: 2, calibration_samples: 2, tier2_eval_samples: 2}";

    @Test
    void evaluationsAreTheArrayWithoutAttentionPlusTheMeasuredUnit() throws Exception {
        DesignSpace s = SmallSpaces.parse(space(REAL, "    attention.token_keep: [1.0, 0.4]\n    attention.kv_bits: [0, 8]\n"));
        assertEquals(2 * 2 * 2 * 2, s.size().intValue());
        assertTrue(s.hasAttentionUnit());
        assertNotNull(ParetoDp.unsuitable(s));
        LocalEvaluator ev = new LocalEvaluator(s, 2);
        ev.prepare(null);
        List<int[]> all = new ArrayList<>();
        for (long i = 0; i < s.size().longValue(); i++) {
            all.add(io.quantarch.search.algorithm.ExhaustiveSearch.mixedRadix(i, s.radices()));
        }
        var cost = CostModels.byName("horowitz45");
        Map<String, SpAttenRun.Result> direct = new HashMap<>();
        double lossDense = Double.NaN;
        double lossPruned = Double.NaN;
        double secondsDense = Double.NaN;
        double secondsPruned = Double.NaN;
        for (Evaluation e : ev.evaluate(all)) {
            Design d = s.decode(e.choice());
            SpAttenConfig c = ((AttentionUnit.SpAtten) d.attention()).config();
            // the unit measured directly: the same kernel over the same windows, against its dense float32 run
            SpAttenRun.Result r = direct.computeIfAbsent(d.attention().key(),
                    k -> SpAttenRun.run(c, AttentionHardware.SPATTEN, AttentionUnitCost.WINDOWS));
            double dense = direct.computeIfAbsent("dense",
                    k -> SpAttenRun.run(SpAttenConfig.dense(5), AttentionHardware.SPATTEN, AttentionUnitCost.WINDOWS)).perplexity();
            double unitLoss = r.perplexity() / dense - 1;
            double unitSeconds = r.prefillCycles() / 1e9 / AttentionUnitCost.WINDOWS;
            double unitEnergy = cost.energyPj(r.prefillActions(), io.quantarch.cost.actions.Inventory.of(List.of())).total()
                    / AttentionUnitCost.WINDOWS;
            BigDecimal energy = BigDecimal.ZERO;
            BigDecimal cycles = BigDecimal.ZERO;
            int attentionLayers = 0;
            for (int i = 0; i < s.workload().layers().size(); i++) {
                if (s.workload().layers().get(i) instanceof Attention) {
                    attentionLayers++;
                    continue;
                }
                double[] lc = ev.layerCost(d, i);
                cycles = cycles.add(new BigDecimal(lc[0]));
                energy = energy.add(new BigDecimal(lc[1]));
            }
            assertEquals(5, attentionLayers);
            assertEquals(energy.add(new BigDecimal(unitEnergy)).doubleValue(), e.metric(Metrics.ENERGY_PJ), 1e-6 * e.metric(Metrics.ENERGY_PJ));
            assertEquals(cycles.doubleValue() / (d.architecture().clockGhz() * 1e9) + unitSeconds, e.metric(Metrics.LATENCY_S), 1e-12);
            double tier1 = ev.qualityTable().tier1(new int[] {e.choice()[3]});
            assertEquals(tier1 + unitLoss, e.metric(Metrics.QUALITY_LOSS), 1e-12);
            if (c.kvBits() == 0 && c.tokenKeep()[0] == 1.0) {
                assertEquals(0.0, unitLoss, 0.0, "the dense unit is the model's own attention");
                lossDense = unitLoss;
                secondsDense = unitSeconds;
            }
            if (c.kvBits() == 0 && c.tokenKeep()[0] == 0.4) {
                lossPruned = unitLoss;
                secondsPruned = unitSeconds;
            }
        }
        assertTrue(lossPruned > lossDense + 0.01, "keeping 40 % of the tokens costs perplexity: " + lossPruned);
        assertTrue(secondsPruned < secondsDense, "and saves prefill time");
        ev.close();
    }

    @Test
    void blockSparseGenesMakeABlockSparseUnit() throws Exception {
        DesignSpace s = SmallSpaces.parse(space(REAL, "    attention.density: [1.0, 0.5]\n    attention.p_bits: [0, 4]\n"));
        Design d = s.decode(new int[] {0, 1, 1, 0});
        AttentionUnit.BlockSparse u = (AttentionUnit.BlockSparse) d.attention();
        assertEquals(0.5, u.config().density());
        assertEquals(4, u.config().pBits());
        assertEquals(0, u.config().qkBits());
        assertEquals(s.decode(new int[] {0, 0, 0, 1}).archKey(), d.archKey(), "attention genes are not part of the array key");
        assertEquals("0", d.archKey());
    }

    @Test
    void badAttentionGenesAreConfigErrors() {
        ConfigException mixed = assertThrows(ConfigException.class, () ->
                SmallSpaces.parse(space(REAL, "    attention.token_keep: [1.0, 0.5]\n    attention.density: [1.0, 0.5]\n")));
        assertTrue(mixed.getMessage().contains("attention genes of one unit"), mixed.getMessage());
        ConfigException synthetic = assertThrows(ConfigException.class, () ->
                SmallSpaces.parse(space("{synthetic: {seed: 1, rows: 8}}", "    attention.token_keep: [1.0, 0.5]\n")));
        assertTrue(synthetic.getMessage().contains("model stories260k") && synthetic.getMessage().contains("synthetic"), synthetic.getMessage());
        ConfigException range = assertThrows(ConfigException.class, () ->
                SmallSpaces.parse(space(REAL, "    attention.kv_bits: [8, 1]\n")));
        assertTrue(range.getMessage().contains("2..16 bits"), range.getMessage());
    }
}
