package io.quantarch.simulator.fpga;

import io.quantarch.numerics.format.Formats;
import io.quantarch.workloads.model.MnistCnnCheckpoint;
import io.quantarch.workloads.model.MnistCnnModel;
import io.quantarch.workloads.model.MnistData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real MNIST CNN on the bit-exact datapaths, against its float32 forward pass on the same images. */
class MnistOnDataflowTest {

    private static final int IMAGES = 2000;

    private static double fp32Accuracy() {
        MnistCnnModel m = MnistCnnModel.fp32(MnistCnnCheckpoint.bundled());
        MnistData d = MnistData.testSet();
        int correct = 0;
        for (int i = 0; i < IMAGES; i++) {
            if (m.predict(d.pixels(), i * MnistData.PIXELS) == d.labels()[i]) {
                correct++;
            }
        }
        return 100.0 * correct / IMAGES;
    }

    private static double acc(MnistOnDataflow m, String w, String a) {
        return m.accuracyPct(Formats.byName(w), Formats.byName(a), IMAGES);
    }

    @Test
    void eightBitsMatchFloatAndAccuracyFallsWithPrecision() {
        MnistOnDataflow m = MnistOnDataflow.bundled();
        double fp32 = fp32Accuracy();
        double int8 = acc(m, "int8_sym_channel", "int8_sym_tensor");
        double e4m3 = acc(m, "e4m3_channel", "e4m3_tensor");
        double int4 = acc(m, "int4_sym_channel", "int4_sym_tensor");
        double int3 = acc(m, "int3_sym_channel", "int3_sym_tensor");
        double e2m0 = acc(m, "e2m0_channel", "e2m0_tensor");
        assertEquals(fp32, int8, 0.3, "INT8 within 0.3 points of float32 (" + fp32 + ")");
        assertEquals(fp32, e4m3, 0.3, "FP8 E4M3 within 0.3 points of float32");
        assertTrue(int3 < int4 && int4 <= int8 + 0.1, "INT3 " + int3 + " < INT4 " + int4 + " <= INT8 " + int8);
        // the study's per-bit finding: at 3 bits the minifloat grid (E2M0) is the more accurate one on this model
        assertTrue(e2m0 > int3 + 0.5, "E2M0 " + e2m0 + " vs INT3 " + int3);
    }

    /**
     * The quality axis with resolution (issue 21: MNIST accuracy is flat above 4 bits): where accuracy cannot tell INT8
     * from INT6 (within 0.15 points), the logits' NSR against float32 falls about 12 dB per 2 bits (6 dB per bit) and
     * orders every width.
     */
    @Test
    void logitNsrSeparatesFormatsWhereAccuracyIsFlat() {
        MnistOnDataflow m = MnistOnDataflow.bundled();
        MnistOnDataflow.Quality q8 = m.quality(Formats.byName("int8_sym_channel"), Formats.byName("int8_sym_tensor"), 500);
        MnistOnDataflow.Quality q6 = m.quality(Formats.byName("int6_sym_channel"), Formats.byName("int6_sym_tensor"), 500);
        MnistOnDataflow.Quality q4 = m.quality(Formats.byName("int4_sym_channel"), Formats.byName("int4_sym_tensor"), 500);
        assertEquals(q8.accuracyPct(), q6.accuracyPct(), 0.4, "accuracy flat: " + q8 + " vs " + q6);
        double db = 10 * Math.log10(q6.logitNsr() / q8.logitNsr());
        assertTrue(db > 9 && db < 15, "INT6 vs INT8 logit NSR: " + db + " dB");
        assertTrue(q4.logitNsr() > 5 * q6.logitNsr(), q4 + " vs " + q6);
        assertTrue(q8.nll() < q4.nll(), "cross-entropy " + q8.nll() + " vs " + q4.nll());
        assertEquals(q8.accuracyPct(), m.accuracyPct(Formats.byName("int8_sym_channel"), Formats.byName("int8_sym_tensor"), 500), 1e-12);
    }

    @Test
    void sameResultWhateverTheThreadCount() throws Exception {
        MnistOnDataflow m = MnistOnDataflow.bundled();
        double parallel = acc(m, "e3m2_channel", "e2m3_tensor");
        java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
        try {
            double single = one.submit(() -> acc(m, "e3m2_channel", "e2m3_tensor")).get();
            assertEquals(parallel, single, 0.0);
        } finally {
            one.shutdown();
        }
    }
}
