package io.quantarch.workloads.zoo;

import io.quantarch.workloads.layer.Workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Named model shapes. A spec is {@code NAME[,key=value...]}, e.g. {@code resnet18},
 * {@code resnet50,batch=8}, {@code bert_base,seq=128}, {@code llama2_7b,phase=decode,seq=2048,batch=4}.
 * Keys: {@code batch} (all), {@code image} (CNNs, ViT), {@code seq} (transformers: tokens in prefill,
 * cached tokens in decode), {@code phase} (decoder LLMs: prefill or decode).
 */
public final class Zoo {

    /** Model names with their keys and defaults. */
    public static final Map<String, Map<String, String>> MODELS = new LinkedHashMap<>();

    static {
        MODELS.put("resnet18", Map.of("batch", "1", "image", "224"));
        MODELS.put("resnet50", Map.of("batch", "1", "image", "224"));
        MODELS.put("mobilenet_v2", Map.of("batch", "1", "image", "224"));
        MODELS.put("bert_base", Map.of("batch", "1", "seq", "128"));
        MODELS.put("vit_b16", Map.of("batch", "1", "image", "224"));
        MODELS.put("gpt2_small", Map.of("batch", "1", "seq", "1024"));
        MODELS.put("llama2_7b", Map.of("batch", "1", "seq", "2048", "phase", "prefill"));
        MODELS.put("llama3_8b", Map.of("batch", "1", "seq", "2048", "phase", "prefill"));
        MODELS.put("stories260k", Map.of("batch", "1", "seq", "512", "phase", "prefill"));
        MODELS.put("mnist_cnn", Map.of("batch", "1"));
    }

    private Zoo() {
    }

    /** The workload for a spec; an unknown name or key is an {@link IllegalArgumentException} listing the valid ones. */
    public static Workload byName(String spec) {
        String[] parts = spec.trim().split(",");
        String name = parts[0].trim().toLowerCase(Locale.ROOT);
        Map<String, String> defaults = MODELS.get(name);
        if (defaults == null) {
            throw new IllegalArgumentException("unknown zoo model '" + parts[0] + "'; valid: " + String.join(", ", MODELS.keySet()));
        }
        Map<String, String> args = new LinkedHashMap<>(defaults);
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            String key = kv[0].trim().toLowerCase(Locale.ROOT);
            if (kv.length != 2 || !defaults.containsKey(key)) {
                throw new IllegalArgumentException("zoo model " + name + ": unknown parameter '" + parts[i].trim()
                        + "'; valid keys: " + new TreeSet<>(defaults.keySet()) + " (as key=value)");
            }
            args.put(key, kv[1].trim().toLowerCase(Locale.ROOT));
        }
        int batch = positive(name, args, "batch");
        return switch (name) {
            case "resnet18" -> Cnns.resnet18(batch, positive(name, args, "image"));
            case "resnet50" -> Cnns.resnet50(batch, positive(name, args, "image"));
            case "mobilenet_v2" -> Cnns.mobilenetV2(batch, positive(name, args, "image"));
            case "mnist_cnn" -> Cnns.mnistCnn(batch);
            case "bert_base" -> Transformers.bertBase(batch, positive(name, args, "seq"));
            case "vit_b16" -> Transformers.vitB16(batch, positive(name, args, "image"));
            case "gpt2_small" -> Transformers.gpt2Small(batch, positive(name, args, "seq"));
            case "llama2_7b" -> Transformers.llama(name, Transformers.LLAMA2_7B, phase(name, args), positive(name, args, "seq"), batch);
            case "llama3_8b" -> Transformers.llama(name, Transformers.LLAMA3_8B, phase(name, args), positive(name, args, "seq"), batch);
            case "stories260k" -> Transformers.llama(name, Transformers.STORIES_260K, phase(name, args), positive(name, args, "seq"), batch);
            default -> throw new AssertionError(name);
        };
    }

    public static Set<String> names() {
        return MODELS.keySet();
    }

    public static List<String> examples() {
        return List.of("resnet18", "resnet50,batch=8", "mobilenet_v2", "bert_base,seq=384", "vit_b16", "gpt2_small,seq=512",
                "llama2_7b,phase=prefill,seq=2048", "llama3_8b,phase=decode,seq=4096,batch=8", "stories260k,phase=decode,seq=256", "mnist_cnn");
    }

    private static int positive(String model, Map<String, String> args, String key) {
        try {
            int v = Integer.parseInt(args.get(key));
            if (v < 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("zoo model " + model + ": " + key + " must be a positive integer, got '" + args.get(key) + "'");
        }
    }

    private static Transformers.Phase phase(String model, Map<String, String> args) {
        return switch (args.get("phase")) {
            case "prefill" -> Transformers.Phase.PREFILL;
            case "decode" -> Transformers.Phase.DECODE;
            default -> throw new IllegalArgumentException("zoo model " + model + ": phase must be prefill or decode, got '" + args.get("phase") + "'");
        };
    }
}
