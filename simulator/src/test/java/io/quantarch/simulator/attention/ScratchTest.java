package io.quantarch.simulator.attention;

import io.quantarch.cost.estimate.CostModels;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void scratch() {
        var cm = CostModels.byName("horowitz45");
        Object[][] cfgs = {
            {"dense fp32", SpAttenConfig.dense(5)},
            {"prog 12/6 0.3", SpAttenConfig.uniform(5, 1, 1, 12, 6, 0.3, true)},
            {"prog 12/6 0.5", SpAttenConfig.uniform(5, 1, 1, 12, 6, 0.5, true)},
            {"prog 12/8 0.3", SpAttenConfig.uniform(5, 1, 1, 12, 8, 0.3, true)},
            {"casc 0.5 w16", SpAttenConfig.cascade(5, 0.5, 1, 0, 0, 0, false).withLocalWindow(16)},
            {"casc 0.2 w16", SpAttenConfig.cascade(5, 0.2, 1, 0, 0, 0, false).withLocalWindow(16)},
            {"unif 0.5 w16", SpAttenConfig.uniform(5, 0.5, 1, 0, 0, 0, false).withLocalWindow(16)},
            {"unif 0.2 w32", SpAttenConfig.uniform(5, 0.2, 1, 0, 0, 0, false).withLocalWindow(32)},
            {"unif 0.5 w0", SpAttenConfig.uniform(5, 0.5, 1, 0, 0, 0, false)},
            {"head 0.75", SpAttenConfig.cascade(5, 1, 0.75, 0, 0, 0, false)},
        };
        for (Object[] c : cfgs) {
            long t0 = System.nanoTime();
            var r = SpAttenRun.run((SpAttenConfig) c[1], AttentionHardware.SPATTEN, cm, 4);
            var k = r.counts();
            System.out.printf("%-14s ppl %.4f  kv %.3g B (dense %.3g)  red %.2fx  recomp %d/%d  cyc %d  E %.3g  (%.1fs)%n", c[0], r.perplexity(),
                k.kvBytes(), k.denseKvBits() / 8.0, k.denseKvBits() / 8.0 / k.kvBytes(), k.recomputed(), k.recomputed() + k.confident(), r.decodeCycles(), r.decodeEnergyPj(), (System.nanoTime() - t0) / 1e9);
        }
    }
}
