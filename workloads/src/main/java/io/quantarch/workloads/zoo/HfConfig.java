package io.quantarch.workloads.zoo;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quantarch.config.ConfigException;
import io.quantarch.workloads.layer.Workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Hugging Face {@code config.json} of a decoder LLM (model_type llama, mistral, qwen2, gemma: RMSNorm, RoPE,
 * SwiGLU/GeGLU, grouped-query attention, Qwen2's q/k/v biases; mixtral: the same with a sparse mixture of experts;
 * phi: parallel attention and MLP; phi3: fused projections; gpt2) as a workload, with the zoo's parameters
 * {@code phase}, {@code seq} (up to max_position_embeddings) and {@code batch}: {@code path/config.json,phase=decode,seq=4096}.
 * Layer names follow the Hugging Face module names, so policies written for the zoo's LLaMA models apply unchanged.
 */
public final class HfConfig {

    static final List<String> MODEL_TYPES = List.of("llama", "mistral", "mixtral", "qwen2", "gemma", "phi", "phi3", "gpt2");

    private HfConfig() {
    }

    public static Workload read(Path file, String params) throws ConfigException {
        JsonNode c = json(file);
        String type = text(c, file, "model_type");
        if (!MODEL_TYPES.contains(type)) {
            throw new ConfigException(file, "key 'model_type'", "one of " + MODEL_TYPES + " (decoder LLMs)", "'" + type + "'");
        }
        if (type.equals("gpt2")) {
            return gpt2(c, file, params);
        }
        if (type.startsWith("phi")) {
            return phi(c, file, params, type);
        }
        int dim = integer(c, file, "hidden_size", -1);
        int heads = integer(c, file, "num_attention_heads", -1);
        if (!c.has("head_dim") && dim % heads != 0) {
            throw new ConfigException(file, "key 'num_attention_heads'", "a divisor of hidden_size " + dim + " (or a head_dim key)", String.valueOf(heads));
        }
        int headDim = integer(c, file, "head_dim", dim / heads);
        // Gemma ties its embeddings unless told otherwise; its GeGLU MLP has the same three matrices as SwiGLU
        boolean tied = c.path("tie_word_embeddings").asBoolean(type.equals("gemma"));
        int experts = type.equals("mixtral") ? integer(c, file, "num_local_experts", -1) : 1;
        int perToken = type.equals("mixtral") ? integer(c, file, "num_experts_per_tok", -1) : 1;
        if (perToken > experts) {
            throw new ConfigException(file, "key 'num_experts_per_tok'", "at most num_local_experts " + experts, String.valueOf(perToken));
        }
        Transformers.LlamaShape shape = new Transformers.LlamaShape(dim, integer(c, file, "num_hidden_layers", -1), heads,
                integer(c, file, "num_key_value_heads", heads), integer(c, file, "intermediate_size", -1), integer(c, file, "vocab_size", -1),
                tied, type.equals("qwen2") || c.path("attention_bias").asBoolean(false), headDim, experts, perToken);
        int maxSeq = integer(c, file, "max_position_embeddings", 2048);
        Path dir = file.toAbsolutePath().getParent();
        String name = (dir != null && dir.getFileName() != null ? dir.getFileName().toString() : type).toLowerCase(Locale.ROOT);
        ZooModel m = Transformers.llamaModel(name, type + " decoder from " + file, shape, Math.min(2048, maxSeq), maxSeq);
        return build(m, file, params);
    }

    /** GPT-2 (n_embd, n_layer, n_head, n_inner = 4 n_embd unless given, n_positions, vocab_size), prefill or decode. */
    private static Workload gpt2(JsonNode c, Path file, String params) throws ConfigException {
        int dim = integer(c, file, "n_embd", -1);
        int heads = integer(c, file, "n_head", -1);
        int inner = c.hasNonNull("n_inner") ? integer(c, file, "n_inner", -1) : 4 * dim;
        int positions = integer(c, file, "n_positions", 1024);
        int layers = integer(c, file, "n_layer", -1);
        int vocab = integer(c, file, "vocab_size", -1);
        Path dir = file.toAbsolutePath().getParent();
        String name = (dir != null && dir.getFileName() != null ? dir.getFileName().toString() : "gpt2").toLowerCase(Locale.ROOT);
        io.quantarch.config.component.Param.Int seq = ZooModel.seq(Math.min(1024, positions), positions);
        ZooModel m = ZooModel.of(name, "gpt2 decoder from " + file, List.of(ZooModel.BATCH, seq, ZooModel.PHASE),
                v -> Transformers.gpt2(name, v.get(ZooModel.PHASE).equals("decode") ? Transformers.Phase.DECODE : Transformers.Phase.PREFILL,
                        v.get(ZooModel.BATCH), v.get(seq), dim, layers, heads, inner, vocab, positions));
        return build(m, file, params);
    }

    /** Phi-1/1.5/2 (model_type phi) or Phi-3 (phi3): the shape keys LLaMA's config uses, tied embeddings only when stated. */
    private static Workload phi(JsonNode c, Path file, String params, String type) throws ConfigException {
        int dim = integer(c, file, "hidden_size", -1);
        int heads = integer(c, file, "num_attention_heads", -1);
        if (dim % heads != 0) {
            throw new ConfigException(file, "key 'num_attention_heads'", "a divisor of hidden_size " + dim, String.valueOf(heads));
        }
        HfDecoders.PhiShape s = new HfDecoders.PhiShape(dim, integer(c, file, "num_hidden_layers", -1), heads,
                integer(c, file, "num_key_value_heads", heads), integer(c, file, "intermediate_size", -1), integer(c, file, "vocab_size", -1),
                c.path("tie_word_embeddings").asBoolean(false));
        int maxSeq = integer(c, file, "max_position_embeddings", 2048);
        String name = dirName(file, type);
        io.quantarch.config.component.Param.Int seq = ZooModel.seq(Math.min(2048, maxSeq), maxSeq);
        ZooModel m = ZooModel.of(name, type + " decoder from " + file, List.of(ZooModel.BATCH, seq, ZooModel.PHASE), v -> {
            Transformers.Phase phase = v.get(ZooModel.PHASE).equals("decode") ? Transformers.Phase.DECODE : Transformers.Phase.PREFILL;
            return type.equals("phi3") ? HfDecoders.phi3(name, s, phase, v.get(seq), v.get(ZooModel.BATCH))
                    : HfDecoders.phi(name, s, phase, v.get(seq), v.get(ZooModel.BATCH));
        });
        return build(m, file, params);
    }

    private static String dirName(Path file, String otherwise) {
        Path dir = file.toAbsolutePath().getParent();
        return (dir != null && dir.getFileName() != null ? dir.getFileName().toString() : otherwise).toLowerCase(Locale.ROOT);
    }

    private static Workload build(ZooModel m, Path file, String params) throws ConfigException {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String part : params.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new ConfigException(file.toString(), "workload parameters", "key=value (" + m.declaration().keys() + ")", "'" + part.trim() + "'");
            }
            pairs.put(kv[0].trim().toLowerCase(Locale.ROOT), kv[1].trim().toLowerCase(Locale.ROOT));
        }
        try {
            return m.build(m.declaration().readPairs(pairs));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file.toString(), "workload parameters", "valid parameters", e.getMessage());
        }
    }

    private static JsonNode json(Path file) throws ConfigException {
        try {
            ObjectMapper om = new ObjectMapper();
            om.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            String text = io.quantarch.config.Text.utf8(file);
            JsonNode n = om.readTree(text);
            if (n == null || !n.isObject()) {
                throw new ConfigException(file, null, "a JSON object (a Hugging Face config.json)", "no object");
            }
            return n;
        } catch (NoSuchFileException e) {
            throw ConfigException.of(file.toString(), "file not found");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ConfigException(file, loc == null ? null : "line " + loc.getLineNr() + ", column " + loc.getColumnNr(),
                    "JSON", io.quantarch.config.Text.excerpt(e.getOriginalMessage()));
        } catch (IOException e) {
            throw ConfigException.of(file.toString(), "cannot read: " + e.getClass().getSimpleName());
        }
    }

    private static String text(JsonNode c, Path file, String key) throws ConfigException {
        if (!c.hasNonNull(key) || !c.get(key).isTextual()) {
            throw new ConfigException(file, "key '" + key + "'", "a string", c.has(key) ? c.get(key).toString() : "nothing");
        }
        return c.get(key).asText().toLowerCase(Locale.ROOT);
    }

    private static int integer(JsonNode c, Path file, String key, int otherwise) throws ConfigException {
        if (!c.has(key) && otherwise >= 0) {
            return otherwise;
        }
        JsonNode v = c.get(key);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1) {
            throw new ConfigException(file, "key '" + key + "'", "a positive integer", v == null ? "nothing" : io.quantarch.config.Text.excerpt(v.toString()));
        }
        return v.asInt();
    }
}
