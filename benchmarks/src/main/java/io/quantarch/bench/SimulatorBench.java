package io.quantarch.bench;

import io.quantarch.simulator.Architecture;
import io.quantarch.simulator.Fidelity;
import io.quantarch.simulator.SimulationResult;
import io.quantarch.simulator.Simulator;
import io.quantarch.simulator.array.ArraySpec;
import io.quantarch.simulator.array.Dataflow;
import io.quantarch.simulator.array.FoldPlan;
import io.quantarch.simulator.functional.CycleArray;
import io.quantarch.simulator.functional.IntAccumulator;
import io.quantarch.workloads.layer.GemmOp;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.layer.Workload;
import io.quantarch.workloads.policy.QuantPolicy;
import io.quantarch.workloads.zoo.Zoo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Simulation speed in layers per second (one benchmark op = one layer): every ResNet-50 layer (174, incl. the
 * vector layers) on a 32x32 array under each dataflow, analytic fidelity; the cycle-stepped array on a small
 * layer; and, as the in-run baseline, the bare closed-form fold plan of the same layers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SimulatorBench {

    static final int RESNET50_LAYERS = 174;

    Workload resnet50;
    Architecture os;
    Architecture ws;
    Architecture is;
    QuantPolicy policy;

    @Setup
    public void setUp() {
        resnet50 = Zoo.byName("resnet50");
        if (resnet50.layers().size() != RESNET50_LAYERS) {
            throw new IllegalStateException("resnet50 has " + resnet50.layers().size() + " layers");
        }
        ws = Architecture.DEFAULT;
        os = ws.withArray(new ArraySpec(32, 32, Dataflow.OS));
        is = ws.withArray(new ArraySpec(32, 32, Dataflow.IS));
        policy = Simulator.defaultInt8Policy();
    }

    @Benchmark
    @OperationsPerInvocation(3 * RESNET50_LAYERS)
    public long foldPlanOnly() {
        long s = 0;
        for (Architecture a : new Architecture[] {os, ws, is}) {
            for (Layer l : resnet50.layers()) {
                for (GemmOp g : l.gemms()) {
                    s += FoldPlan.of(a.array(), g.m(), g.n(), g.k()).computeCycles();
                }
            }
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(3 * RESNET50_LAYERS)
    public long analyticResnet50AllDataflows() {
        long s = 0;
        for (Architecture a : new Architecture[] {os, ws, is}) {
            SimulationResult r = Simulator.run(a, resnet50, policy, Fidelity.ANALYTIC);
            s += r.totalCycles();
        }
        return s;
    }

    /** A 64x64x64 GEMM on a 16x16 array, every PE stepped every cycle. */
    @Benchmark
    public long cycleSteppedSmallGemm() {
        return CycleArray.run(new ArraySpec(16, 16, Dataflow.WS), null, null, 64, 64, 64, new IntAccumulator(32)).cycles();
    }
}
