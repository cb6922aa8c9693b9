package io.quantarch.workloads.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The bundled stories260K evaluation data and protocol (data/stories260k/PROVENANCE.md): the canonical
 * TinyStories validation text as tok512 ids (starting with BOS), cut into windows of 512 predictions as
 * llama2.c's training script does (window i: input tokens[512 i .. 512 i + 511], targets shifted by one),
 * each scored from an empty KV cache.
 */
public final class Stories260k {

    public static final int WINDOW = 512;
    /** Windows in the canonical text: floor((388,247 - 1) / 512). */
    public static final int WINDOWS = 758;
    /** The last 16 windows: the calibration split, disjoint from every evaluation prefix of up to 742 windows. */
    public static final int CALIBRATION_FIRST = WINDOWS - 16;

    private static volatile int[] tokens;

    private Stories260k() {
    }

    /** Token ids of the canonical evaluation text (388,247 ids). */
    public static int[] tokens() {
        int[] t = tokens;
        if (t == null) {
            byte[] b = Resources.bundled("stories260k/tinystories_val_subset.tok512.u16");
            ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
            t = new int[b.length / 2];
            for (int i = 0; i < t.length; i++) {
                t[i] = buf.getShort() & 0xFFFF;
            }
            tokens = t;
        }
        return t;
    }

    /** Reference per-window mean NLL (nats/token) from the independent numpy FP32 implementation. */
    public static double[] referenceWindowNll() {
        String csv = new String(Resources.bundled("stories260k/reference_window_nll.csv"), java.nio.charset.StandardCharsets.UTF_8);
        String[] lines = csv.strip().split("\n");
        double[] out = new double[lines.length - 1];
        for (int i = 1; i < lines.length; i++) {
            out[i - 1] = Double.parseDouble(lines[i].split(",")[1]);
        }
        return out;
    }
}
