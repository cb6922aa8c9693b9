package io.quantarch.numerics.format;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** fp16 (E5M10, non-saturating) agrees with the JDK's Float.floatToFloat16 / float16ToFloat on every float32. */
class Fp16ExhaustiveTest {

    @Test
    void agreesWithTheJdkOnAllFourBillionInputs() {
        MiniFloat fp16 = MiniFloat.fp16().withSaturation(false);
        AtomicLong mismatches = new AtomicLong();
        AtomicLong firstBad = new AtomicLong(-1);
        IntStream.range(0, 1 << 16).parallel().forEach(hi -> {
            long bad = 0;
            for (int lo = 0; lo < (1 << 16); lo++) {
                int bits = (hi << 16) | lo;
                float x = Float.intBitsToFloat(bits);
                short jdk = Float.floatToFloat16(x);
                int code = fp16.encode(x);
                boolean same = Float.isNaN(x)
                        ? Float.isNaN(Float.float16ToFloat(jdk)) && fp16.isNaN(code)
                        : code == (jdk & 0xFFFF);
                if (!same) {
                    bad++;
                    firstBad.compareAndSet(-1, bits & 0xFFFFFFFFL);
                }
            }
            mismatches.addAndGet(bad);
        });
        assertEquals(0, mismatches.get(), "first mismatch at float bits 0x" + Long.toHexString(firstBad.get()));
        for (int c = 0; c < 65536; c++) {
            float jdk = Float.float16ToFloat((short) c);
            float ours = fp16.decode(c);
            if (Float.isNaN(jdk)) {
                assertEquals(true, Float.isNaN(ours), "code " + c);
            } else {
                assertEquals(Float.floatToRawIntBits(jdk), Float.floatToRawIntBits(ours), "code " + c);
            }
        }
    }
}
