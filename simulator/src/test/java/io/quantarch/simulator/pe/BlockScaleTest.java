package io.quantarch.simulator.pe;

import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.ActionKind;
import io.quantarch.cost.actions.Component;
import io.quantarch.cost.actions.Variant;
import io.quantarch.cost.actions.Part;
import io.quantarch.cost.actions.UnitKind;
import io.quantarch.numerics.format.Formats;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mx-dot PE's block-scale datapaths: which formats each runs, what it counts per block, what it is built of. */
class BlockScaleTest {

    private static FormatPair pair(String w, String a) {
        return new FormatPair(Formats.byName(w), Formats.byName(a));
    }

    @Test
    void eachScaleDatapathRunsItsOwnFormatsAndNamesTheFixForOthers() {
        MxDotSpec mx = new MxDotSpec(32, 32);
        MxDotSpec nv = new MxDotSpec(32, 32, BlockScale.E4M3);
        MxDotSpec grp = new MxDotSpec(32, 32, BlockScale.FP32);
        assertNull(mx.unsupported(pair("mxfp4", "mxint8")));
        assertNull(nv.unsupported(pair("nvfp4", "nvfp4")));
        assertNull(grp.unsupported(pair("int4_sym_g32", "int8_sym_g32")));
        String why = mx.unsupported(pair("nvfp4", "nvfp4"));
        assertTrue(why.contains("e8m0") && why.contains("e4m3") && why.contains("pe.scales"), why);
        assertNotNull(nv.unsupported(pair("mxfp4", "mxfp4")));
        assertNotNull(grp.unsupported(pair("int4_asym_g32", "int4_sym_g32")), "zero points are not a scale product");
        assertNotNull(grp.unsupported(pair("int4_sym_channel", "int4_sym_channel")), "one scale per channel is not a block");
        assertNotNull(grp.unsupported(pair("int4_sym_g32", "int4_sym_g16")), "unequal groups");
        assertNotNull(nv.unsupported(pair("nvfp4_k8", "nvfp4_k8")), "blocks smaller than the scale path keeps up with");
    }

    @Test
    void nvfp4CountsOneScaleProductAndOneNarrowMultiplyPerBlockAndATensorScalePerOutput() {
        ActionCounts.Builder b = ActionCounts.builder();
        long outputs = 10;
        long k = 64;
        new MxDotSpec(32, 32, BlockScale.E4M3).countActions(b, new PeWork(outputs * k, outputs, outputs, k, pair("nvfp4", "nvfp4")));
        ActionCounts c = b.build();
        long blocks = outputs * (k / 16);
        assertEquals(blocks, c.get(Component.PE_ARRAY, ActionKind.MULTIPLY, Variant.parse("fp:4,3")));
        assertEquals(blocks, c.get(Component.PE_ARRAY, ActionKind.MULTIPLY, Variant.parse("int:13x8")), "block sum x the scale product's 8-bit significand");
        assertEquals(outputs, c.get(Component.PE_ARRAY, ActionKind.MULTIPLY, Variant.parse("fp:8,23")), "the tensor scales, once per output");
        assertEquals(blocks, c.get(Component.PE_ARRAY, ActionKind.ADD, Variant.parse("fp:8,23")));
        assertEquals(outputs * k, c.get(Component.PE_ARRAY, ActionKind.ADD, Variant.parse("int:13")), "13-bit exact block sums (MxDotWidthTest)");
        assertEquals(outputs * k, c.get(Component.PE_ARRAY, ActionKind.MULTIPLY, Variant.parse("int:2x2")), "E2M1 mantissas with the implicit bit");
        assertEquals(0, c.get(Component.PE_ARRAY, ActionKind.ADD, Variant.parse("int:9")), "no E8M0 exponent add");
    }

    @Test
    void integerGroupsNeedNoAlignmentAndAFloat32ScaleProduct() {
        ActionCounts.Builder b = ActionCounts.builder();
        new MxDotSpec(32, 32, BlockScale.FP32).countActions(b, new PeWork(4 * 96, 4, 4, 96, pair("int4_sym_g32", "int4_sym_g32")));
        ActionCounts c = b.build();
        assertEquals(0, c.total(Component.PE_ARRAY, ActionKind.COMPARE), "integer products share one binary point");
        assertEquals(4 * 3, c.get(Component.PE_ARRAY, ActionKind.MULTIPLY, Variant.parse("fp:8,23")), "one scale product per block pair");
        assertEquals(4 * 3, c.get(Component.PE_ARRAY, ActionKind.MULTIPLY, Variant.parse("int:12x24")), "block sum x the product's significand");
        assertEquals(4 * 96, c.get(Component.PE_ARRAY, ActionKind.ADD, Variant.parse("int:12")));
    }

    @Test
    void aThirtyTwoLaneNvfp4UnitScalesTwoBlocksPerCycle() {
        List<Part> parts = new MxDotSpec(32, 32, BlockScale.E4M3).parts();
        assertEquals(2.0, parts.stream().filter(p -> p.kind() == UnitKind.MULTIPLIER && p.variant().equals(Variant.parse("fp:4,3"))).mapToDouble(Part::count).sum());
        assertEquals(2.0, parts.stream().filter(p -> p.kind() == UnitKind.ADDER && p.variant().equals(Variant.parse("fp:8,23"))).mapToDouble(Part::count).sum());
        List<Part> mx = new MxDotSpec(32, 32).parts();
        assertEquals(1.0, mx.stream().filter(p -> p.kind() == UnitKind.ADDER && p.variant().equals(Variant.parse("int:9"))).mapToDouble(Part::count).sum());
        assertEquals(0, mx.stream().filter(p -> p.kind() == UnitKind.MULTIPLIER && p.variant().toString().startsWith("fp:")).count());
    }
}
