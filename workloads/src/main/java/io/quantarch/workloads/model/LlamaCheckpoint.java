package io.quantarch.workloads.model;

import io.quantarch.config.ConfigException;
import io.quantarch.workloads.tensor.Matrix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A llama2.c checkpoint in its legacy (version 0) format, as run.c reads it: seven little-endian int32
 * (dim, hidden_dim, n_layers, n_heads, n_kv_heads, vocab_size, seq_len; a negative vocab_size means an
 * unshared classifier), then float32 tensors in the order token embedding, rms_att, wq, wk, wv, wo,
 * rms_ffn, w1, w2, w3, rms_final, freq_cis_real, freq_cis_imag[, wcls]. Matrices are [out][in].
 *
 * <p>Linear layers are named as in Hugging Face Llama ({@code model.layers.0.self_attn.q_proj}, ...,
 * {@code lm_head}), the same names the {@code stories260k} zoo workload uses, so one policy covers both.
 */
public final class LlamaCheckpoint {

    public static final String STORIES_260K = "stories260k/stories260K.bin";

    private final String source;
    private final LlamaConfig config;
    final float[] tokenEmbedding;       // [vocab][dim]; also the classifier when shared
    final float[][] rmsAtt;
    final float[][] rmsFfn;
    final float[] rmsFinal;
    private final Map<String, Matrix> linears;   // in execution order

    private LlamaCheckpoint(String source, LlamaConfig config, float[] tokenEmbedding, float[][] rmsAtt, float[][] rmsFfn,
                            float[] rmsFinal, Map<String, Matrix> linears) {
        this.source = source;
        this.config = config;
        this.tokenEmbedding = tokenEmbedding;
        this.rmsAtt = rmsAtt;
        this.rmsFfn = rmsFfn;
        this.rmsFinal = rmsFinal;
        this.linears = linears;
    }

    /** The bundled stories260K checkpoint (see data/stories260k/PROVENANCE.md). */
    public static LlamaCheckpoint stories260k() {
        try {
            return parse("stories260K.bin (bundled)", Resources.bundled(STORIES_260K));
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    public static LlamaCheckpoint read(Path file) throws ConfigException {
        return parse(file.toString(), Resources.file(file));
    }

    public static LlamaCheckpoint parse(String source, byte[] b) throws ConfigException {
        LlamaConfig c = header(source, b);
        int dim = c.dim();
        int hidden = c.hiddenDim();
        int layers = c.layers();
        int vocab = c.vocab();
        int seqLen = c.seqLen();
        int hs = c.headSize();
        int[] off = {28};
        float[] emb = take(b, off, vocab * dim);
        float[][] rmsAtt = takeLayers(b, off, layers, dim);
        float[][] wq = takeLayers(b, off, layers, dim * dim);
        float[][] wk = takeLayers(b, off, layers, c.kvDim() * dim);
        float[][] wv = takeLayers(b, off, layers, c.kvDim() * dim);
        float[][] wo = takeLayers(b, off, layers, dim * dim);
        float[][] rmsFfn = takeLayers(b, off, layers, dim);
        float[][] w1 = takeLayers(b, off, layers, hidden * dim);
        float[][] w2 = takeLayers(b, off, layers, dim * hidden);
        float[][] w3 = takeLayers(b, off, layers, hidden * dim);
        float[] rmsFinal = take(b, off, dim);
        off[0] += seqLen * hs * 4;                     // freq_cis_real and _imag: run.c recomputes RoPE
        float[] wcls = c.sharedClassifier() ? emb : take(b, off, vocab * dim);
        Map<String, Matrix> lin = new LinkedHashMap<>();
        for (int l = 0; l < layers; l++) {
            String p = "model.layers." + l + ".";
            lin.put(p + "self_attn.q_proj", new Matrix(dim, dim, wq[l]));
            lin.put(p + "self_attn.k_proj", new Matrix(c.kvDim(), dim, wk[l]));
            lin.put(p + "self_attn.v_proj", new Matrix(c.kvDim(), dim, wv[l]));
            lin.put(p + "self_attn.o_proj", new Matrix(dim, dim, wo[l]));
            lin.put(p + "mlp.gate_proj", new Matrix(hidden, dim, w1[l]));
            lin.put(p + "mlp.up_proj", new Matrix(hidden, dim, w3[l]));
            lin.put(p + "mlp.down_proj", new Matrix(dim, hidden, w2[l]));
        }
        lin.put("lm_head", new Matrix(vocab, dim, wcls));
        return new LlamaCheckpoint(source, c, emb, rmsAtt, rmsFfn, rmsFinal, lin);
    }

    /** The 7-int32 header (llama2.c run.c: a negative vocab size means an unshared classifier), checked against the file size. */
    private static LlamaConfig header(String source, byte[] b) throws ConfigException {
        if (b.length < 28) {
            throw new ConfigException(source, "header", "7 int32 values (28 bytes) of a llama2.c checkpoint", b.length + " bytes");
        }
        ByteBuffer h = ByteBuffer.wrap(b, 0, 28).order(ByteOrder.LITTLE_ENDIAN);
        int dim = h.getInt();
        int hidden = h.getInt();
        int layers = h.getInt();
        int heads = h.getInt();
        int kvHeads = h.getInt();
        int vocabRaw = h.getInt();
        int seqLen = h.getInt();
        int vocab = Math.abs(vocabRaw);
        String[] names = {"dim", "hidden_dim", "n_layers", "n_heads", "n_kv_heads", "vocab_size", "seq_len"};
        int[] values = {dim, hidden, layers, heads, kvHeads, vocab, seqLen};
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 1 || values[i] > (1 << 20)) {
                throw new ConfigException(source, "header field " + names[i], "a positive size below 2^20 (is this a llama2.c checkpoint?)",
                        String.valueOf(values[i]));
            }
        }
        if (dim % heads != 0 || heads % kvHeads != 0 || (dim / heads) % 2 != 0) {
            throw new ConfigException(source, "header", "dim divisible by n_heads, an even head size, n_heads divisible by n_kv_heads",
                    "dim " + dim + ", n_heads " + heads + ", n_kv_heads " + kvHeads);
        }
        LlamaConfig c = new LlamaConfig(dim, hidden, layers, heads, kvHeads, vocab, seqLen, vocabRaw > 0);
        long expected = (long) vocab * dim + (long) layers * (2L * dim + (long) dim * dim * 2 + 2L * c.kvDim() * dim + 3L * hidden * dim)
                + dim + (long) seqLen * c.headSize() + (c.sharedClassifier() ? 0 : (long) vocab * dim);
        long floats = (b.length - 28L) / 4;
        if ((b.length - 28) % 4 != 0 || floats != expected) {
            throw new ConfigException(source, "size", (28 + expected * 4) + " bytes for this header (" + c + ")",
                    b.length + " bytes (truncated, or not this shape)");
        }
        return c;
    }

    private static float[] take(byte[] b, int[] off, int n) {
        float[] f = Resources.floatsLE(b, off[0], n);
        off[0] += n * 4;
        return f;
    }

    private static float[][] takeLayers(byte[] b, int[] off, int layers, int n) {
        float[][] out = new float[layers][];
        for (int l = 0; l < layers; l++) {
            out[l] = take(b, off, n);
        }
        return out;
    }

    public LlamaConfig config() {
        return config;
    }

    /** The token embedding table [vocab][dim] (shared with the classifier when the header says so); do not modify. */
    public float[] tokenEmbedding() {
        return tokenEmbedding;
    }

    public String source() {
        return source;
    }

    /** The quantizable linear layers by name, in execution order (weights [out][in]; do not modify). */
    public Map<String, Matrix> linears() {
        return java.util.Collections.unmodifiableMap(linears);
    }

    public List<String> layerNames() {
        return new ArrayList<>(linears.keySet());
    }

    public long parameters() {
        LlamaConfig c = config;
        return (long) c.vocab() * c.dim() + (long) c.layers() * (2L * c.dim() + 2L * c.dim() * c.dim() + 2L * c.kvDim() * c.dim()
                + 3L * c.hiddenDim() * c.dim()) + c.dim() + (c.sharedClassifier() ? 0 : (long) c.vocab() * c.dim());
    }
}
