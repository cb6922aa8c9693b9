package io.quantarch.workloads.model;

import io.quantarch.workloads.tensor.ActivationObserver;
import io.quantarch.workloads.tensor.AttentionKernel;
import io.quantarch.workloads.tensor.KvQuantizer;
import io.quantarch.workloads.tensor.Linear;
import io.quantarch.workloads.tensor.Ops;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Llama-2-architecture decoder as llama2.c's run.c computes it (RMSNorm, RoPE on adjacent pairs,
 * grouped-query causal attention, SwiGLU FFN, optional shared classifier), with every linear layer a
 * {@link Linear} that may carry quantization and an optional quantizer for the KV cache. Immutable; one
 * instance can evaluate windows on several threads.
 */
public final class LlamaModel {

    private final LlamaCheckpoint ckpt;
    private final LlamaConfig c;
    private final Linear[][] layers;      // per layer: q, k, v, o, gate, up, down
    private final Linear classifier;
    private final float[] embedding;      // lookup table (the classifier's stored values when shared)
    private final KvQuantizer[] kvQuantizers;   // per layer; null entries keep FP32
    private final float[] ropeCos;        // [seqLen][headSize / 2]
    private final float[] ropeSin;

    public LlamaModel(LlamaCheckpoint ckpt, Map<String, Linear> linears, float[] embedding, KvQuantizer[] kvQuantizers) {
        this.ckpt = ckpt;
        this.c = ckpt.config();
        this.layers = new Linear[c.layers()][7];
        String[] suffix = {"self_attn.q_proj", "self_attn.k_proj", "self_attn.v_proj", "self_attn.o_proj",
                "mlp.gate_proj", "mlp.up_proj", "mlp.down_proj"};
        for (int l = 0; l < c.layers(); l++) {
            for (int k = 0; k < 7; k++) {
                String n = "model.layers." + l + "." + suffix[k];
                Linear lin = linears.get(n);
                if (lin == null) {
                    throw new IllegalArgumentException("missing linear layer " + n);
                }
                layers[l][k] = lin;
            }
        }
        this.classifier = linears.get("lm_head");
        this.embedding = embedding;
        this.kvQuantizers = kvQuantizers == null ? new KvQuantizer[c.layers()] : kvQuantizers.clone();
        int hs = c.headSize();
        ropeCos = new float[c.seqLen() * hs / 2];
        ropeSin = new float[c.seqLen() * hs / 2];
        for (int pos = 0; pos < c.seqLen(); pos++) {
            for (int i = 0; i < hs; i += 2) {
                // run.c: freq = 1 / 10000^(i / head_size), angle = pos * freq
                float freq = (float) (1.0 / Math.pow(10000.0, i / (double) hs));
                float angle = pos * freq;
                ropeCos[pos * hs / 2 + i / 2] = (float) Math.cos(angle);
                ropeSin[pos * hs / 2 + i / 2] = (float) Math.sin(angle);
            }
        }
    }

    /** The unquantized model. */
    public static LlamaModel fp32(LlamaCheckpoint ckpt) {
        Map<String, Linear> lin = new LinkedHashMap<>();
        ckpt.linears().forEach((n, w) -> lin.put(n, Linear.fp32(n, w, null)));
        return new LlamaModel(ckpt, lin, ckpt.tokenEmbedding, null);
    }

    public LlamaConfig config() {
        return c;
    }

    public LlamaCheckpoint checkpoint() {
        return ckpt;
    }

    /** K and V of every layer for the positions seen so far. */
    public final class KvCache {
        final float[][] k = new float[c.layers()][c.seqLen() * c.kvDim()];
        final float[][] v = new float[c.layers()][c.seqLen() * c.kvDim()];
        final AttentionKernel kernel;
        int length;

        KvCache(AttentionKernel kernel) {
            this.kernel = kernel;
        }

        public int length() {
            return length;
        }
    }

    public KvCache newCache() {
        return new KvCache(AttentionKernel.dense(c.heads(), c.kvHeads(), c.headSize()));
    }

    /** A cache whose attention runs on {@code kernel} (one kernel per sequence). */
    public KvCache newCache(AttentionKernel kernel) {
        return new KvCache(kernel);
    }

    /**
     * Runs {@code n} tokens at positions {@code cache.length() ...}, appending their K and V to the cache;
     * returns the logits {@code [n][vocab]} (or only the last row when {@code lastOnly}).
     */
    public float[] forward(int[] tokens, int from, int n, KvCache cache, boolean lastOnly, ActivationObserver obs) {
        int dim = c.dim();
        int kvDim = c.kvDim();
        int hs = c.headSize();
        int start = cache.length;
        if (start + n > c.seqLen()) {
            throw new IllegalArgumentException("sequence of " + (start + n) + " tokens exceeds the model's " + c.seqLen());
        }
        float[] x = new float[n * dim];
        for (int t = 0; t < n; t++) {
            int tok = tokens[from + t];
            System.arraycopy(embedding, tok * dim, x, t * dim, dim);
        }
        float[] h = new float[n * dim];
        for (int l = 0; l < c.layers(); l++) {
            Linear[] L = layers[l];
            Ops.rmsNorm(x, n, dim, ckpt.rmsAtt[l], h);
            float[] q = L[0].forward(h, n, obs);
            float[] k = L[1].forward(h, n, obs);
            float[] v = L[2].forward(h, n, obs);
            for (int t = 0; t < n; t++) {
                int pos = start + t;
                rope(q, t * dim, dim, pos);
                rope(k, t * kvDim, kvDim, pos);
            }
            if (kvQuantizers[l] != null) {
                k = kvQuantizers[l].apply(k, n, kvDim, true);
                v = kvQuantizers[l].apply(v, n, kvDim, false);
            }
            System.arraycopy(k, 0, cache.k[l], start * kvDim, n * kvDim);
            System.arraycopy(v, 0, cache.v[l], start * kvDim, n * kvDim);
            float[] ctx = new float[n * dim];
            cache.kernel.attendAll(l, start, n, q, cache.k[l], cache.v[l], ctx, dim);
            float[] o = L[3].forward(ctx, n, obs);
            for (int i = 0; i < x.length; i++) {
                x[i] += o[i];
            }
            Ops.rmsNorm(x, n, dim, ckpt.rmsFfn[l], h);
            float[] gate = L[4].forward(h, n, obs);
            float[] up = L[5].forward(h, n, obs);
            for (int i = 0; i < gate.length; i++) {
                gate[i] = Ops.silu(gate[i]) * up[i];
            }
            float[] down = L[6].forward(gate, n, obs);
            for (int i = 0; i < x.length; i++) {
                x[i] += down[i];
            }
        }
        cache.length = start + n;
        int rows = lastOnly ? 1 : n;
        float[] last = new float[rows * dim];
        System.arraycopy(x, (n - rows) * dim, last, 0, rows * dim);
        Ops.rmsNorm(last, rows, dim, ckpt.rmsFinal, last);
        return classifier.forward(last, rows, obs);
    }

    private void rope(float[] vec, int off, int width, int pos) {
        int hs = c.headSize();
        int base = pos * hs / 2;
        for (int i = 0; i < width; i += 2) {
            int j = (i % hs) / 2;
            float fcr = ropeCos[base + j];
            float fci = ropeSin[base + j];
            float v0 = vec[off + i];
            float v1 = vec[off + i + 1];
            vec[off + i] = v0 * fcr - v1 * fci;
            vec[off + i + 1] = v0 * fci + v1 * fcr;
        }
    }

    /** Greedy (temperature 0) generation of {@code steps} tokens after the prompt, with a KV cache. */
    public int[] generateGreedy(int[] prompt, int steps) {
        KvCache cache = newCache();
        float[] logits = forward(prompt, 0, prompt.length, cache, true, ActivationObserver.NONE);
        int[] out = new int[steps];
        for (int s = 0; s < steps; s++) {
            int next = Ops.argmax(logits, 0, c.vocab());
            out[s] = next;
            if (s + 1 < steps) {
                logits = forward(new int[] {next}, 0, 1, cache, true, ActivationObserver.NONE);
            }
        }
        return out;
    }

    /**
     * As {@link #windowNll} but token by token, as generation runs (each position one forward step against the cache),
     * with attention on {@code kernel}: a kernel whose decisions depend on what it has seen (cascade pruning) then sees
     * exactly what a decoding accelerator would, never a later token.
     */
    public double windowNllDecode(int[] tokens, int from, int n, AttentionKernel kernel) {
        KvCache cache = newCache(kernel);
        double sum = 0;
        int[] one = new int[1];
        for (int t = 0; t < n; t++) {
            one[0] = tokens[from + t];
            float[] logits = forward(one, 0, 1, cache, true, ActivationObserver.NONE);
            sum += Ops.nll(logits, 0, c.vocab(), tokens[from + t + 1]);
        }
        return sum;
    }

    /** Summed negative log-likelihood (nats) of predicting tokens[from + 1 .. from + n] from tokens[from .. from + n - 1]. */
    public double windowNll(int[] tokens, int from, int n, ActivationObserver obs) {
        float[] logits = forward(tokens, from, n, newCache(), false, obs);
        double sum = 0;
        for (int t = 0; t < n; t++) {
            sum += Ops.nll(logits, t * c.vocab(), c.vocab(), tokens[from + t + 1]);
        }
        return sum;
    }
}
