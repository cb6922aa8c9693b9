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
            "gpt2-medium, 354823168"})         // GPT-2 medium: 355 M (learned positions, biases, tied LM head)
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

    @Test
    void anUnsupportedArchitectureIsBadInput(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("config.json");
        Files.writeString(f, "{\"model_type\": \"bert\", \"hidden_size\": 768}");
        ConfigException e = assertThrows(ConfigException.class, () -> WorkloadSpec.resolve(f.toString(), "--workload", null));
        assertTrue(e.getMessage().contains("model_type") && e.getMessage().contains("'bert'"), e.getMessage());
        Files.writeString(f, "{\"model_type\": \"llama\", \"model_type\": \"llama\"}");
        ConfigException dup = assertThrows(ConfigException.class, () -> WorkloadSpec.resolve(f.toString(), "--workload", null));
        assertTrue(dup.getMessage().contains("line 1"), dup.getMessage());
    }
}
