package io.quantarch.simulator.nest;

import io.quantarch.workloads.layer.Conv2d;
import io.quantarch.workloads.layer.Gemm;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.zoo.Zoo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A layer's loop nests times their repeats do the layer's MACs: dense, grouped and depthwise convolutions, GEMMs. */
class LayerProblemsTest {

    static long macs(NestProblem p) {
        long m = 1;
        for (long b : p.bounds()) {
            m *= b;
        }
        return m;
    }

    static long nestMacs(Layer l) {
        return LayerProblems.all(l).stream().mapToLong(r -> macs(r.problem()) * r.repeat()).sum();
    }

    @Test
    void groupedAndDepthwiseConvolutionsRunOneNestPerGroup() {
        Conv2d grouped = Conv2d.of("g", 1, 96, 256, 27, 5, 1, 2, 2, false);        // AlexNet's conv2: two groups of 48 -> 128
        assertEquals(2, LayerProblems.all(grouped).get(0).repeat());
        assertEquals(grouped.macs(), nestMacs(grouped));
        Conv2d depthwise = Conv2d.of("d", 1, 32, 32, 112, 3, 1, 1, 32, false);
        assertEquals(32, LayerProblems.all(depthwise).get(0).repeat());
        assertEquals(depthwise.macs(), nestMacs(depthwise));
        Gemm g = new Gemm("fc", 4, 1000, 512, true);
        assertEquals(g.macs(), nestMacs(g));
    }

    @ParameterizedTest
    @ValueSource(strings = {"resnet18", "mobilenet_v2", "vit_b16", "llama2_7b,phase=decode,seq=128"})
    void everyZooModelsNestsDoItsMacs(String model) {
        List<Layer> layers = Zoo.byName(model).layers();
        long total = 0;
        for (Layer l : layers) {
            if (l instanceof Conv2d || !l.gemms().isEmpty()) {
                total += nestMacs(l);
            }
        }
        assertEquals(layers.stream().mapToLong(Layer::macs).sum(), total, model);
    }
}
