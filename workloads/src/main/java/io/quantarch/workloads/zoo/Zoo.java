package io.quantarch.workloads.zoo;

import io.quantarch.config.component.Registry;
import io.quantarch.workloads.layer.Workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Named model shapes. A spec is {@code NAME[,key=value...]}, e.g. {@code resnet18}, {@code resnet50,batch=8},
 * {@code bert_base,seq=128}, {@code llama2_7b,phase=decode,seq=2048,batch=4}; each model declares its keys
 * ({@link ZooModel}).
 */
public final class Zoo {

    /** The registered models: one line each. */
    public static final Registry<ZooModel> REGISTRY = new Registry<>("zoo-model", "model shapes by name (zoo:NAME[,key=value])",
            List.of(
                    Cnns.RESNET18,
                    Cnns.RESNET50,
                    Cnns.MOBILENET_V2,
                    Transformers.BERT_BASE,
                    Transformers.VIT_B16,
                    Transformers.GPT2_SMALL,
                    Transformers.LLAMA2_7B_MODEL,
                    Transformers.LLAMA3_8B_MODEL,
                    Transformers.STORIES_260K_MODEL,
                    Cnns.MNIST_CNN));

    private Zoo() {
    }

    /** The workload for a spec; an unknown name or key is an {@link IllegalArgumentException} listing the valid ones. */
    public static Workload byName(String spec) {
        String[] parts = spec.trim().split(",");
        String name = parts[0].trim().toLowerCase(Locale.ROOT);
        ZooModel m = REGISTRY.find(name).orElseThrow(() -> new IllegalArgumentException("unknown zoo model '" + parts[0] + "'"
                + io.quantarch.config.Names.didYouMean(REGISTRY.names(), name) + "; valid: " + String.join(", ", REGISTRY.names())));
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("zoo model " + name + ": expected key=value, found '" + parts[i].trim()
                        + "'; valid keys: " + m.declaration().keys());
            }
            pairs.put(kv[0].trim().toLowerCase(Locale.ROOT), kv[1].trim().toLowerCase(Locale.ROOT));
        }
        return m.build(m.declaration().readPairs(pairs));
    }

    public static List<String> names() {
        return REGISTRY.names();
    }

    public static List<String> examples() {
        return List.of("resnet18", "resnet50,batch=8", "mobilenet_v2", "bert_base,seq=384", "vit_b16", "gpt2_small,seq=512",
                "llama2_7b,phase=prefill,seq=2048", "llama3_8b,phase=decode,seq=4096,batch=8", "stories260k,phase=decode,seq=256", "mnist_cnn");
    }
}
