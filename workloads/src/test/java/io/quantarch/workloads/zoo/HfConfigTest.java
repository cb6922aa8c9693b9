package io.quantarch.workloads.zoo;

import io.quantarch.config.ConfigException;
import io.quantarch.workloads.io.WorkloadSpec;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.layer.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hugging Face config.json import: published parameter totals, and the LLaMA-2-7B import equal to the zoo's model. */
class HfConfigTest {

    static final Path HF = Path.of("src", "test", "resources", "hf");

    @ParameterizedTest
    @CsvSource({
            "llama-2-7b, 6738415616",          // meta-llama/Llama-2-7b-hf model card: 6.74 B
            "mistral-7b-v0.1, 7241732096",     // Mistral-7B-v0.1: 7.24 B
            "qwen2-0.5b, 494032768",           // Qwen2-0.5B: 0.49 B (tied embeddings, q/k/v biases)
            "qwen2-7b, 7615616512",            // Qwen2-7B: 7.62 B
            "llama-3-8b, 8030261248",          // Meta-Llama-3-8B: 8.03 B
            "gemma-7b, 8537680896",            // Gemma-7B: 8.54 B (head_dim 256 with hidden 3072, tied embeddings)
            "gpt2-medium, 354823168",          // GPT-2 medium: 355 M (learned positions, biases, tied LM head)
            "phi-2, 2779683840",               // microsoft/phi-2 model card: 2.7 B (2,779,683,840; parallel block, biases)
            "phi-3-mini-4k, 3821079552",       // Phi-3-mini (Abdin et al., arXiv 2404.14219: 3.8 B; fused qkv and gate_up)
            "mixtral-8x7b-v0.1, 46702792704"}) // Mixtral-8x7B (Jiang et al., arXiv 2401.04088, Sec. 2.1: 47 B = 46.7 B total)
    void parameterCountsArePublishedTotals(String model, long params) throws Exception {
        Workload w = WorkloadSpec.resolve(HF.resolve(model).resolve("config.json").toString(), "--workload", null);
        assertEquals(params, w.parameters(), model);
        assertEquals(model, w.name().replaceFirst("_(prefill|decode)$", ""));
    }

    @Test
    void llama2ConfigEqualsTheZooModelLayerByLayer() throws Exception {
        Workload hf = WorkloadSpec.resolve(HF.resolve("llama-2-7b").resolve("config.json") + ",phase=decode,seq=1024,batch=2", "--workload", null);
        Workload zoo = Zoo.byName("llama2_7b,phase=decode,seq=1024,batch=2");
        assertEquals(zoo.layers().size(), hf.layers().size());
        for (int i = 0; i < zoo.layers().size(); i++) {
            Layer a = zoo.layers().get(i);
            Layer b = hf.layers().get(i);
            assertEquals(a.name(), b.name());
            assertEquals(a.macs(), b.macs(), a.name());
            assertEquals(a.parameters(), b.parameters(), a.name());
        }
    }

    /** GPT-2 decode: one token through every layer, attention over a KV cache of seq + 1 positions; prefill equals the zoo's. */
    @Test
    void gpt2DecodesOneTokenAgainstItsCache() throws Exception {
        Path cfg = HF.resolve("gpt2-medium").resolve("config.json");
        Workload decode = WorkloadSpec.resolve(cfg + ",phase=decode,seq=512,batch=2", "--workload", null);
        Workload prefill = WorkloadSpec.resolve(cfg + ",phase=prefill,seq=512,batch=2", "--workload", null);
        assertEquals(prefill.parameters(), decode.parameters());
        long projections = decode.layers().stream().filter(l -> l.name().endsWith("attn.c_attn")).mapToLong(Layer::macs).sum();
        assertEquals(24L * 2 * 3 * 1024 * 1024, projections, "2 tokens x 24 layers through the fused q/k/v projection");
        var attn = (io.quantarch.workloads.layer.Attention) decode.layers().stream().filter(l -> l.name().endsWith("attn.attn")).findFirst().orElseThrow();
        assertEquals(2L * 16 * 1 * 513 * 64 * 2, attn.macs(), "2 x 16 heads x 1 query x 513 keys x 64, scores and context");
        assertThrows(ConfigException.class, () -> WorkloadSpec.resolve(cfg + ",phase=decode,seq=1024", "--workload", null), "1024 cached + 1 > 1024 positions");
    }

    /** Mixtral's paper (arXiv 2401.04088, Sec. 2.1): 13 B active parameters per token (HF card: 12.9 B), 46.7 B stored. */
    @Test
    void mixtralActivatesTwoOfEightExpertsPerToken() throws Exception {
        Path cfg = HF.resolve("mixtral-8x7b-v0.1").resolve("config.json");
        Workload decode = WorkloadSpec.resolve(cfg + ",phase=decode,seq=512,batch=1", "--workload", null);
        long idle = decode.layers().stream().filter(l -> l instanceof io.quantarch.workloads.layer.Gemm && l.macs() == 0)
                .mapToLong(Layer::parameters).sum();
        assertEquals(12_879_925_248L, decode.parameters() - idle);
        assertEquals(32 * 6 * 3, decode.layers().stream().filter(l -> l instanceof io.quantarch.workloads.layer.Gemm && l.macs() == 0).count(),
                "one token: 6 of 8 experts idle, 3 matrices each, in 32 layers");
        long expertMacs = 3L * 4096 * 14336;
        Workload prefill = WorkloadSpec.resolve(cfg + ",phase=prefill,seq=2048,batch=1", "--workload", null);
        long moe = prefill.layers().stream().filter(l -> l.name().contains(".experts.")).mapToLong(Layer::macs).sum();
        assertEquals(32L * 2048 * 2 * expertMacs, moe, "every token through 2 experts in every layer");
        assertTrue(prefill.layers().stream().filter(l -> l.name().endsWith(".experts.7.w1")).allMatch(l -> l.macs() == 512L * 4096 * 14336),
                "balanced routing: 2048 x 2 / 8 = 512 tokens per expert");
    }

    @Test
    void anUnsupportedArchitectureIsBadInput(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("config.json");
        Files.writeString(f, "{\"model_type\": \"bert\", \"hidden_size\": 768}");
        ConfigException e = assertThrows(ConfigException.class, () -> WorkloadSpec.resolve(f.toString(), "--workload", null));
        assertTrue(e.getMessage().contains("model_type") && e.getMessage().contains("'bert'"), e.getMessage());
        Files.writeString(f, "{\"model_type\": \"mixtral\", \"hidden_size\": 64, \"num_attention_heads\": 4, \"num_hidden_layers\": 2, "
                + "\"intermediate_size\": 128, \"vocab_size\": 100, \"num_local_experts\": 4, \"num_experts_per_tok\": 5}");
        ConfigException moe = assertThrows(ConfigException.class, () -> WorkloadSpec.resolve(f.toString(), "--workload", null));
        assertTrue(moe.getMessage().contains("num_experts_per_tok") && moe.getMessage().contains("at most num_local_experts 4"), moe.getMessage());
        Files.writeString(f, "{\"model_type\": \"llama\", \"model_type\": \"llama\"}");
        ConfigException dup = assertThrows(ConfigException.class, () -> WorkloadSpec.resolve(f.toString(), "--workload", null));
        assertTrue(dup.getMessage().contains("line 1"), dup.getMessage());
    }
}
