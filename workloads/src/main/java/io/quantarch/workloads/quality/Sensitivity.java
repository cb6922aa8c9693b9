package io.quantarch.workloads.quality;

import io.quantarch.workloads.policy.LayerQuant;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.policy.TensorQuant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-layer sensitivity: the quality of the real model when only one layer's tensor (weights, inputs or KV
 * cache) is quantized to a format and everything else stays FP32. Summed over layers it is the search's fast
 * (tier-1) quality estimate. Entries are cached on disk under a SHA-256 of everything that determines them
 * (model name and weight fingerprint, layer, role, format, sample counts, method version), so a rerun, or
 * another study on the same model, does not recompute them.
 */
public final class Sensitivity {

    /**
     * Bump when the quantization or evaluation arithmetic changes, to invalidate cached entries. 2: the softmax's exp
     * from {@code Ops.expNonPositive} (one ulp apart from Math.exp on rare inputs).
     */
    public static final int METHOD_VERSION = 2;

    public enum Role { WEIGHTS, INPUTS, KV_CACHE }

    /** Quality with one tensor quantized. */
    public record Entry(String layer, Role role, String format, double quality, double fp32, double loss, boolean cached) { }

    private static final Map<String, String> FINGERPRINTS = new ConcurrentHashMap<>();

    private final RealModel model;
    private final int evalSamples;
    private final int calibrationSamples;
    private final Path cacheDir;

    /**
     * @param cacheDir where entries are cached ({@code null}: no disk cache)
     */
    public Sensitivity(RealModel model, int evalSamples, int calibrationSamples, Path cacheDir) {
        this.model = model;
        this.evalSamples = evalSamples;
        this.calibrationSamples = calibrationSamples;
        this.cacheDir = cacheDir;
    }

    /** {@code $QUANTARCH_CACHE}, else {@code ~/.cache/quantarch}. */
    public static Path defaultCacheDir() {
        String env = System.getenv("QUANTARCH_CACHE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "quantarch");
    }

    public Entry entry(String layer, Role role, TensorQuant format) {
        String key = key(layer, role, format);
        Optional<Double> hit = read(key);
        double fp32 = QualityEvaluator.fp32(model, evalSamples);
        if (hit.isPresent()) {
            return new Entry(layer, role, format.label(), hit.get(), fp32, model.loss(hit.get(), fp32), true);
        }
        LayerQuant q = switch (role) {
            case WEIGHTS -> LayerQuant.FP32.withWeights(format);
            case INPUTS -> LayerQuant.FP32.withInputs(format);
            case KV_CACHE -> LayerQuant.FP32.withKvCache(format);
        };
        QuantPolicy p = new QuantPolicy("sensitivity", LayerQuant.FP32, List.of(new QuantPolicy.Override(layer,
                role == Role.WEIGHTS ? Optional.of(format) : Optional.empty(),
                role == Role.INPUTS ? Optional.of(format) : Optional.empty(), Optional.empty(),
                role == Role.KV_CACHE ? Optional.of(format) : Optional.empty(), Optional.empty())));
        double value = model.evaluate(ModelQuantizer.build(model, p, calibrationSamples).execution(), evalSamples,
                io.quantarch.workloads.tensor.ActivationObserver.NONE);
        write(key, value);
        return new Entry(layer, role, format.label(), value, fp32, model.loss(value, fp32), false);
    }

    /** Every layer x format of a role, in layer order then format order. */
    public List<Entry> table(List<String> layers, Role role, List<TensorQuant> formats) {
        List<Entry> out = new ArrayList<>();
        for (String l : layers) {
            for (TensorQuant f : formats) {
                out.add(entry(l, role, f));
            }
        }
        return out;
    }

    String key(String layer, Role role, TensorQuant format) {
        String text = String.join("|", model.name(), fingerprint(model), layer, role.name(), format.label(),
                Integer.toString(evalSamples), Integer.toString(calibrationSamples), Integer.toString(METHOD_VERSION));
        return sha256(text);
    }

    private Optional<Double> read(String key) {
        if (cacheDir == null) {
            return Optional.empty();
        }
        Path p = file(key);
        try {
            if (Files.exists(p)) {
                return Optional.of(Double.parseDouble(Files.readString(p, StandardCharsets.UTF_8).strip()));
            }
        } catch (IOException | NumberFormatException e) {
            // a damaged cache entry is recomputed
        }
        return Optional.empty();
    }

    private void write(String key, double value) {
        if (cacheDir == null) {
            return;
        }
        Path p = file(key);
        try {
            io.quantarch.config.io.AtomicOutput.writeString(p, Double.toString(value));
        } catch (IOException e) {
            // caching is an optimisation; a read-only cache directory only costs recomputation
        }
    }

    private Path file(String key) {
        return cacheDir.resolve("sensitivity").resolve(model.name()).resolve(key.substring(0, 2)).resolve(key + ".txt");
    }

    /** SHA-256 over the model's weight bits (so a changed checkpoint never reuses entries). */
    static String fingerprint(RealModel m) {
        return FINGERPRINTS.computeIfAbsent(m.name() + "@" + System.identityHashCode(m), k -> {
            try {
                MessageDigest d = MessageDigest.getInstance("SHA-256");
                for (String l : m.linearLayers()) {
                    d.update(l.getBytes(StandardCharsets.UTF_8));
                    float[] w = m.weight(l).data();
                    byte[] b = new byte[w.length * 4];
                    for (int i = 0; i < w.length; i++) {
                        int bits = Float.floatToRawIntBits(w[i]);
                        b[4 * i] = (byte) bits;
                        b[4 * i + 1] = (byte) (bits >>> 8);
                        b[4 * i + 2] = (byte) (bits >>> 16);
                        b[4 * i + 3] = (byte) (bits >>> 24);
                    }
                    d.update(b);
                }
                return HexFormat.of().formatHex(d.digest()).substring(0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
                    .toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
