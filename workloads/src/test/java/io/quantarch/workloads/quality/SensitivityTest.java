package io.quantarch.workloads.quality;

import io.quantarch.numerics.format.Formats;
import io.quantarch.workloads.policy.LayerQuant;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.policy.TensorQuant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SensitivityTest {

    @TempDir
    Path cache;

    @Test
    void entriesEqualADirectEvaluationAndAreCachedByContent() throws IOException {
        RealModel m = MnistClassifier.bundled();
        Sensitivity s = new Sensitivity(m, 1000, 64, cache);
        TensorQuant int3 = TensorQuant.of(Formats.byName("int3_sym_channel"));
        Sensitivity.Entry first = s.entry("conv2", Sensitivity.Role.WEIGHTS, int3);
        assertFalse(first.cached());
        QuantPolicy direct = new QuantPolicy("direct", LayerQuant.FP32, List.of(QuantPolicy.Override.weights("conv2", int3)));
        assertEquals(QualityEvaluator.evaluate(m, direct, 1000, 64).value(), first.quality(), 0.0);
        Sensitivity.Entry again = new Sensitivity(m, 1000, 64, cache).entry("conv2", Sensitivity.Role.WEIGHTS, int3);
        assertTrue(again.cached());
        assertEquals(first.quality(), again.quality(), 0.0);
        try (var files = Files.walk(cache)) {
            assertEquals(1, files.filter(Files::isRegularFile).count());
        }
        Sensitivity other = new Sensitivity(m, 500, 64, cache);
        assertNotEquals(s.key("conv2", Sensitivity.Role.WEIGHTS, int3), other.key("conv2", Sensitivity.Role.WEIGHTS, int3),
                "a different evaluation size is a different entry");
        assertNotEquals(s.key("conv2", Sensitivity.Role.WEIGHTS, int3), s.key("conv1", Sensitivity.Role.WEIGHTS, int3));
        assertNotEquals(s.key("conv2", Sensitivity.Role.WEIGHTS, int3), s.key("conv2", Sensitivity.Role.INPUTS, int3));
    }

    @Test
    void lowerPrecisionCostsMoreOnTheSameLayer() {
        RealModel m = MnistClassifier.bundled();
        Sensitivity s = new Sensitivity(m, 2000, 64, null);
        double l8 = s.entry("conv1", Sensitivity.Role.WEIGHTS, TensorQuant.of(Formats.byName("int8_sym_channel"))).loss();
        double l2 = s.entry("conv1", Sensitivity.Role.WEIGHTS, TensorQuant.of(Formats.byName("int2_sym_channel"))).loss();
        assertTrue(l2 > l8, "int2 loss " + l2 + " > int8 loss " + l8);
    }
}
