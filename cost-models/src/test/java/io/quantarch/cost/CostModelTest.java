package io.quantarch.cost;

import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.ActionKey;
import io.quantarch.cost.actions.ActionKind;
import io.quantarch.cost.actions.Component;
import io.quantarch.cost.actions.Variant;
import io.quantarch.cost.estimate.CostModel;
import io.quantarch.cost.estimate.CostModels;
import io.quantarch.cost.actions.Inventory;
import io.quantarch.cost.actions.Part;
import io.quantarch.cost.actions.UnitKind;
import io.quantarch.cost.memory.DramTechnologies;
import io.quantarch.cost.memory.SramMacro;
import io.quantarch.cost.memory.TableSram;
import io.quantarch.cost.table.TechScaling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CostModelTest {

    static final CostModel H45 = CostModels.byName("horowitz45");
    /** Buffers at the table's own capacities, priced by the table's SRAM rows (the legacy {@code table} SRAM model). */
    static final Inventory NONE = new Inventory(List.of(), Map.of(Component.IFMAP_SRAM, new SramMacro(8192, 64, 1), Component.FILTER_SRAM,
            new SramMacro(32768, 64, 1), Component.OFMAP_SRAM, new SramMacro(1048576, 64, 1)), DramTechnologies.byName("ddr3"), TableSram.NAME);

    static double e(ActionKind a, String v) {
        return H45.energyPerAction(ActionKey.of(Component.PE_ARRAY, a, Variant.parse(v)), NONE);
    }

    static double area(UnitKind k, String v) {
        return H45.areaUm2(Inventory.of(List.of(new Part(Component.PE_ARRAY, k, Variant.parse(v), 1)))).total();
    }

    @Test
    void at45nmTheTableReproducesHorowitzExactly() {
        assertEquals(0.03, e(ActionKind.ADD, "int:8"), 1e-12);
        assertEquals(0.05, e(ActionKind.ADD, "int:16"), 1e-12);
        assertEquals(0.1, e(ActionKind.ADD, "int:32"), 1e-12);
        assertEquals(0.2, e(ActionKind.MULTIPLY, "int:8x8"), 1e-12);
        assertEquals(3.1, e(ActionKind.MULTIPLY, "int:32x32"), 1e-12);
        assertEquals(0.4, e(ActionKind.ADD, "fp:5,10"), 1e-12);
        assertEquals(0.9, e(ActionKind.ADD, "fp:8,23"), 1e-12);
        assertEquals(1.1, e(ActionKind.MULTIPLY, "fp:5,10xfp:5,10"), 1e-12);
        assertEquals(3.7, e(ActionKind.MULTIPLY, "fp:8,23xfp:8,23"), 1e-12);
        assertEquals(36, area(UnitKind.ADDER, "int:8"), 1e-9);
        assertEquals(137, area(UnitKind.ADDER, "int:32"), 1e-9);
        assertEquals(282, area(UnitKind.MULTIPLIER, "int:8x8"), 1e-9);
        assertEquals(3495, area(UnitKind.MULTIPLIER, "int:32x32"), 1e-9);
        assertEquals(1640, area(UnitKind.MULTIPLIER, "fp:5,10xfp:5,10"), 1e-9);
        assertEquals(7700, area(UnitKind.MULTIPLIER, "fp:8,23xfp:8,23"), 1e-9);
        assertEquals(4184, area(UnitKind.ADDER, "fp:8,23"), 1e-9);
        // SRAM: 64-bit access energy at the table's capacities, per bit
        assertEquals(10.0 / 64, H45.energyPerAction(ActionKey.of(Component.IFMAP_SRAM, ActionKind.SRAM_READ, Variant.parse("bits")), NONE), 1e-12);
        assertEquals(20.0 / 64, H45.energyPerAction(ActionKey.of(Component.FILTER_SRAM, ActionKind.SRAM_READ, Variant.parse("bits")), NONE), 1e-12);
        assertEquals(100.0 / 64, H45.energyPerAction(ActionKey.of(Component.OFMAP_SRAM, ActionKind.SRAM_WRITE, Variant.parse("bits")), NONE), 1e-12);
    }

    @Test
    void int8MacVersusFp32MacRatiosMatchTheTable() {
        // INT8 MAC = 8-bit multiply + 32-bit accumulate; FP32 MAC = FP32 multiply + FP32 add (Horowitz 2014)
        ActionCounts int8 = ActionCounts.builder().add(Component.PE_ARRAY, ActionKind.MULTIPLY, Variant.parse("int:8x8"), 1000)
                .add(Component.PE_ARRAY, ActionKind.ADD, Variant.parse("int:32"), 1000).build();
        ActionCounts fp32 = ActionCounts.builder().add(Component.PE_ARRAY, ActionKind.MULTIPLY, Variant.parse("fp:8,23xfp:8,23"), 1000)
                .add(Component.PE_ARRAY, ActionKind.ADD, Variant.parse("fp:8,23"), 1000).build();
        double energyRatio = H45.energyPj(fp32, NONE).total() / H45.energyPj(int8, NONE).total();
        assertEquals((3.7 + 0.9) / (0.2 + 0.1), energyRatio, 1e-9, "15.3x energy");
        double areaRatio = (area(UnitKind.MULTIPLIER, "fp:8,23xfp:8,23") + area(UnitKind.ADDER, "fp:8,23"))
                / (area(UnitKind.MULTIPLIER, "int:8x8") + area(UnitKind.ADDER, "int:32"));
        assertEquals((7700.0 + 4184) / (282 + 137), areaRatio, 1e-9, "28.4x area");
    }

    @Test
    void multiplierCostGrowsWithTheProductOfWidthsAndFpCostsMoreThanInt() {
        assertEquals(e(ActionKind.MULTIPLY, "int:4x16"), e(ActionKind.MULTIPLY, "int:8x8"), 1e-12, "same product of widths");
        assertTrue(e(ActionKind.MULTIPLY, "int:4x4") < e(ActionKind.MULTIPLY, "int:8x8") / 3);
        assertTrue(e(ActionKind.MULTIPLY, "fp:4,3xfp:4,3") > e(ActionKind.MULTIPLY, "int:8x8"), "FP8 multiply above INT8");
        assertTrue(e(ActionKind.MULTIPLY, "fp:2,1xfp:2,1") > e(ActionKind.MULTIPLY, "int:4x4"), "FP4 multiply above INT4");
        assertTrue(e(ActionKind.MULTIPLY, "fp:4,3xfp:4,3") < e(ActionKind.MULTIPLY, "fp:5,10xfp:5,10"));
    }

    @Test
    void scaledNodesFollowStillmakerBaasAndDramDoesNotScale() {
        // the HP rows throughout: 45 nm at 0.9 V to 7 nm at 0.7 V is (0.1776*0.49 - 0.09097*0.7 + 0.02447) / (1.018*0.81 - 0.3107*0.9 + 0.1539)
        assertEquals((0.1776 * 0.49 - 0.09097 * 0.7 + 0.02447) / (1.018 * 0.81 - 0.3107 * 0.9 + 0.1539), TechScaling.energyFrom45(7), 1e-12);
        assertEquals(0.0684, TechScaling.energyFrom45(7), 5e-4);
        assertEquals(1.0, TechScaling.energyFrom45(45), 1e-12);
        double e28 = TechScaling.energyFrom45(28);
        double e16 = TechScaling.energyFrom45(16);
        double e7 = TechScaling.energyFrom45(7);
        assertTrue(1 > e28 && e28 > e16 && e16 > e7 && e7 > 0.02, e28 + " " + e16 + " " + e7);
        assertEquals(1 / 5.3, TechScaling.areaFrom45(16), 1e-12);
        assertEquals(1 / 17.0, TechScaling.areaFrom45(7), 1e-12);
        CostModel c16 = CostModels.byName("horowitz45@16");
        assertEquals(0.2 * e16, c16.energyPerAction(ActionKey.of(Component.PE_ARRAY, ActionKind.MULTIPLY, Variant.parse("int:8x8")), NONE), 1e-12);
        ActionKey dram = ActionKey.of(Component.DRAM, ActionKind.DRAM_READ, Variant.parse("bits"));
        assertEquals(H45.energyPerAction(dram, NONE), c16.energyPerAction(dram, NONE), 1e-12);
        assertEquals(1950.0 / 64, H45.energyPerAction(dram, NONE), 1e-12, "the inventory's DRAM technology: DDR3, Horowitz's midpoint");
        assertEquals(8.0, H45.energyPerAction(dram, Inventory.of(List.of())), 1e-12, "the default DRAM technology: LPDDR4");
    }

    @TempDir
    Path tmp;

    @Test
    void userTablesNeedNoJavaAndBadOnesNameTheLine() throws IOException {
        Path t = tmp.resolve("my.csv");
        StringBuilder sb = new StringBuilder("unit,size,energy_pj,area_um2,source,citation\n");
        for (String line : Files.readAllLines(Path.of("src/main/resources/io/quantarch/cost/horowitz45.csv")).subList(1, 17)) {
            sb.append(line.replace("int_mult,8,0.2,282", "int_mult,8,0.1,200")).append('\n');
        }
        Files.writeString(t, sb.toString());
        CostModel mine = CostModels.byName("table:" + t);
        assertEquals(0.1, mine.energyPerAction(ActionKey.of(Component.PE_ARRAY, ActionKind.MULTIPLY, Variant.parse("int:8x8")), NONE), 1e-12);
        Files.writeString(t, "unit,size,energy_pj,area_um2,source,citation\nint_add,8,-1,36,x,y\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CostModels.byName("table:" + t));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("energy_pj") && e.getMessage().contains("'-1'"), e.getMessage());
        Files.writeString(t, "unit,size,energy_pj,area_um2,source,citation\nint_adder,8,1,36,x,y\n");
        e = assertThrows(IllegalArgumentException.class, () -> CostModels.byName("table:" + t));
        assertTrue(e.getMessage().contains("'int_adder'"), e.getMessage());
        Files.writeString(t, "unit,size,energy_pj,area_um2,source,citation\nint_add,8,1,36,x,\n");
        e = assertThrows(IllegalArgumentException.class, () -> CostModels.byName("table:" + t));
        assertTrue(e.getMessage().contains("citation"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CostModels.byName("horowitz46"));
        assertTrue(e.getMessage().contains("horowitz45@16"), e.getMessage());
    }
}
