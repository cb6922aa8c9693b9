package io.quantarch.workloads.quality;

import io.quantarch.numerics.quant.Segments;
import io.quantarch.workloads.model.LlamaCheckpoint;
import io.quantarch.workloads.model.LlamaModel;
import io.quantarch.workloads.model.Stories260k;
import io.quantarch.workloads.policy.TensorQuant;
import io.quantarch.workloads.tensor.ActivationObserver;
import io.quantarch.workloads.tensor.KvQuantizer;
import io.quantarch.workloads.tensor.Matrix;
import io.quantarch.workloads.zoo.Zoo;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * stories260K (llama2.c) as a real model: perplexity over windows of 512 predictions of the TinyStories
 * validation text (evaluation: the first windows; calibration: the last 16, disjoint). The token lookup
 * reads the embedding table in the format the policy gives layer {@code model.embed_tokens} (round to nearest,
 * per row); the classifier product ({@code lm_head}, sharing the table's values in this checkpoint) uses its own.
 */
public final class StoriesLm implements RealModel {

    public static final String NAME = "stories260k";

    public static final RealModelKind KIND = RealModelKind.of(NAME, "llama2.c stories260K (5 layers, dim 64) on TinyStories validation "
            + "text: perplexity over windows of 512 tokens", StoriesLm::bundled);

    private final LlamaCheckpoint ckpt;
    private final List<String> policyLayers;
    private final List<String> kvLayers = new ArrayList<>();

    public StoriesLm(LlamaCheckpoint ckpt) {
        this.ckpt = ckpt;
        this.policyLayers = Zoo.byName(NAME).layerNames();
        for (int l = 0; l < ckpt.config().layers(); l++) {
            kvLayers.add("model.layers." + l + ".self_attn.attn");
        }
    }

    public static StoriesLm bundled() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final StoriesLm INSTANCE = new StoriesLm(LlamaCheckpoint.stories260k());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Every window's mean NLL against the numpy reference's (llama2.c's run.c semantics), within 1e-4 nats. */
    @Override
    public ReferenceCheck checkAgainstReference(int samples) {
        int n = samples == 0 ? Stories260k.WINDOWS : samples;
        if (n < 1 || n > Stories260k.WINDOWS) {
            throw new IllegalArgumentException("1.." + Stories260k.WINDOWS + " windows, asked " + n);
        }
        LlamaModel m = LlamaModel.fp32(ckpt);
        double[] ref = Stories260k.referenceWindowNll();
        int[] tokens = Stories260k.tokens();
        double[] ours = IntStream.range(0, n).parallel()
                .mapToDouble(w -> m.windowNll(tokens, w * Stories260k.WINDOW, Stories260k.WINDOW, ActivationObserver.NONE) / Stories260k.WINDOW)
                .toArray();
        List<List<Object>> rows = new ArrayList<>();
        double maxDiff = 0;
        double sum = 0;
        double refSum = 0;
        for (int w = 0; w < n; w++) {
            double d = Math.abs(ours[w] - ref[w]);
            maxDiff = Math.max(maxDiff, d);
            sum += ours[w];
            refSum += ref[w];
            rows.add(List.of(w, ours[w], ref[w], d));
        }
        String summary = String.format(java.util.Locale.ROOT, "stories260k FP32, %d windows: mean NLL %.5f nats/token (reference %.5f), "
                + "perplexity %.4f (reference %.4f); max per-window |difference| %.2e nats (required < 1e-4)", n, sum / n, refSum / n,
                Math.exp(sum / n), Math.exp(refSum / n), maxDiff);
        return new ReferenceCheck("windows.csv", List.of("window", "mean_nll_nats", "reference_mean_nll_nats", "abs_diff"), rows, summary,
                maxDiff < 1e-4);
    }

    @Override
    public String metric() {
        return "perplexity";
    }

    @Override
    public boolean lowerIsBetter() {
        return true;
    }

    @Override
    public List<String> linearLayers() {
        return ckpt.layerNames();
    }

    @Override
    public List<String> policyLayers() {
        return policyLayers;
    }

    @Override
    public List<String> kvLayers() {
        return List.copyOf(kvLayers);
    }

    @Override
    public List<List<String>> stages() {
        List<List<String>> out = new ArrayList<>();
        for (int l = 0; l < ckpt.config().layers(); l++) {
            String p = "model.layers." + l + ".";
            out.add(List.of(p + "self_attn.q_proj", p + "self_attn.k_proj", p + "self_attn.v_proj", p + "self_attn.o_proj",
                    p + "mlp.gate_proj", p + "mlp.up_proj", p + "mlp.down_proj"));
        }
        out.add(List.of("lm_head"));
        return out;
    }

    @Override
    public List<List<String>> sharedInputs() {
        List<List<String>> out = new ArrayList<>();
        for (int l = 0; l < ckpt.config().layers(); l++) {
            String p = "model.layers." + l + ".";
            out.add(List.of(p + "self_attn.q_proj", p + "self_attn.k_proj", p + "self_attn.v_proj"));
            out.add(List.of(p + "self_attn.o_proj"));
            out.add(List.of(p + "mlp.gate_proj", p + "mlp.up_proj"));
            out.add(List.of(p + "mlp.down_proj"));
        }
        out.add(List.of("lm_head"));
        return out;
    }

    @Override
    public Matrix weight(String layer) {
        Matrix m = ckpt.linears().get(layer);
        if (m == null) {
            throw new IllegalArgumentException("stories260k has no linear layer " + layer);
        }
        return m;
    }

    @Override
    public float[] bias(String layer) {
        return null;
    }

    private LlamaModel model(Execution exec) {
        KvQuantizer[] kv = new KvQuantizer[ckpt.config().layers()];
        for (int l = 0; l < kv.length; l++) {
            kv[l] = exec.kvCache().get(kvLayers.get(l));
        }
        float[] embedding = ckpt.tokenEmbedding();
        if (exec.tables().get(EMBEDDING) instanceof TensorQuant.Quantized q) {
            int vocab = ckpt.config().vocab();
            embedding = q.format().fakeQuantize(embedding, Segments.rows(vocab, embedding.length / vocab));
        }
        return new LlamaModel(ckpt, exec.linears(), embedding, kv);
    }

    public static final String EMBEDDING = "model.embed_tokens";

    @Override
    public List<String> tables() {
        return List.of(EMBEDDING);
    }

    @Override
    public void calibrate(Execution exec, int samples, ActivationObserver obs) {
        LlamaModel m = model(exec);
        int[] tokens = Stories260k.tokens();
        int n = Math.min(samples, Stories260k.WINDOWS - Stories260k.CALIBRATION_FIRST);
        for (int w = 0; w < n; w++) {
            m.windowNll(tokens, (Stories260k.CALIBRATION_FIRST + w) * Stories260k.WINDOW, Stories260k.WINDOW, obs);
        }
    }

    @Override
    public double evaluate(Execution exec, int samples, ActivationObserver obs) {
        if (samples < 1 || samples > maxEvalSamples()) {
            throw new IllegalArgumentException("stories260k evaluates 1.." + maxEvalSamples() + " windows, asked " + samples);
        }
        LlamaModel m = model(exec);
        int[] tokens = Stories260k.tokens();
        double[] nll = IntStream.range(0, samples).parallel()
                .mapToDouble(w -> m.windowNll(tokens, w * Stories260k.WINDOW, Stories260k.WINDOW, obs)).toArray();
        double sum = 0;
        for (double v : nll) {
            sum += v;
        }
        return Math.exp(sum / ((double) samples * Stories260k.WINDOW));
    }

    @Override
    public int defaultEvalSamples() {
        return 20;
    }

    @Override
    public int defaultCalibrationSamples() {
        return 4;
    }

    @Override
    public int maxEvalSamples() {
        return Stories260k.CALIBRATION_FIRST;
    }

    @Override
    public String sampleUnit() {
        return "windows of 512 tokens";
    }
}
