package io.quantarch.pricing;

import io.quantarch.cost.actions.ActionKey;
import io.quantarch.cost.actions.Component;
import io.quantarch.cost.estimate.CostModel;
import io.quantarch.cost.estimate.CostModels;
import io.quantarch.simulator.Architecture;
import io.quantarch.simulator.Fidelity;
import io.quantarch.simulator.OperandBits;
import io.quantarch.simulator.SimulationResult;
import io.quantarch.simulator.Simulator;
import io.quantarch.simulator.array.ArraySpec;
import io.quantarch.simulator.array.Dataflow;
import io.quantarch.simulator.memory.MemorySpec;
import io.quantarch.workloads.layer.Gemm;
import io.quantarch.workloads.layer.Workload;
import io.quantarch.workloads.zoo.Zoo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Simulation priced by the Horowitz 45 nm table, against sums done by hand from the table's numbers. */
class PricingTest {

    static final CostModel H45 = CostModels.byName("horowitz45");

    @Test
    void defaultArchitectureAreaIsTheSumOfItsUnitsFromTheTable() {
        PricedResult p = PricedResult.of(Simulator.run(Architecture.DEFAULT, new Workload("w", List.of(new Gemm("g", 8, 8, 8, false))),
                Simulator.defaultInt8Policy(), Fidelity.ANALYTIC), H45);
        double pe = 282 + 137 + (8 + 8 + 32) * 5.98;             // 8x8 multiplier, 32-bit adder, 48 register bits
        double sram = 256 * 1024 * 8 * 0.577;                     // bits x (0.346 um2 cell / 0.6 array efficiency), rounded in the table
        double vector = 32 * (4184 + 7700);                       // FP32 adder and multiplier per lane
        assertEquals(1024 * pe, p.areaUm2().get(Component.PE_ARRAY), 1e-6);
        assertEquals(sram, p.areaUm2().get(Component.IFMAP_SRAM), 1e-6);
        assertEquals(vector, p.areaUm2().get(Component.VECTOR_UNIT), 1e-6);
        assertEquals((1024 * pe + 3 * sram + vector) / 1e6, p.areaMm2(), 1e-9);
    }

    @Test
    void peArrayEnergyOfAnInt8GemmIsMultiplyPlusAccumulatePlusRegistersPerMac() {
        Architecture a = Architecture.DEFAULT.withArray(new ArraySpec(16, 16, Dataflow.OS))
                .withMemory(new MemorySpec(1024, 1024, 1024, Double.POSITIVE_INFINITY, true));
        long m = 64;
        long n = 48;
        long k = 100;
        SimulationResult r = Simulator.run(a, new Workload("w", List.of(new Gemm("g", m, n, k, false))), Simulator.defaultInt8Policy(), Fidelity.ANALYTIC);
        PricedResult p = PricedResult.of(r, H45);
        long macs = m * n * k;
        OperandBits b = r.layers().get(0).bits();
        // OS: both operands move one PE per MAC and the accumulator is rewritten every MAC
        double regBits = Math.round(macs * (b.ifmapBits() + b.filterBits())) + macs * 32.0;
        assertEquals(macs * (0.2 + 0.1) + regBits * 0.009, p.energyPj().get(Component.PE_ARRAY), 1e-6);
        // DRAM: 1.95 nJ per 64-bit access, each operand once (everything fits)
        double dramBits = Math.round(m * k * b.ifmapBits() + k * n * b.filterBits()) + Math.round(m * n * b.ofmapBits());
        assertEquals(dramBits * 1950.0 / 64, p.energyPj().get(Component.DRAM), 1e-3);
        // every component's energy is the sum over its actions of count x energy per action
        double sum = 0;
        for (Map.Entry<ActionKey, Long> e : r.layers().get(0).actions().asMap().entrySet()) {
            sum += e.getValue() * H45.energyPerAction(e.getKey(), p.inventory());
        }
        assertEquals(sum, p.totalEnergyPj(), 1e-6 * sum);
    }

    @Test
    void lowerPrecisionAndSmallerNodesCostLessOnTheSameWorkload() {
        Workload w = Zoo.byName("resnet18");
        SimulationResult int8 = Simulator.run(Architecture.DEFAULT, w, Simulator.defaultInt8Policy(), Fidelity.ANALYTIC);
        double e45 = PricedResult.of(int8, H45).totalEnergyPj();
        double e7 = PricedResult.of(int8, CostModels.byName("horowitz45@7")).totalEnergyPj();
        assertTrue(e7 < e45, e7 + " vs " + e45);
        double a45 = PricedResult.of(int8, H45).areaMm2();
        double a7 = PricedResult.of(int8, CostModels.byName("horowitz45@7")).areaMm2();
        assertTrue(a7 < a45 / 10, "7 nm area " + a7 + " vs 45 nm " + a45);
        // per-layer breakdowns add up to the workload's
        PricedResult p = PricedResult.of(int8, H45);
        assertEquals(p.layerEnergyPj().stream().mapToDouble(b -> b.total()).sum(), p.totalEnergyPj(), 1e-6 * p.totalEnergyPj());
    }
}
