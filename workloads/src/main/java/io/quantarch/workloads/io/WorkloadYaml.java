package io.quantarch.workloads.io;

import io.quantarch.config.YamlNode;
import io.quantarch.config.ConfigException;
import io.quantarch.workloads.layer.Attention;
import io.quantarch.workloads.layer.Conv2d;
import io.quantarch.workloads.layer.Elementwise;
import io.quantarch.workloads.layer.Embedding;
import io.quantarch.workloads.layer.Gemm;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.layer.Norm;
import io.quantarch.workloads.layer.Softmax;
import io.quantarch.workloads.layer.Workload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * quantarch's own workload file (version 1):
 * <pre>
 * version: 1
 * name: my-net
 * layers:
 *   - {name: fc1, type: gemm, m: 128, n: 4096, k: 4096, bias: true}
 *   - {name: conv1, type: conv2d, batch: 1, in_channels: 3, out_channels: 64, input: [224, 224],
 *      kernel: 7, stride: 2, padding: 3, groups: 1, bias: false}
 *   - {name: attn, type: attention, batch: 1, heads: 32, kv_heads: 8, query_len: 1, kv_len: 2048, head_dim: 128, causal: true}
 *   - {name: ln, type: norm, kind: rms, rows: 1, width: 4096}
 *   - {name: sm, type: softmax, rows: 1, cols: 32000}
 *   - {name: act, type: elementwise, op: silu, elements: 11008, window: 1}
 *   - {name: emb, type: embedding, entries: 32000, dim: 4096, tokens: 1}
 * </pre>
 */
public final class WorkloadYaml {

    public static final int VERSION = 1;
    static final long BIG = 1L << 40;

    private WorkloadYaml() {
    }

    public static Workload read(Path file) throws ConfigException {
        return parse(YamlNode.read(file), defaultName(file));
    }

    static String defaultName(Path file) {
        String n = file.getFileName().toString();
        return n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : n;
    }

    public static Workload parse(YamlNode root, String defaultName) throws ConfigException {
        root.allowOnly("version", "name", "layers");
        int version = root.get("version").asInt(1, 1000);
        if (version != VERSION) {
            throw root.get("version").errorAt("version " + VERSION, "version " + version);
        }
        String name = root.textOr("name", defaultName);
        List<Layer> layers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode l : root.get("layers").list()) {
            Layer layer = layer(l);
            if (!names.add(layer.name())) {
                throw l.get("name").errorAt("a layer name not used before", "'" + layer.name() + "' a second time");
            }
            layers.add(layer);
        }
        if (layers.isEmpty()) {
            throw root.get("layers").errorAt("at least one layer", "an empty list");
        }
        return new Workload(name, layers);
    }

    private static Layer layer(YamlNode l) throws ConfigException {
        String type = l.get("type").asChoice(List.of("gemm", "conv2d", "attention", "norm", "softmax", "elementwise", "embedding"));
        String name = l.get("name").asText();
        try {
            return switch (type) {
                case "gemm" -> {
                    l.allowOnly("name", "type", "m", "n", "k", "bias");
                    yield new Gemm(name, l.get("m").asLong(1, BIG), l.get("n").asLong(1, BIG), l.get("k").asLong(1, BIG), l.boolOr("bias", false));
                }
                case "conv2d" -> {
                    l.allowOnly("name", "type", "batch", "in_channels", "out_channels", "input", "kernel", "stride", "padding", "groups", "bias");
                    int[] in = l.get("input").pair(1, 1 << 20);
                    int[] k = l.get("kernel").pair(1, 1 << 12);
                    int[] s = l.has("stride") ? l.get("stride").pair(1, 1 << 12) : new int[] {1, 1};
                    int[] p = l.has("padding") ? l.get("padding").pair(0, 1 << 12) : new int[] {0, 0};
                    yield new Conv2d(name, l.intOr("batch", 1, 1, 1 << 20), l.get("in_channels").asInt(1, 1 << 24),
                            l.get("out_channels").asInt(1, 1 << 24), in[0], in[1], k[0], k[1], s[0], s[1], p[0], p[1],
                            l.intOr("groups", 1, 1, 1 << 24), l.boolOr("bias", false));
                }
                case "attention" -> {
                    l.allowOnly("name", "type", "batch", "heads", "kv_heads", "query_len", "kv_len", "head_dim", "causal");
                    int heads = l.get("heads").asInt(1, 1 << 16);
                    yield new Attention(name, l.intOr("batch", 1, 1, 1 << 20), heads, l.intOr("kv_heads", heads, 1, heads),
                            l.get("query_len").asInt(1, 1 << 24), l.get("kv_len").asInt(1, 1 << 24),
                            l.get("head_dim").asInt(1, 1 << 16), l.boolOr("causal", false));
                }
                case "norm" -> {
                    l.allowOnly("name", "type", "kind", "rows", "width");
                    String kind = l.get("kind").asChoice(List.of("rms", "layer", "batch"));
                    yield new Norm(name, Norm.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), l.get("rows").asLong(1, BIG), l.get("width").asLong(1, BIG));
                }
                case "softmax" -> {
                    l.allowOnly("name", "type", "rows", "cols");
                    yield new Softmax(name, l.get("rows").asLong(1, BIG), l.get("cols").asLong(1, BIG));
                }
                case "elementwise" -> {
                    l.allowOnly("name", "type", "op", "elements", "window");
                    String op = l.get("op").asChoice(Arrays.stream(Elementwise.Op.values()).map(o -> o.name().toLowerCase(Locale.ROOT)).toList());
                    yield new Elementwise(name, Elementwise.Op.valueOf(op.toUpperCase(Locale.ROOT)), l.get("elements").asLong(1, BIG),
                            l.intOr("window", 1, 1, 1 << 16));
                }
                case "embedding" -> {
                    l.allowOnly("name", "type", "entries", "dim", "tokens");
                    yield new Embedding(name, l.get("entries").asLong(1, BIG), l.get("dim").asLong(1, BIG), l.longOr("tokens", 1, 1, BIG));
                }
                default -> throw new AssertionError(type);   // open: a word already checked by asChoice
            };
        } catch (IllegalArgumentException e) {
            throw l.errorAt("a consistent " + type + " layer", e.getMessage());
        }
    }
}
