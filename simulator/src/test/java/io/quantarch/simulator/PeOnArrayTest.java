package io.quantarch.simulator;

import io.quantarch.numerics.format.Formats;
import io.quantarch.simulator.array.ArraySpec;
import io.quantarch.simulator.array.Dataflow;
import io.quantarch.simulator.memory.MemorySpec;
import io.quantarch.simulator.pe.BitFusionSpec;
import io.quantarch.simulator.pe.BitSerialSpec;
import io.quantarch.simulator.pe.IntMacSpec;
import io.quantarch.simulator.pe.MxDotSpec;
import io.quantarch.simulator.pe.PeKinds;
import io.quantarch.simulator.pe.PeSpec;
import io.quantarch.simulator.pe.ShiftAddMixedSpec;
import io.quantarch.workloads.layer.Gemm;
import io.quantarch.workloads.policy.LayerQuant;
import io.quantarch.workloads.policy.Ptq;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.policy.TensorQuant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PE kinds on the systolic array: throughput against the closed-form fold model, and format errors. */
class PeOnArrayTest {

    static QuantPolicy policy(String weights, String inputs) {
        TensorQuant w = TensorQuant.of(Formats.byName(weights));
        TensorQuant a = TensorQuant.of(Formats.byName(inputs));
        return QuantPolicy.uniform(weights + "/" + inputs, new LayerQuant(w, a, a, w, Ptq.RTN));
    }

    static Architecture arch(int rows, int cols, Dataflow d, PeSpec pe) {
        return Architecture.DEFAULT.withArray(new ArraySpec(rows, cols, d)).withPe(pe)
                .withMemory(new MemorySpec(4096, 4096, 4096, Double.POSITIVE_INFINITY, true));
    }

    static long compute(Architecture a, long m, long n, long k, String w, String in) {
        return Simulator.layer(a, new Gemm("g", m, n, k, false), policy(w, in), Fidelity.ANALYTIC).gemm().computeCycles();
    }

    /** Pipelined folds, written out: WS/IS pay one load R, then each of F folds takes max(T, R), the last T, then the skew. */
    static long pipelinedWs(long r, long c, long folds, long t) {
        return r + (folds - 1) * Math.max(t, r) + t + r + c - 2;
    }

    /** OS: the second fold starts T after the first, every later one max(T, R) after its predecessor. */
    static long pipelinedOs(long r, long c, long folds, long t) {
        return folds == 1 ? t + r + c - 2 : t + (folds - 2) * Math.max(t, r) + t + r + c - 2;
    }

    @Test
    void bitSerialTakesOneCyclePerActivationBit() {
        Architecture a = arch(16, 16, Dataflow.WS, new BitSerialSpec(8, 8, 32));
        long m = 200;
        long n = 40;
        long k = 50;
        long folds = 4L * 3;                                                     // ceil(50/16) x ceil(40/16)
        for (int bits : new int[] {2, 4, 8}) {
            // WS streams M, b cycles per element: T = M*b per fold
            assertEquals(pipelinedWs(16, 16, folds, m * bits), compute(a, m, n, k, "int8_sym_channel", "int" + bits + "_sym_tensor"), bits + " bits");
        }
    }

    @Test
    void bitFusionFusesSixteenTwoBitOrFourFourBitProductsOfOneOutput() {
        Architecture fusion = arch(16, 16, Dataflow.WS, new BitFusionSpec(32));
        long m = 300;
        long n = 64;
        long k = 512;
        // the reduction is mapped in groups of the fused products: the array sees a GEMM of reduction K / lanes
        Architecture int8 = arch(16, 16, Dataflow.WS, IntMacSpec.INT8);
        assertEquals(compute(int8, m, n, k, "int8_sym_channel", "int8_sym_tensor"), compute(fusion, m, n, k, "int8_sym_channel", "int8_sym_tensor"));
        assertEquals(compute(int8, m, n, k / 4, "int8_sym_channel", "int8_sym_tensor"), compute(fusion, m, n, k, "int4_sym_channel", "int4_sym_tensor"));
        assertEquals(compute(int8, m, n, k / 16, "int8_sym_channel", "int8_sym_tensor"), compute(fusion, m, n, k, "int2_sym_channel", "int2_sym_tensor"));
        // WS: (K/16)/16 row folds x N/16 column folds, each loading 16 rows of fused weights and streaming M
        assertEquals(pipelinedWs(16, 16, (512 / 16 / 16) * (64 / 16), m), compute(fusion, m, n, k, "int2_sym_channel", "int2_sym_tensor"));
        // 8x2 takes four bricks, like 4x4
        assertEquals(compute(fusion, m, n, k, "int4_sym_channel", "int4_sym_tensor"), compute(fusion, m, n, k, "int8_sym_channel", "int2_sym_tensor"));
        // on an output-stationary array the fused products shorten the streamed reduction: T = ceil(K / 16)
        Architecture os = arch(16, 16, Dataflow.OS, new BitFusionSpec(32));
        long foldsOs = (300 + 15) / 16 * (64 / 16);
        assertEquals(pipelinedOs(16, 16, foldsOs, k / 16), compute(os, m, n, k, "int2_sym_channel", "int2_sym_tensor"));
    }

    @Test
    void mxDotLanesReduceTheMappedReductionOnEveryDataflow() {
        long m = 64;
        long n = 48;
        long k = 256;
        assertEquals(compute(arch(1, 16, Dataflow.IS, IntMacSpec.INT8), m, n, k / 32, "int8_sym_channel", "int8_sym_tensor"),
                compute(arch(1, 16, Dataflow.IS, new MxDotSpec(32, 32)), m, n, k, "mxfp8_e4m3", "mxfp8_e4m3"));
        // IS, one row of 32-lane units: K/32 = 8 row folds x M/16 = 4 column folds, each streaming N
        assertEquals(pipelinedWs(1, 16, 8L * 4, n), compute(arch(1, 16, Dataflow.IS, new MxDotSpec(32, 32)), m, n, k, "mxfp8_e4m3", "mxfp8_e4m3"));
        long folds = (64 / 8) * (48 / 8);
        assertEquals(pipelinedOs(8, 8, folds, k / 32), compute(arch(8, 8, Dataflow.OS, new MxDotSpec(32, 32)), m, n, k, "mxfp4", "mxfp4"));
    }

    @Test
    void aFormatThePeCannotRunIsAnErrorNamingThePeAndBothFormats() {
        Gemm g = new Gemm("blocks.0.fc", 8, 8, 8, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Simulator.layer(arch(4, 4, Dataflow.WS, IntMacSpec.INT8), g,
                policy("fp8_e4m3_channel", "fp8_e4m3_tensor"), Fidelity.ANALYTIC));
        assertTrue(e.getMessage().contains("blocks.0.fc") && e.getMessage().contains("int-mac") && e.getMessage().contains("fp8_e4m3_channel")
                && e.getMessage().contains("fp8_e4m3_tensor"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Simulator.layer(arch(4, 4, Dataflow.WS, new ShiftAddMixedSpec(4, 8, 32, false)), g,
                policy("int8_sym_channel", "int8_sym_tensor"), Fidelity.ANALYTIC));
        assertTrue(e.getMessage().contains("shift-add-mixed") && e.getMessage().contains("int8_sym_channel"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Simulator.layer(arch(4, 4, Dataflow.WS, IntMacSpec.INT8), g,
                policy("int4_sym_g128", "int8_sym_tensor"), Fidelity.ANALYTIC));
        assertTrue(e.getMessage().contains("per-group"), e.getMessage());
    }

    @Provide
    Arbitrary<String[]> peAndFormats() {
        return Arbitraries.of(new String[] {"int-mac", "int8_sym_channel", "int8_sym_tensor"},
                new String[] {"bit-serial", "int8_sym_channel", "int3_sym_tensor"},
                new String[] {"bit-fusion", "int4_sym_channel", "int2_sym_tensor"},
                new String[] {"bit-fusion", "int2_sym_channel", "int2_sym_tensor"},
                new String[] {"mx-dot", "mxint8", "mxint8"});
    }

    /**
     * The simulator itself re-runs every GEMM on the register-level array in the cycle fidelity and fails if the
     * cycle counts differ; here across PE kinds that stretch the array, every dataflow, small output buffers that
     * force streamed tiling, and odd shapes.
     */
    @Property(tries = 150)
    void cycleFidelityAgreesWithTheAnalyticModelForEveryPeKind(@ForAll("peAndFormats") String[] pe, @ForAll Dataflow d,
                                                              @ForAll @IntRange(min = 1, max = 8) int rows,
                                                              @ForAll @IntRange(min = 1, max = 8) int cols,
                                                              @ForAll @IntRange(min = 1, max = 90) int m,
                                                              @ForAll @IntRange(min = 1, max = 90) int n,
                                                              @ForAll @IntRange(min = 1, max = 90) int k,
                                                              @ForAll @IntRange(min = 1, max = 64) int ofmapBytes) {
        Architecture a = Architecture.DEFAULT.withArray(new ArraySpec(rows, cols, d)).withPe(PeKinds.defaults(pe[0]))
                .withMemory(new MemorySpec(1, 1, ofmapBytes / 1024.0, 4, true));
        Gemm g = new Gemm("g", m, n, k, false);
        LayerResult cycle = Simulator.layer(a, g, policy(pe[1], pe[2]), Fidelity.CYCLE);
        LayerResult analytic = Simulator.layer(a, g, policy(pe[1], pe[2]), Fidelity.ANALYTIC);
        assertEquals(analytic.gemm(), cycle.gemm());
    }
}
