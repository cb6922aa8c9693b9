package io.quantarch.simulator.pe;

import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.ActionKey;
import io.quantarch.cost.actions.Component;
import io.quantarch.numerics.format.ComplexPm1Pmi;
import io.quantarch.numerics.format.Formats;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.numerics.quant.Segments;
import io.quantarch.simulator.Architecture;
import io.quantarch.simulator.Fidelity;
import io.quantarch.simulator.LayerResult;
import io.quantarch.simulator.Simulator;
import io.quantarch.simulator.array.ArraySpec;
import io.quantarch.simulator.array.Dataflow;
import io.quantarch.simulator.memory.MemorySpec;
import io.quantarch.workloads.layer.Gemm;
import io.quantarch.workloads.policy.LayerQuant;
import io.quantarch.workloads.policy.Ptq;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.policy.TensorQuant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks every processing element inherits (Jenetics' {@code MutatorTester} pattern): a test class implements this
 * interface and supplies its PE configurations; these properties then run on random codes of every format pair, drawn
 * from a broad catalogue, that each PE supports.
 * <ul>
 * <li>its functional datapath equals the exact dot product of the dequantized operands, up to the float roundings and
 * truncations the PE declares ({@link PeSpec#operandSignificandBits()}, {@link PeSpec#truncationErrorBound});</li>
 * <li>the actions {@link PeSpec#countActions} counts for a dot product are exactly the operations its datapath performs
 * (the datapath tallies each multiply, add, shift, compare and dequantization it does);</li>
 * <li>its throughput on the array agrees with the register-level, cycle-stepped array (the simulator's cycle fidelity
 * reruns every GEMM and refuses a mismatch), and no PE exceeds its peak.</li>
 * </ul>
 */
public interface PeContract {

    /** The PE configurations under test. */
    List<PeSpec> pes();

    /** Formats the pairs are drawn from: every family, several widths and scale granularities. */
    List<String> CATALOGUE = List.of("int2_sym_tensor", "int3_sym_channel", "int4_sym_tensor", "int4_sym_channel", "int4_asym_tensor",
            "int5_sym_tensor", "int6_sym_channel", "int7_asym_tensor", "int8_sym_tensor", "int8_sym_channel", "int8_asym_tensor",
            "int2_sym_g16", "int3_asym_g16", "int4_sym_g32", "int4_asym_g32", "int4_asym_g128", "int8_sym_g32", "ternary", "binary",
            "fp8_e4m3", "fp8_e5m2", "fp6_e3m2", "fp4_e2m1", "e3m3b3", "fp8_e4m3_tensor", "fp8_e4m3_channel", "fp8_e5m2_tensor",
            "fp6_e2m3_g32", "mxfp4", "mxfp6_e2m3", "mxfp6_e3m2", "mxfp8_e4m3", "mxfp8_e5m2", "mxint8", "mxint6", "mxint4", "nvfp4", "nvint4", "complex_pm1_pmi",
            "pow2_4");

    /** One case: a PE, a format pair it supports, a reduction length and a seed for the operands. */
    record Case(PeSpec pe, FormatPair formats, int k, long seed) {
        @Override
        public String toString() {
            return pe.describe() + " on " + formats.label() + ", k=" + k + ", seed " + seed;
        }
    }

    /** Every (PE, weight format, input format) the PE runs, from the catalogue. */
    default List<Object[]> supportedPairs() {
        List<Object[]> out = new ArrayList<>();
        for (PeSpec pe : pes()) {
            int before = out.size();
            for (String w : CATALOGUE) {
                for (String a : CATALOGUE) {
                    FormatPair f = new FormatPair(Formats.byName(w), Formats.byName(a));
                    if (pe.unsupported(f) == null) {
                        out.add(new Object[] {pe, f});
                    }
                }
            }
            assertTrue(out.size() > before, pe.describe() + " runs no format pair of the catalogue");
        }
        return out;
    }

    @Provide
    default Arbitrary<Case> cases() {
        List<Object[]> pairs = supportedPairs();
        return Combinators.combine(Arbitraries.of(pairs), Arbitraries.integers().between(1, 160), Arbitraries.longs())
                .as((p, k, seed) -> {
                    PeSpec pe = (PeSpec) p[0];
                    int g = pe.reductionGranule();
                    return new Case(pe, (FormatPair) p[1], Math.max(g, k / g * g), seed);
                });
    }

    /** A vector of k Gaussian values, one in ten eight times larger (outliers that stretch the scales). */
    static float[] vector(SplittableRandom r, int k, double scale) {
        float[] x = new float[k];
        for (int i = 0; i < k; i++) {
            x[i] = (float) (scale * r.nextGaussian() * (r.nextInt(10) == 0 ? 8 : 1));
        }
        return x;
    }

    static QuantizedTensor quantize(NumberFormat f, float[] x) {
        return f.quantize(x, Segments.whole(x.length));
    }

    /** Operands of a case: weights near unit scale, inputs a few times larger. */
    static QuantizedTensor[] operands(Case c) {
        SplittableRandom r = new SplittableRandom(c.seed());
        return new QuantizedTensor[] {quantize(c.formats().weights(), vector(r, c.k(), 1)), quantize(c.formats().inputs(), vector(r, c.k(), 3))};
    }

    /**
     * {exact value, sum of |products|} of the dot product of the dequantized operands, exactly (BigDecimal); complex
     * weights multiply consecutive pairs of the input as complex numbers and the real part is the result.
     */
    static BigDecimal[] exact(QuantizedTensor w, QuantizedTensor a, FormatPair f) {
        float[] wv = w.values();
        float[] av = a.values();
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal mag = BigDecimal.ZERO;
        boolean complex = f.weights() instanceof ComplexPm1Pmi;
        for (int i = 0; i < wv.length; i++) {
            BigDecimal p = new BigDecimal(wv[i]).multiply(new BigDecimal(av[i]));
            if (complex && i % 2 == 1) {
                p = p.negate();                              // re((wr + i wi)(ar + i ai)) = wr ar - wi ai
            }
            sum = sum.add(p);
            mag = mag.add(p.abs());
        }
        return new BigDecimal[] {sum, mag};
    }

    @Property(tries = 400)
    default void dotEqualsTheExactProductOfTheDequantizedOperands(@ForAll("cases") Case c) {
        QuantizedTensor[] q = operands(c);
        DotResult d = c.pe().dot(q[0], q[1], c.formats(), ActionCounts.builder());
        Assume.that(!d.overflow());                          // an overflowing accumulator has no exact value to meet
        BigDecimal[] e = exact(q[0], q[1], c.formats());
        double scales = Math.abs(q[0].scales()[0] * (double) q[1].scales()[0]);
        double bound = (2 * Math.scalb(1.0, 1 - c.pe().operandSignificandBits()) + (c.k() + 4) * 0x1p-24) * e[1].doubleValue()
                + c.pe().truncationErrorBound(c.k(), scales) + 0x1p-120;
        double err = Math.abs(new BigDecimal(d.value()).subtract(e[0], MathContext.DECIMAL64).doubleValue());
        assertTrue(err <= bound, c + ": PE gives " + d.value() + ", exact " + e[0].doubleValue() + " (error " + err + " > bound " + bound + ")");
    }

    @Property(tries = 300)
    default void countedActionsEqualTheOperationsOfTheDatapath(@ForAll("cases") Case c) {
        QuantizedTensor[] q = operands(c);
        ActionCounts.Builder tally = ActionCounts.builder();
        c.pe().dot(q[0], q[1], c.formats(), tally);
        long zeros = 0;
        for (float v : q[0].values()) {
            zeros += v == 0 ? 1 : 0;
        }
        ActionCounts.Builder counted = ActionCounts.builder();
        c.pe().countActions(counted, new PeWork(c.k(), 1, 1, c.k(), c.formats(), (double) zeros / c.k()));
        assertEquals(peActions(counted.build()), peActions(tally.build()), c + ": counted actions (left) vs datapath operations (right)");
    }

    /** The actions of the PE array and the dequantization units (the PE's own hardware). */
    private static Map<String, Long> peActions(ActionCounts a) {
        Map<String, Long> m = new TreeMap<>();
        for (Map.Entry<ActionKey, Long> e : a.asMap().entrySet()) {
            if (e.getKey().component() == Component.PE_ARRAY || e.getKey().component() == Component.DEQUANT_UNIT) {
                m.put(e.getKey().toString(), e.getValue());
            }
        }
        return m;
    }

    @Property(tries = 120)
    default void throughputAgreesWithTheCycleSteppedArray(@ForAll("cases") Case c, @ForAll Dataflow dataflow,
                                                         @ForAll @IntRange(min = 1, max = 8) int rows, @ForAll @IntRange(min = 1, max = 8) int cols,
                                                         @ForAll @IntRange(min = 1, max = 40) int m, @ForAll @IntRange(min = 1, max = 40) int n) {
        Architecture arch = Architecture.DEFAULT.withArray(new ArraySpec(rows, cols, dataflow)).withPe(c.pe())
                .withMemory(new MemorySpec(4096, 4096, 4096, Double.POSITIVE_INFINITY, true));
        TensorQuant w = TensorQuant.of(c.formats().weights());
        TensorQuant a = TensorQuant.of(c.formats().inputs());
        QuantPolicy p = QuantPolicy.uniform("contract", new LayerQuant(w, a, a, w, Ptq.RTN));
        Gemm g = new Gemm("g", m, n, c.k(), false);
        LayerResult cycle = Simulator.layer(arch, g, p, Fidelity.CYCLE);   // throws if the stepped array disagrees
        LayerResult analytic = Simulator.layer(arch, g, p, Fidelity.ANALYTIC);
        assertEquals(analytic.gemm(), cycle.gemm(), c.toString());
        assertEquals((long) m * n * c.k(), analytic.gemm().macs());
        assertFalse(analytic.utilization() > 1 + 1e-12, c + ": utilization " + analytic.utilization() + " above the PE's peak");
    }
}
