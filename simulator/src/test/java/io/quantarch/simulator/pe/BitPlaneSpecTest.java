package io.quantarch.simulator.pe;

import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.ActionKind;
import io.quantarch.cost.actions.Component;
import io.quantarch.cost.actions.Variant;
import io.quantarch.numerics.format.Formats;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.quant.QuantizedTensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The bit-plane PE (ABQ-LLM) beyond the inherited contract: arbitrary WxA pairs, throughput by plane pairs, and the
 * integer sum plane by plane against the straightforward product.
 */
class BitPlaneSpecTest implements PeContract {

    @Override
    public List<PeSpec> pes() {
        return List.of(new BitPlaneSpec(8, 64, 32), new BitPlaneSpec(4, 8, 24));
    }

    static FormatPair pair(String w, String a) {
        return new FormatPair(Formats.byName(w), Formats.byName(a));
    }

    @Test
    void runsArbitraryPairsUpToItsPlanesAndNotGroups() {
        BitPlaneSpec pe = new BitPlaneSpec(8, 64, 32);
        for (String[] p : new String[][] {{"int2_sym_channel", "int8_sym_tensor"}, {"int6_sym_channel", "int6_sym_tensor"},
                {"int3_sym_tensor", "int5_sym_tensor"}, {"ternary", "int8_sym_tensor"}, {"int4_asym_tensor", "int4_sym_tensor"}}) {
            assertNull(pe.unsupported(pair(p[0], p[1])), p[0] + " x " + p[1]);
        }
        assertNotNull(pe.unsupported(pair("int8_asym_tensor", "int8_sym_tensor")), "9-bit levels need a ninth plane");
        assertNotNull(pe.unsupported(pair("int4_sym_g32", "int8_sym_tensor")), "one scale per dot product");
        assertNotNull(pe.unsupported(pair("fp8_e4m3", "fp8_e4m3")), "integer planes only");
        assertNotNull(new BitPlaneSpec(4, 64, 32).unsupported(pair("int4_sym_tensor", "int8_sym_tensor")), "a 4-plane unit");
    }

    /** ABQ-LLM §3.3: W2A8 costs 2 x 8 = 16 binary plane products per lane group, W8A8 64: 4x the rate. */
    @Test
    void macsPerCycleAreLanesOverThePlaneProduct() {
        BitPlaneSpec pe = new BitPlaneSpec(8, 64, 32);
        assertEquals(64.0 / 16, pe.throughput(pair("int2_sym_channel", "int8_sym_tensor")).macsPerCycle(), 1e-12);
        assertEquals(64.0 / 64, pe.throughput(pair("int8_sym_channel", "int8_sym_tensor")).macsPerCycle(), 1e-12);
        assertEquals(64.0 / 36, pe.throughput(pair("int6_sym_channel", "int6_sym_tensor")).macsPerCycle(), 1e-12);
    }

    @Test
    void countsOneAndPerElementAndPlanePairAndOnePopcountTreePerStep() {
        ActionCounts.Builder b = ActionCounts.builder();
        new BitPlaneSpec(8, 64, 32).countActions(b, new PeWork(10 * 200, 10, 10, 200, pair("int2_sym_channel", "int8_sym_tensor")));
        ActionCounts c = b.build();
        assertEquals(10L * 200 * 16, c.get(Component.PE_ARRAY, ActionKind.MULTIPLY, Variant.product(1, 1)));
        long steps = 10L * 4 * 16;                              // ceil(200 / 64) lane groups x 16 plane pairs per output
        assertEquals(steps, c.get(Component.PE_ARRAY, ActionKind.ADD, Variant.integer(32)));
        assertEquals(steps * 32, c.get(Component.PE_ARRAY, ActionKind.ADD, Variant.integer(1)), "the popcount tree's first level");
        assertEquals(steps, c.get(Component.PE_ARRAY, ActionKind.ADD, Variant.integer(6)), "its root");
    }

    @Property(tries = 200)
    void planesSumToTheIntegerProduct(@ForAll @IntRange(min = 2, max = 8) int wb, @ForAll @IntRange(min = 2, max = 8) int ab,
                                      @ForAll @IntRange(min = 1, max = 300) int k, @ForAll long seed) {
        NumberFormat w = Formats.byName("int" + wb + "_sym_tensor");
        NumberFormat a = Formats.byName("int" + ab + "_sym_tensor");
        SplittableRandom r = new SplittableRandom(seed);
        QuantizedTensor qw = PeContract.quantize(w, PeContract.vector(r, k, 1));
        QuantizedTensor qa = PeContract.quantize(a, PeContract.vector(r, k, 2));
        long exact = 0;
        for (int i = 0; i < k; i++) {
            exact += (long) Levels.level(qw, i) * Levels.level(qa, i);
        }
        DotResult d = new BitPlaneSpec(8, 16, 40).dot(qw, qa, new FormatPair(w, a), ActionCounts.builder());
        assertEquals(exact, d.accumulator());
    }
}
