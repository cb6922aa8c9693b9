package io.quantarch.workloads.zoo;

import io.quantarch.workloads.layer.Attention;
import io.quantarch.workloads.layer.Conv2d;
import io.quantarch.workloads.layer.Elementwise;
import io.quantarch.workloads.layer.Embedding;
import io.quantarch.workloads.layer.Gemm;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.layer.Norm;
import io.quantarch.workloads.layer.Softmax;
import io.quantarch.workloads.layer.Workload;

import java.util.ArrayList;
import java.util.List;

/** Transformer models of the zoo, with Hugging Face / torchvision layer names. */
final class Transformers {

    private Transformers() {
    }

    /** Inference phase of a decoder LLM. */
    enum Phase {
        PREFILL, DECODE;

        /** Query tokens of one pass over a context of {@code seq}: the whole prompt, or the one new token. */
        int queries(int seq) {
            return this == PREFILL ? seq : 1;
        }

        /** Keys each query attends to: the prompt, or the {@code seq} cached tokens plus the new one. */
        int keys(int seq) {
            return this == PREFILL ? seq : seq + 1;
        }
    }

    /**
     * Shape of a LLaMA-family decoder (RMSNorm, RoPE, SwiGLU, grouped-query attention, no biases). {@code experts > 1}
     * makes every MLP a Mixtral-style sparse mixture of experts: a router, then each token through {@code expertsPerToken}
     * of the {@code experts} SwiGLU experts.
     */
    record LlamaShape(int dim, int layers, int heads, int kvHeads, int hidden, int vocab, boolean tiedEmbeddings, boolean qkvBias,
                      int headDim, int experts, int expertsPerToken) {

        LlamaShape(int dim, int layers, int heads, int kvHeads, int hidden, int vocab, boolean tiedEmbeddings) {
            this(dim, layers, heads, kvHeads, hidden, vocab, tiedEmbeddings, false, dim / heads, 1, 1);
        }

        LlamaShape {
            if (experts < 1 || expertsPerToken < 1 || expertsPerToken > experts) {
                throw new IllegalArgumentException("experts per token must be 1.." + experts + ", got " + expertsPerToken);
            }
        }
    }

    /** LLaMA-2-7B (Touvron et al., arXiv 2307.09288, Table 1; HF config): 32 layers, dim 4096, MHA, FFN 11008. */
    static final LlamaShape LLAMA2_7B = new LlamaShape(4096, 32, 32, 32, 11008, 32000, false);
    /** LLaMA-3-8B (Meta model card / HF config): 32 layers, dim 4096, GQA 32/8, FFN 14336, vocab 128256. */
    static final LlamaShape LLAMA3_8B = new LlamaShape(4096, 32, 32, 8, 14336, 128256, false);
    /** stories260K (llama2.c, doc/stories260K.md): dim 64, 5 layers, 8/4 heads, FFN 172, vocab 512, tied classifier. */
    static final LlamaShape STORIES_260K = new LlamaShape(64, 5, 8, 4, 172, 512, true);

    private static final io.quantarch.config.component.Param.Int BERT_SEQ = ZooModel.seq(128, 512);
    private static final io.quantarch.config.component.Param.Int GPT2_SEQ = ZooModel.seq(1024, 1024);

    static final ZooModel BERT_BASE = ZooModel.of("bert_base", "BERT-base (Devlin et al. 2019; HF names), encoder only",
            List.of(ZooModel.BATCH, BERT_SEQ), v -> bertBase(v.get(ZooModel.BATCH), v.get(BERT_SEQ)));
    static final ZooModel VIT_B16 = ZooModel.of("vit_b16", "ViT-B/16 (Dosovitskiy et al. 2021; torchvision)",
            List.of(ZooModel.BATCH, ZooModel.IMAGE), v -> vitB16(v.get(ZooModel.BATCH), v.get(ZooModel.IMAGE)));
    static final ZooModel GPT2_SMALL = ZooModel.of("gpt2_small", "GPT-2 small (124 M; HF names)",
            List.of(ZooModel.BATCH, GPT2_SEQ), v -> gpt2Small(v.get(ZooModel.BATCH), v.get(GPT2_SEQ)));
    static final ZooModel LLAMA2_7B_MODEL = llamaModel("llama2_7b", "LLaMA-2-7B (Touvron et al. 2023; HF names)", LLAMA2_7B, 2048, 4096);
    static final ZooModel LLAMA3_8B_MODEL = llamaModel("llama3_8b", "LLaMA-3-8B (Meta model card; HF names), GQA 32/8", LLAMA3_8B, 2048, 8192);
    static final ZooModel STORIES_260K_MODEL = llamaModel("stories260k", "llama2.c stories260K, the real model stories260k", STORIES_260K,
            512, 512);

    /** A decoder LLM; {@code maxSeq}: its context length (prefill tokens, or cached tokens plus the decoded one). */
    static ZooModel llamaModel(String name, String description, LlamaShape shape, int defaultSeq, int maxSeq) {
        io.quantarch.config.component.Param.Int seq = ZooModel.seq(defaultSeq, maxSeq);
        return ZooModel.of(name, description, List.of(ZooModel.BATCH, seq, ZooModel.PHASE),
                v -> llama(name, shape, v.get(ZooModel.PHASE).equals("decode") ? Phase.DECODE : Phase.PREFILL, v.get(seq), v.get(ZooModel.BATCH)));
    }

    /**
     * A LLaMA-style decoder. Prefill runs {@code seq} tokens through every layer and the LM head on the last
     * token only (what generation needs); decode runs one token against a KV cache of {@code seq} tokens.
     */
    static Workload llama(String name, LlamaShape s, Phase phase, int seq, int batch) {
        List<Layer> l = new ArrayList<>();
        int q = phase.queries(seq);
        int kv = phase.keys(seq);
        long tokens = (long) batch * q;
        int headDim = s.headDim();                 // dim / heads, except where a model sets it (Gemma: 256 with dim 3072)
        int qDim = s.heads() * headDim;
        int kvDim = s.kvHeads() * headDim;
        l.add(new Embedding("model.embed_tokens", s.vocab(), s.dim(), tokens));
        for (int i = 0; i < s.layers(); i++) {
            String p = "model.layers." + i + ".";
            l.add(new Norm(p + "input_layernorm", Norm.Kind.RMS, tokens, s.dim()));
            l.add(new Gemm(p + "self_attn.q_proj", tokens, qDim, s.dim(), s.qkvBias()));
            l.add(new Gemm(p + "self_attn.k_proj", tokens, kvDim, s.dim(), s.qkvBias()));
            l.add(new Gemm(p + "self_attn.v_proj", tokens, kvDim, s.dim(), s.qkvBias()));
            l.add(new Attention(p + "self_attn.attn", batch, s.heads(), s.kvHeads(), q, kv, headDim, true));
            l.add(new Gemm(p + "self_attn.o_proj", tokens, s.dim(), qDim, false));
            l.add(Elementwise.of(p + "residual1", Elementwise.Op.ADD, tokens * s.dim()));
            l.add(new Norm(p + "post_attention_layernorm", Norm.Kind.RMS, tokens, s.dim()));
            if (s.experts() > 1) {
                moe(l, p + "block_sparse_moe.", s, tokens);
            } else {
                l.add(new Gemm(p + "mlp.gate_proj", tokens, s.hidden(), s.dim(), false));
                l.add(new Gemm(p + "mlp.up_proj", tokens, s.hidden(), s.dim(), false));
                l.add(Elementwise.of(p + "mlp.act", Elementwise.Op.SWIGLU, tokens * s.hidden()));
                l.add(new Gemm(p + "mlp.down_proj", tokens, s.dim(), s.hidden(), false));
            }
            l.add(Elementwise.of(p + "residual2", Elementwise.Op.ADD, tokens * s.dim()));
        }
        l.add(new Norm("model.norm", Norm.Kind.RMS, batch, s.dim()));
        l.add(new Gemm("lm_head", batch, s.vocab(), s.dim(), false, s.tiedEmbeddings()));
        return new Workload(name + "_" + phase.name().toLowerCase(java.util.Locale.ROOT), l);
    }

    /**
     * A Mixtral sparse MoE block (Jiang et al., arXiv 2401.04088, Sec. 2.1; HF names): the router's logits, then
     * {@code tokens x expertsPerToken} expert passes spread as evenly as routing can over the experts (balanced load,
     * what the router's auxiliary loss aims at), so the MACs are exact and the split is the balanced one. An expert
     * no token reaches (decode at a small batch) keeps its weights and does no work (M = 0).
     */
    private static void moe(List<Layer> l, String p, LlamaShape s, long tokens) {
        l.add(new Gemm(p + "gate", tokens, s.experts(), s.dim(), false));
        long passes = tokens * s.expertsPerToken();
        for (int e = 0; e < s.experts(); e++) {
            long m = passes / s.experts() + (e < passes % s.experts() ? 1 : 0);
            String x = p + "experts." + e + ".";
            l.add(new Gemm(x + "w1", m, s.hidden(), s.dim(), false));
            l.add(new Gemm(x + "w3", m, s.hidden(), s.dim(), false));
            if (m > 0) {
                l.add(Elementwise.of(x + "act", Elementwise.Op.SWIGLU, m * s.hidden()));
            }
            l.add(new Gemm(x + "w2", m, s.dim(), s.hidden(), false));
        }
        l.add(Elementwise.of(p + "combine", Elementwise.Op.ADD, passes * s.dim()));     // weighted sum of the chosen experts' outputs
    }

    /** A post-LN BERT/ViT-style encoder layer with biased projections and GELU MLP (names: HF BERT). */
    private static void bertLayer(List<Layer> l, String p, int batch, int seq, int dim, int heads, int inter) {
        long tokens = (long) batch * seq;
        l.add(new Gemm(p + "attention.self.query", tokens, dim, dim, true));
        l.add(new Gemm(p + "attention.self.key", tokens, dim, dim, true));
        l.add(new Gemm(p + "attention.self.value", tokens, dim, dim, true));
        l.add(new Attention(p + "attention.self.attn", batch, heads, heads, seq, seq, dim / heads, false));
        l.add(new Gemm(p + "attention.output.dense", tokens, dim, dim, true));
        l.add(Elementwise.of(p + "attention.output.add", Elementwise.Op.ADD, tokens * dim));
        l.add(new Norm(p + "attention.output.LayerNorm", Norm.Kind.LAYER, tokens, dim));
        l.add(new Gemm(p + "intermediate.dense", tokens, inter, dim, true));
        l.add(Elementwise.of(p + "intermediate.act", Elementwise.Op.GELU, tokens * inter));
        l.add(new Gemm(p + "output.dense", tokens, dim, inter, true));
        l.add(Elementwise.of(p + "output.add", Elementwise.Op.ADD, tokens * dim));
        l.add(new Norm(p + "output.LayerNorm", Norm.Kind.LAYER, tokens, dim));
    }

    /** BERT-base (Devlin et al., NAACL 2019: L=12, H=768, A=12; 110M parameters with embeddings and pooler). */
    static Workload bertBase(int batch, int seq) {
        if (seq > 512) {
            throw new IllegalArgumentException("bert_base has 512 positions, seq=" + seq);
        }
        List<Layer> l = new ArrayList<>();
        long tokens = (long) batch * seq;
        l.add(new Embedding("embeddings.word_embeddings", 30522, 768, tokens));
        l.add(new Embedding("embeddings.position_embeddings", 512, 768, tokens));
        l.add(new Embedding("embeddings.token_type_embeddings", 2, 768, tokens));
        l.add(new Norm("embeddings.LayerNorm", Norm.Kind.LAYER, tokens, 768));
        for (int i = 0; i < 12; i++) {
            bertLayer(l, "encoder.layer." + i + ".", batch, seq, 768, 12, 3072);
        }
        l.add(new Gemm("pooler.dense", batch, 768, 768, true));
        return new Workload("bert_base", l);
    }

    /** ViT-B/16 (Dosovitskiy et al., ICLR 2021, Table 1: 12 layers, 768, MLP 3072, 12 heads; 86M), torchvision names. */
    static Workload vitB16(int batch, int image) {
        if (image % 16 != 0) {
            throw new IllegalArgumentException("vit_b16 needs an image size divisible by 16, got " + image);
        }
        List<Layer> l = new ArrayList<>();
        int patches = (image / 16) * (image / 16);
        int seq = patches + 1;
        long tokens = (long) batch * seq;
        l.add(Conv2d.of("conv_proj", batch, 3, 768, image, 16, 16, 0, 1, true));
        l.add(new Embedding("class_token", 1, 768, batch));
        l.add(new Embedding("encoder.pos_embedding", seq, 768, tokens));
        for (int i = 0; i < 12; i++) {
            String p = "encoder.layers.encoder_layer_" + i + ".";
            l.add(new Norm(p + "ln_1", Norm.Kind.LAYER, tokens, 768));
            l.add(new Gemm(p + "self_attention.in_proj", tokens, 3 * 768, 768, true));
            l.add(new Attention(p + "self_attention.attn", batch, 12, 12, seq, seq, 64, false));
            l.add(new Gemm(p + "self_attention.out_proj", tokens, 768, 768, true));
            l.add(Elementwise.of(p + "add1", Elementwise.Op.ADD, tokens * 768));
            l.add(new Norm(p + "ln_2", Norm.Kind.LAYER, tokens, 768));
            l.add(new Gemm(p + "mlp.0", tokens, 3072, 768, true));
            l.add(Elementwise.of(p + "mlp.1", Elementwise.Op.GELU, tokens * 3072));
            l.add(new Gemm(p + "mlp.3", tokens, 768, 3072, true));
            l.add(Elementwise.of(p + "add2", Elementwise.Op.ADD, tokens * 768));
        }
        l.add(new Norm("encoder.ln", Norm.Kind.LAYER, tokens, 768));
        l.add(new Gemm("heads.head", batch, 1000, 768, true));
        return new Workload("vit_b16", l);
    }

    /** GPT-2 small (Radford et al. 2019: 12 layers, 768, 12 heads, context 1024; 124M with tied LM head), HF names. */
    static Workload gpt2Small(int batch, int seq) {
        return gpt2("gpt2_small", batch, seq, 768, 12, 12, 3072, 50257, 1024);
    }

    /** A GPT-2 decoder (pre-LN, learned positions, biased projections, GELU MLP, tied LM head; HF names), prefill of {@code seq} tokens. */
    static Workload gpt2(String name, int batch, int seq, int dim, int layers, int heads, int inner, int vocab, int positions) {
        return gpt2(name, Phase.PREFILL, batch, seq, dim, layers, heads, inner, vocab, positions);
    }

    /** The same in either phase: prefill runs {@code seq} tokens; decode one token against a KV cache of {@code seq}. */
    static Workload gpt2(String name, Phase phase, int batch, int seq, int dim, int layers, int heads, int inner, int vocab, int positions) {
        int q = phase.queries(seq);
        int kv = phase.keys(seq);
        if (kv > positions) {
            throw new IllegalArgumentException(name + " has " + positions + " positions, " + (phase == Phase.PREFILL ? "seq=" + seq
                    : "decode needs seq + 1 = " + kv));
        }
        List<Layer> l = new ArrayList<>();
        long tokens = (long) batch * q;
        l.add(new Embedding("transformer.wte", vocab, dim, tokens));
        l.add(new Embedding("transformer.wpe", positions, dim, tokens));
        for (int i = 0; i < layers; i++) {
            String p = "transformer.h." + i + ".";
            l.add(new Norm(p + "ln_1", Norm.Kind.LAYER, tokens, dim));
            l.add(new Gemm(p + "attn.c_attn", tokens, 3L * dim, dim, true));
            l.add(new Attention(p + "attn.attn", batch, heads, heads, q, kv, dim / heads, true));
            l.add(new Gemm(p + "attn.c_proj", tokens, dim, dim, true));
            l.add(Elementwise.of(p + "add1", Elementwise.Op.ADD, tokens * dim));
            l.add(new Norm(p + "ln_2", Norm.Kind.LAYER, tokens, dim));
            l.add(new Gemm(p + "mlp.c_fc", tokens, inner, dim, true));
            l.add(Elementwise.of(p + "mlp.act", Elementwise.Op.GELU, tokens * inner));
            l.add(new Gemm(p + "mlp.c_proj", tokens, dim, inner, true));
            l.add(Elementwise.of(p + "add2", Elementwise.Op.ADD, tokens * dim));
        }
        l.add(new Norm("transformer.ln_f", Norm.Kind.LAYER, tokens, dim));
        l.add(new Gemm("lm_head", batch, vocab, dim, false, true));
        l.add(new Softmax("softmax", batch, vocab));
        return new Workload(name, l);
    }
}
