package io.quantarch.workloads;

import io.quantarch.workloads.layer.Attention;
import io.quantarch.workloads.layer.Conv2d;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.layer.Workload;
import io.quantarch.workloads.zoo.Zoo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The zoo against published counts (within 1%). Parameters count weights, biases, norm scales and shifts
 * (BatchNorm/LayerNorm: 2 per channel; running statistics are buffers, not parameters) and every embedding
 * table; a tied LM head counts once. MACs count convolutions and linear layers (not norms, activations,
 * pooling or attention's softmax).
 */
class ZooCountsTest {

    @ParameterizedTest(name = "{0}: {1} parameters ({3})")
    @CsvSource(delimiter = ';', value = {
            // model; published parameters; exact expected (torchvision/HF); what is counted
            "resnet18; 11.69e6; 11689512; conv + BN + fc (torchvision)",
            "resnet50; 25.56e6; 25557032; conv + BN + fc (torchvision)",
            "mobilenet_v2; 3.5e6; 3504872; conv + BN + classifier (torchvision)",
            "bert_base; 110e6; 109482240; embeddings (word, position, type, LN) + 12 layers + pooler (HF bert-base-uncased)",
            "vit_b16; 86e6; 86567656; patch conv + class token + positions + 12 layers + LN + head (torchvision vit_b_16)",
            "gpt2_small; 124e6; 124439808; wte + wpe + 12 layers + ln_f; LM head tied (HF gpt2)",
            "llama2_7b; 6.74e9; 6738415616; embeddings + 32 layers + norm + untied LM head (HF Llama-2-7b)",
            "llama3_8b; 8.03e9; 8030261248; embeddings + 32 layers + norm + untied LM head (HF Meta-Llama-3-8B)"})
    void parameterCountsMatchPublishedFigures(String model, double published, long exact, String counted) {
        Workload w = Zoo.byName(model);
        assertEquals(exact, w.parameters(), model + " exact parameter count (" + counted + ")");
        assertEquals(1.0, w.parameters() / published, 0.01, model + " within 1% of the published " + published);
    }

    @ParameterizedTest(name = "{0}: {1} MACs")
    @CsvSource({"resnet18, 1.82e9", "resnet50, 4.1e9", "mobilenet_v2, 300e6"})
    void macsAt224MatchPublishedFigures(String model, double published) {
        long macs = Zoo.byName(model).macs();
        assertEquals(1.0, macs / published, 0.01, model + ": " + macs + " MACs vs published " + published);
    }

    @Test
    void exactMacCountsOfTheCnns() {
        assertEquals(1_814_073_344L, Zoo.byName("resnet18").macs());       // conv 1,813,561,344 + fc 512,000
        assertEquals(4_089_184_256L, Zoo.byName("resnet50").macs());
        assertEquals(300_774_272L, Zoo.byName("mobilenet_v2").macs());
    }

    @Test
    void transformerMacsFollowTheClosedForms() {
        // decoder prefill: tokens x (linear weights per token) + attention (dense QK^T and AV) + LM head on the last token
        Workload llama = Zoo.byName("llama2_7b,phase=prefill,seq=2048");
        long linearPerToken = 32L * (4L * 4096 * 4096 + 3L * 4096 * 11008);
        long attention = 32L * 2 * 32 * 2048L * 2048 * 128;
        assertEquals(2048L * linearPerToken + attention + 4096L * 32000, llama.macs());
        Workload decode = Zoo.byName("llama2_7b,phase=decode,seq=2048,batch=4");
        assertEquals(4L * linearPerToken + 32L * 2 * 4 * 32 * 2049 * 128 + 4L * 4096 * 32000, decode.macs());
        Workload llama3 = Zoo.byName("llama3_8b,phase=decode,seq=1000");
        Attention a = (Attention) llama3.layers().stream().filter(l -> l instanceof Attention).findFirst().orElseThrow();
        assertEquals(2L * 8 * 1001 * 128, a.kvCacheElements(), "GQA: 8 KV heads");
    }

    @Test
    void batchScalesActivationsNotParameters() {
        Workload one = Zoo.byName("resnet50");
        Workload eight = Zoo.byName("resnet50,batch=8");
        assertEquals(one.parameters(), eight.parameters());
        assertEquals(8 * one.macs(), eight.macs());
    }

    @Test
    void convolutionLowersToIm2colGemms() {
        Conv2d c = Conv2d.of("c", 1, 64, 128, 56, 3, 2, 1, 1, false);
        var g = c.gemms().get(0);
        assertEquals(28 * 28, g.m());
        assertEquals(128, g.n());
        assertEquals(64 * 9, g.k());
        assertEquals(c.macs(), g.macs());
        Conv2d dw = Conv2d.of("dw", 2, 32, 32, 112, 3, 1, 1, 32, false);
        assertTrue(dw.depthwise());
        assertEquals(32, dw.gemms().get(0).repeat());
        assertEquals(9, dw.gemms().get(0).k());
        assertEquals(dw.macs(), dw.gemms().get(0).macs());
        for (Layer l : Zoo.byName("mobilenet_v2").layers()) {
            assertEquals(l.macs(), l.gemms().stream().mapToLong(x -> x.macs()).sum(), l.name());
        }
    }

    @Test
    void badSpecsNameTheValidChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Zoo.byName("resnet19"));
        assertTrue(e.getMessage().contains("resnet18") && e.getMessage().contains("llama3_8b"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Zoo.byName("resnet18,seq=4"));
        assertTrue(e.getMessage().contains("valid keys"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Zoo.byName("llama2_7b,phase=train"));
        assertTrue(e.getMessage().contains("prefill or decode"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Zoo.byName("bert_base,seq=1000"));
    }
}
