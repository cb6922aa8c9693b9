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
        // 256 kB in 4 banks of 64-bit words (the bank rule for 32 rows of 8-bit lanes): CACTI's 64 kB 64-bit macro at 45 nm,
        // cacti-sram-grid.csv row "45,65536,64,1,...,0.209046", four times
        double sram = 4 * 209046.0;
        double vector = 32 * (4184 + 7700);                       // FP32 adder and multiplier per lane
        assertEquals(1024 * pe, p.areaUm2().get(Component.PE_ARRAY), 1e-6);
        assertEquals(sram, p.areaUm2().get(Component.IFMAP_SRAM), 1e-6);
        assertEquals(vector, p.areaUm2().get(Component.VECTOR_UNIT), 1e-6);
        double ofmap = 16 * 50742.0;                              // 32 columns of 32-bit partial sums: 16 banks of 16 kB, row "45,16384,64,1"
        assertEquals(ofmap, p.areaUm2().get(Component.OFMAP_SRAM), 1e-6);
        assertEquals((1024 * pe + 2 * sram + ofmap + vector) / 1e6, p.areaMm2(), 1e-9);
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
        // datapath flip-flops at the calibrated 0.0007 pJ/bit (pipeline_register_bit)
        assertEquals(macs * (0.2 + 0.1) + regBits * 0.0007, p.dynamicEnergyPj().get(Component.PE_ARRAY), 1e-6);
        // DRAM: the default technology, LPDDR4 at 8 pJ/bit, each operand once (everything fits)
        double dramBits = Math.round(m * k * b.ifmapBits() + k * n * b.filterBits()) + Math.round(m * n * b.ofmapBits());
        assertEquals(dramBits * 8.0, p.dynamicEnergyPj().get(Component.DRAM), 1e-3);
        // every component's energy is the sum over its actions of count x energy per action
        double sum = 0;
        for (Map.Entry<ActionKey, Long> e : r.layers().get(0).actions().asMap().entrySet()) {
            sum += e.getValue() * H45.energyPerAction(e.getKey(), p.inventory());
        }
        assertEquals(sum, p.dynamicEnergyPj().total(), 1e-6 * sum);
        // leakage: the inventory's leakage power over the run's latency
        assertEquals(p.leakageMw().total() * r.latencySeconds() * 1e9, p.leakageEnergyPj().total(), 1e-6 * p.leakageEnergyPj().total());
        assertEquals(p.dynamicEnergyPj().total() + p.leakageEnergyPj().total(), p.totalEnergyPj(), 1e-6 * sum);
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
        double layers = 0;
        for (int i = 0; i < p.layerEnergyPj().size(); i++) {
            layers += p.layerTotalPj(i);
        }
        assertEquals(layers, p.totalEnergyPj(), 1e-6 * p.totalEnergyPj());
    }
}
