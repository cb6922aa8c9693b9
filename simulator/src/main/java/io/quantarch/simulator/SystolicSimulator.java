package io.quantarch.simulator;

import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.ActionKind;
import io.quantarch.cost.actions.Component;
import io.quantarch.simulator.array.FoldPlan;
import io.quantarch.simulator.functional.CycleArray;
import io.quantarch.simulator.functional.IntAccumulator;
import io.quantarch.simulator.memory.MemorySpec;
import io.quantarch.simulator.memory.OperandLayout;
import io.quantarch.simulator.memory.ScaleSimMemory;
import io.quantarch.simulator.memory.TrafficModel;
import io.quantarch.simulator.array.ArraySpec;
import io.quantarch.simulator.pe.FormatPair;
import io.quantarch.simulator.pe.PeWork;
import io.quantarch.simulator.pe.Throughput;
import io.quantarch.workloads.layer.GemmOp;

/**
 * One GEMM on a systolic array with its memory system: cycles (compute and stall), SRAM and DRAM counts per
 * operand, and the actions of every component. Counts only; the cost model prices them.
 */
public final class SystolicSimulator {

    /** Above this many PE-cycles the cycle-stepped fidelity refuses (it steps every PE every cycle). */
    public static final long MAX_CYCLE_STEPPED_WORK = 4_000_000_000L;

    private SystolicSimulator() {
    }

    /**
     * Simulates one instance of {@code g} (callers multiply by {@code g.repeat()}).
     *
     * @param layout     operand addresses (for SCALE-Sim's DRAM model)
     * @param ifmapUnique distinct input elements of one instance
     */
    public static GemmStats simulate(GemmOp g, OperandLayout layout, long ifmapUnique, Architecture arch, OperandBits bits,
                                     FormatPair formats, Fidelity fidelity) {
        String why = arch.pe().unsupported(formats);
        if (why != null) {
            throw new IllegalArgumentException(g.name() + ": " + why);
        }
        Throughput tp = arch.pe().throughput(formats);
        if (arch.compat() == Compat.SCALESIM && !tp.equals(Throughput.ONE)) {
            throw new IllegalArgumentException(g.name() + ": compat scalesim models SCALE-Sim's one-MAC-per-cycle PE; "
                    + arch.pe().name() + " on " + formats.label() + " needs compat none");
        }
        // the reduction is mapped in groups of the PE's lanes; extra output lanes act as extra columns
        ArraySpec logical = new ArraySpec(arch.array().rows(), arch.array().cols() * tp.outputLanes(), arch.array().dataflow());
        FoldPlan p = FoldPlan.of(logical, g.m(), g.n(), g.k(), tp.timeFactor(), tp.reductionLanes());
        boolean scaleSim = arch.compat() == Compat.SCALESIM;
        TrafficModel.Traffic traffic = scaleSim ? null : TrafficModel.of(p, ifmapUnique, bits, arch.memory());
        long tiles = scaleSim ? 1 : traffic.streamTiles();
        long compute = scaleSim ? p.computeCycles() : traffic.computeCycles();
        if (fidelity == Fidelity.CYCLE) {
            if (scaleSim) {
                checkCycleStepped(g, logical, tp.timeFactor(), tp.reductionLanes(), tiles, compute, arch);
            } else {
                checkPipelined(g, p, tiles, compute);
            }
        }
        // SRAM reads of each operand: the stationary operand is read once per fold, the streamed once per tile
        long[] reads = switch (arch.array().dataflow()) {
            case OS -> new long[] {g.m() * g.k() * p.colFolds(), g.k() * g.n() * p.rowFolds()};
            case WS -> new long[] {g.m() * g.k() * p.colFolds(), g.k() * g.n() * tiles};
            case IS -> new long[] {g.m() * g.k() * tiles, g.k() * g.n() * p.colFolds()};
        };
        long sramI = reads[0];
        long sramF = reads[1];
        if (scaleSim) {
            compute = compute - 1;                 // SCALE-Sim reports the last cycle's index, not a count (reference README, item 1)
        }
        Memory mem = scaleSim ? Memory.scaleSim(p, layout, arch, bits, g.m() * g.n()) : Memory.of(traffic);
        long stalls = mem.stalls();
        ActionCounts actions = actions(p, arch, tp, bits, formats, sramI, sramF, mem.sramOW(), mem.sramOR(), mem.ib() + mem.fb() + mem.orb(),
                mem.owb(), compute + stalls);
        return new GemmStats(p.macs(), compute, stalls, p.mappingEfficiency(), p.folds(), sramI, sramF, mem.sramOW(), mem.sramOR(),
                mem.dramI(), mem.dramF(), mem.dramOW(), mem.dramOR(), mem.ib(), mem.fb(), mem.owb(), mem.orb(), actions);
    }

    /** Output-buffer and DRAM traffic of one GEMM and its bandwidth stalls, from one of the two accounting models. */
    private record Memory(long sramOW, long sramOR, long dramI, long dramF, long dramOW, long dramOR, double ib, double fb, double owb,
                          double orb, long stalls) {

        static Memory of(TrafficModel.Traffic t) {
            return new Memory(t.sramOfmapWrites(), t.sramOfmapReads(), t.dramIfmapReads(), t.dramFilterReads(), t.dramOfmapWrites(),
                    t.dramOfmapReads(), t.ifmapBytes(), t.filterBytes(), t.ofmapWriteBytes(), t.ofmapReadBytes(), t.stallCycles());
        }

        /** SCALE-Sim's: its set-window buffers' DRAM reads and stalls, its OS double increment, partial sums to DRAM. */
        static Memory scaleSim(FoldPlan p, OperandLayout layout, Architecture arch, OperandBits bits, long outputs) {
            boolean os = arch.array().dataflow() == io.quantarch.simulator.array.Dataflow.OS;
            ScaleSimMemory.Result r = ScaleSimMemory.run(p, layout, arch.memory());
            long sramOW = os ? outputs + p.folds() * (arch.array().rows() + arch.array().cols())   // its double increment (issue #166)
                    : outputs * p.rowFolds();
            long dramOW = os ? outputs : outputs * p.rowFolds();                                      // partial sums go to DRAM
            double owb = os ? outputs * bits.ofmapBits() / 8
                    : outputs * (p.rowFolds() - 1) * bits.psumBits() / 8 + outputs * bits.ofmapBits() / 8;
            return new Memory(sramOW, 0, r.dramIfmapReads(), r.dramFilterReads(), dramOW, 0, r.dramIfmapReads() * bits.ifmapBits() / 8,
                    r.dramFilterReads() * bits.filterBits() / 8, owb, 0, r.stallCycles());
        }
    }

    /**
     * Runs the register-level array on the same shape (tile by tile when the streamed dimension is tiled, the
     * streamed dimension stretched by the PE's cycles per element, the reduction in groups of the PE's lanes) and
     * insists on the analytic cycle count.
     */
    /** compat none: the pipelined fold schedule stepped cycle by cycle must give the closed form's count. */
    private static void checkPipelined(GemmOp g, FoldPlan p, long tiles, long compute) {
        if (p.folds() * tiles > MAX_CYCLE_STEPPED_WORK / 64) {
            throw new IllegalArgumentException(g.name() + ": " + p.folds() * tiles + " fold-tiles is too many for the cycle-stepped fidelity; "
                    + "use the analytic fidelity");
        }
        long stepped = io.quantarch.simulator.functional.PipelinedFolds.cycles(p.array().dataflow(), p.array().rows(), p.array().cols(),
                p.foldTileSteps(tiles));
        if (stepped != compute) {
            throw new IllegalStateException(g.name() + ": cycle-stepped " + stepped + " != analytic " + compute + " cycles (pipelined folds)");
        }
    }

    private static void checkCycleStepped(GemmOp g, ArraySpec logical, int tf, int lanes, long tiles, long compute, Architecture arch) {
        long work = compute * logical.pes();
        if (work > MAX_CYCLE_STEPPED_WORK) {
            throw new IllegalArgumentException(g.name() + ": " + work + " PE-cycles is too much for the cycle-stepped fidelity "
                    + "(limit " + MAX_CYCLE_STEPPED_WORK + "); use the analytic fidelity");
        }
        io.quantarch.simulator.array.Dataflow d = logical.dataflow();
        long streamed = d == io.quantarch.simulator.array.Dataflow.WS ? g.m() : d == io.quantarch.simulator.array.Dataflow.IS ? g.n() : 0;
        long stepped = 0;
        for (long t = 0; t < tiles; t++) {
            long len = streamed / tiles + (t < streamed % tiles ? 1 : 0);     // any split: cycles depend on the tile count only
            long sm = d == io.quantarch.simulator.array.Dataflow.WS ? len * tf : g.m();
            long sn = d == io.quantarch.simulator.array.Dataflow.IS ? len * tf : g.n();
            long kGroups = (g.k() + lanes - 1) / lanes;                          // a lane group moves through the array as one element
            long sk = d == io.quantarch.simulator.array.Dataflow.OS ? kGroups * tf : kGroups;
            stepped += CycleArray.run(logical, null, null, (int) sm, (int) sn, (int) sk,
                    new IntAccumulator(Math.min(63, arch.pe().accumulatorBits()))).cycles();
        }
        if (stepped != compute) {
            throw new IllegalStateException(g.name() + ": cycle-stepped " + stepped + " != analytic " + compute + " cycles");
        }
    }

    static ActionCounts actions(FoldPlan p, Architecture arch, Throughput tp, OperandBits bits, FormatPair formats, long sramI, long sramF, long sramOW, long sramOR,
                                double dramReadBytes, double dramWriteBytes, long cycles) {
        ActionCounts.Builder b = ActionCounts.builder();
        int acc = arch.pe().accumulatorBits();
        long macs = p.macs();
        arch.pe().countActions(b, new PeWork(macs, p.m() * p.n(), p.m(), p.k(), formats));
        // operand forwarding between PE registers: the streamed operand(s) move one PE per MAC; the partial sum
        // is written every PE step (kept in place for OS, passed down for WS/IS); stationary operands load once
        // per fold (and per streamed tile)
        double streamedBits = switch (arch.array().dataflow()) {
            case OS -> bits.ifmapBits() + bits.filterBits();
            case WS -> bits.ifmapBits();
            case IS -> bits.filterBits();
        };
        long stationaryBits = switch (arch.array().dataflow()) {
            case OS -> 0;
            case WS -> Math.round(sramF * bits.filterBits());
            case IS -> Math.round(sramI * bits.ifmapBits());
        };
        // the accumulator is written once per PE step: once per reduction-lane group, once per bit-serial cycle
        long accWrites = (macs * tp.timeFactor() + tp.reductionLanes() - 1) / tp.reductionLanes();
        b.add(Component.PE_ARRAY, ActionKind.REG_WRITE, io.quantarch.cost.actions.Variant.BITS, Math.round(macs * streamedBits) + accWrites * acc + stationaryBits);
        b.add(Component.PE_ARRAY, ActionKind.ACTIVE_CYCLES, io.quantarch.cost.actions.Variant.NONE, cycles);
        b.add(Component.IFMAP_SRAM, ActionKind.SRAM_READ, io.quantarch.cost.actions.Variant.ELEMENTS, sramI);
        b.add(Component.IFMAP_SRAM, ActionKind.SRAM_READ, io.quantarch.cost.actions.Variant.BITS, Math.round(sramI * bits.ifmapBits()));
        b.add(Component.FILTER_SRAM, ActionKind.SRAM_READ, io.quantarch.cost.actions.Variant.ELEMENTS, sramF);
        b.add(Component.FILTER_SRAM, ActionKind.SRAM_READ, io.quantarch.cost.actions.Variant.BITS, Math.round(sramF * bits.filterBits()));
        long finals = p.m() * p.n();
        long psumWrites = sramOW - Math.min(sramOW, finals);
        b.add(Component.OFMAP_SRAM, ActionKind.SRAM_WRITE, io.quantarch.cost.actions.Variant.ELEMENTS, sramOW);
        b.add(Component.OFMAP_SRAM, ActionKind.SRAM_WRITE, io.quantarch.cost.actions.Variant.BITS, Math.round(finals * bits.ofmapBits() + psumWrites * bits.psumBits()));
        b.add(Component.OFMAP_SRAM, ActionKind.SRAM_READ, io.quantarch.cost.actions.Variant.ELEMENTS, sramOR);
        b.add(Component.OFMAP_SRAM, ActionKind.SRAM_READ, io.quantarch.cost.actions.Variant.BITS, Math.round(sramOR * bits.psumBits()));
        b.add(Component.DRAM, ActionKind.DRAM_READ, io.quantarch.cost.actions.Variant.BITS, Math.round(dramReadBytes * 8));
        b.add(Component.DRAM, ActionKind.DRAM_WRITE, io.quantarch.cost.actions.Variant.BITS, Math.round(dramWriteBytes * 8));
        return b.build();
    }

    /** SRAM capacity check helper for reports. */
    static long capacity(double kb, double bits) {
        return MemorySpec.capacity(kb, bits);
    }
}
