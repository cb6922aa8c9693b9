package io.quantarch.workloads.zoo;

import io.quantarch.workloads.layer.Attention;
import io.quantarch.workloads.layer.Elementwise;
import io.quantarch.workloads.layer.Embedding;
import io.quantarch.workloads.layer.Gemm;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.layer.Norm;
import io.quantarch.workloads.layer.Workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Decoders whose blocks differ from LLaMA's: Phi-1/1.5/2 (parallel attention and MLP) and Phi-3 (fused projections); HF names. */
final class HfDecoders {

    private HfDecoders() {
    }

    /** Shape of a Phi decoder; {@code headDim} = dim / heads. */
    record PhiShape(int dim, int layers, int heads, int kvHeads, int hidden, int vocab, boolean tiedEmbeddings) {
    }

    /**
     * Phi-2 style (HF PhiForCausalLM): one LayerNorm feeds attention and a GELU MLP in parallel, both added to the
     * residual; biased q/k/v/dense, fc1/fc2 and LM head; partial rotary embedding (no parameters).
     */
    static Workload phi(String name, PhiShape s, Transformers.Phase phase, int seq, int batch) {
        List<Layer> l = new ArrayList<>();
        int q = phase.queries(seq);
        int kv = phase.keys(seq);
        long tokens = (long) batch * q;
        int headDim = s.dim() / s.heads();
        int kvDim = s.kvHeads() * headDim;
        l.add(new Embedding("model.embed_tokens", s.vocab(), s.dim(), tokens));
        for (int i = 0; i < s.layers(); i++) {
            String p = "model.layers." + i + ".";
            l.add(new Norm(p + "input_layernorm", Norm.Kind.LAYER, tokens, s.dim()));
            l.add(new Gemm(p + "self_attn.q_proj", tokens, s.dim(), s.dim(), true));
            l.add(new Gemm(p + "self_attn.k_proj", tokens, kvDim, s.dim(), true));
            l.add(new Gemm(p + "self_attn.v_proj", tokens, kvDim, s.dim(), true));
            l.add(new Attention(p + "self_attn.attn", batch, s.heads(), s.kvHeads(), q, kv, headDim, true));
            l.add(new Gemm(p + "self_attn.dense", tokens, s.dim(), s.dim(), true));
            l.add(new Gemm(p + "mlp.fc1", tokens, s.hidden(), s.dim(), true));
            l.add(Elementwise.of(p + "mlp.act", Elementwise.Op.GELU, tokens * s.hidden()));
            l.add(new Gemm(p + "mlp.fc2", tokens, s.dim(), s.hidden(), true));
            l.add(Elementwise.of(p + "residual1", Elementwise.Op.ADD, tokens * s.dim()));
            l.add(Elementwise.of(p + "residual2", Elementwise.Op.ADD, tokens * s.dim()));
        }
        l.add(new Norm("model.final_layernorm", Norm.Kind.LAYER, batch, s.dim()));
        l.add(new Gemm("lm_head", batch, s.vocab(), s.dim(), true, s.tiedEmbeddings()));
        return new Workload(name + "_" + phase.name().toLowerCase(Locale.ROOT), l);
    }

    /** Phi-3 (HF Phi3ForCausalLM): LLaMA's block with q/k/v fused into qkv_proj and gate/up into gate_up_proj, no biases. */
    static Workload phi3(String name, PhiShape s, Transformers.Phase phase, int seq, int batch) {
        List<Layer> l = new ArrayList<>();
        int q = phase.queries(seq);
        int kv = phase.keys(seq);
        long tokens = (long) batch * q;
        int headDim = s.dim() / s.heads();
        l.add(new Embedding("model.embed_tokens", s.vocab(), s.dim(), tokens));
        for (int i = 0; i < s.layers(); i++) {
            String p = "model.layers." + i + ".";
            l.add(new Norm(p + "input_layernorm", Norm.Kind.RMS, tokens, s.dim()));
            l.add(new Gemm(p + "self_attn.qkv_proj", tokens, (long) (s.heads() + 2 * s.kvHeads()) * headDim, s.dim(), false));
            l.add(new Attention(p + "self_attn.attn", batch, s.heads(), s.kvHeads(), q, kv, headDim, true));
            l.add(new Gemm(p + "self_attn.o_proj", tokens, s.dim(), s.dim(), false));
            l.add(Elementwise.of(p + "residual1", Elementwise.Op.ADD, tokens * s.dim()));
            l.add(new Norm(p + "post_attention_layernorm", Norm.Kind.RMS, tokens, s.dim()));
            l.add(new Gemm(p + "mlp.gate_up_proj", tokens, 2L * s.hidden(), s.dim(), false));
            l.add(Elementwise.of(p + "mlp.act", Elementwise.Op.SWIGLU, tokens * s.hidden()));
            l.add(new Gemm(p + "mlp.down_proj", tokens, s.dim(), s.hidden(), false));
            l.add(Elementwise.of(p + "residual2", Elementwise.Op.ADD, tokens * s.dim()));
        }
        l.add(new Norm("model.norm", Norm.Kind.RMS, batch, s.dim()));
        l.add(new Gemm("lm_head", batch, s.vocab(), s.dim(), false, s.tiedEmbeddings()));
        return new Workload(name + "_" + phase.name().toLowerCase(Locale.ROOT), l);
    }
}
