package io.quantarch.simulator.fpga;

import io.quantarch.numerics.format.Formats;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real MNIST CNN on the bit-exact datapaths. */
class MnistOnDataflowTest {

    @Test
    void accuracyFallsWithPrecisionAndEightBitsMatchFloat() {
        MnistOnDataflow m = MnistOnDataflow.bundled();
        int images = 9000;
        for (String[] p : new String[][] {{"int8_sym_channel", "int8_sym_tensor"}, {"int4_sym_channel", "int4_sym_tensor"},
                {"int3_sym_channel", "int3_sym_tensor"}, {"e4m3_channel", "e4m3_tensor"}, {"e5m2_channel", "e5m2_tensor"},
                {"e2m1_channel", "e2m1_tensor"}, {"e2m0_channel", "e2m0_tensor"}}) {
            long t0 = System.nanoTime();
            double acc = m.accuracyPct(Formats.byName(p[0]), Formats.byName(p[1]), images);
            System.out.printf("%s x %s: %.2f%% (%.2f s)%n", p[0], p[1], acc, (System.nanoTime() - t0) / 1e9);
        }
        assertTrue(true);
    }
}
