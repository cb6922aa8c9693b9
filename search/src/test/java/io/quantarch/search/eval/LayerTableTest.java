package io.quantarch.search.eval;

import io.quantarch.search.run.SmallSpaces;
import io.quantarch.search.space.DesignSpace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The systolic evaluator's layer table shares a layer's cost between designs with the same formats on that layer;
 * a design's metrics must not depend on which designs were evaluated before it. Each of a few hundred random designs,
 * evaluated one after another by one evaluator (its table filled by the earlier ones), equals the same design
 * evaluated alone by a fresh evaluator. With a real model's quality a gene lists only the layers the model measures
 * (its linear layers), but its glob also gives its formats to the attention layers under it, whose cost depends on
 * the input format: the table once keyed layers by the listed genes only and reused the first design's attention
 * cost for every later design on that array (188 of the default study's 672 evaluations were off, up to 23%).
 */
class LayerTableTest {

    private static final String SPACE = """
            version: 1
            name: table
            workload: zoo:stories260k
            quality: {model: stories260k, eval_samples: 1, calibration_samples: 1}
            architecture:
              base: {version: 1, attention: fused, memory: {ifmap_kb: 64, filter_kb: 64, ofmap_kb: 64, dram_bytes_per_cycle: 16}}
              genes:
                pe: [int-mac, bit-fusion, {type: mx-dot, lanes: 32}]
                array: [8x8, 32x32]
            quantization:
              default: {weights: int8_sym_channel, inputs: int8_sym_tensor}
              genes:
                - {layers: "model.layers.0.*", weights: [int8_sym_channel, int4_sym_channel, int2_sym_channel, mxint8]}
                - {layers: "model.layers.1.*", weights: [int8_sym_channel, int4_sym_channel, int2_sym_channel, mxint8]}
                - {layers: "model.layers.4.*", weights: [int8_sym_channel, int4_sym_channel, int2_sym_channel, mxint8]}
                - {layers: "*", inputs: [int8_sym_tensor, int4_sym_tensor, mxint8]}
            objectives: {quality_loss: min, energy_pj: min, area_mm2: min}
            search: {algorithm: nsga2, population: 8, generations: 2, seed: 1}
            """;

    @Test
    void aDesignsMetricsDoNotDependOnTheDesignsEvaluatedBeforeIt() throws Exception {
        DesignSpace space = SmallSpaces.parse(SPACE);
        assertTrue(LayerTable.applies(space), "the space takes the layer-table path");
        Random rnd = new Random(7);
        List<int[]> choices = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            int[] c = new int[space.geneCount()];
            for (int g = 0; g < c.length; g++) {
                c[g] = rnd.nextInt(space.options(g));
            }
            choices.add(c);
        }
        List<Evaluation> inSequence = new ArrayList<>();
        QualityTable quality;
        try (LocalEvaluator shared = new LocalEvaluator(space, 1)) {
            quality = shared.prepare(null);
            for (int[] c : choices) {
                inSequence.add(shared.evaluate(List.of(c)).get(0));
            }
        }
        int feasible = 0;
        for (int n = 0; n < choices.size(); n++) {
            try (LocalEvaluator alone = new LocalEvaluator(space, 1)) {
                alone.install(quality);
                Evaluation e = alone.evaluate(List.of(choices.get(n))).get(0);
                assertEquals(e.metrics(), inSequence.get(n).metrics(), "design " + n + ": " + java.util.Arrays.toString(choices.get(n)));
                feasible += e.metrics().equals(io.quantarch.search.metric.MetricValues.none()) ? 0 : 1;
            }
        }
        assertTrue(feasible > 40, feasible + " designs the PEs can run");
    }
}
