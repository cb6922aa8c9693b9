package io.quantarch.simulator.memory;

import io.quantarch.simulator.array.FoldPlan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass of a GEMM's demand stream through SCALE-Sim's CALC-mode read buffers: what the simulation needs (DRAM reads)
 * and what its DETAILED_ACCESS_REPORT needs (the demand rows' spans, the buffers' DRAM spans). The pass costs tens of
 * millions of steps on a ResNet layer, so the last results are kept (a pure function of its inputs) and the report reuses
 * the simulation's instead of replaying the stream again.
 *
 * @param ifmapRows  first and last demand row of the ifmap ({Long.MAX_VALUE, -1} when none)
 * @param filterRows the same for the filter
 */
record CalcReplay(long[] ifmapRows, long[] filterRows, long dramIfmapReads, long dramFilterReads, long[] ifmapDramSpan, long[] filterDramSpan) {

    private static final int KEPT = 64;
    private static final Map<List<Object>, CalcReplay> LAST = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, CalcReplay> e) {
            return size() > KEPT;
        }
    };

    static CalcReplay of(FoldPlan plan, OperandLayout layout, MemorySpec mem) {
        long ifmapElems = (long) (mem.ifmapKb() * 1024);
        long filterElems = (long) (mem.filterKb() * 1024);
        List<Object> key = List.of(plan, layout.key(), ifmapElems, filterElems);
        synchronized (LAST) {
            CalcReplay r = LAST.get(key);
            if (r != null) {
                return r;
            }
        }
        DemandStream demands = new DemandStream(plan, layout);
        long[] ifmap = {Long.MAX_VALUE, -1};
        long[] filter = {Long.MAX_VALUE, -1};
        ScaleSimCalcBuffer ib = new ScaleSimCalcBuffer(ifmapElems, layout.ifmapSpace());
        ScaleSimCalcBuffer fb = new ScaleSimCalcBuffer(filterElems, layout.filterSpace());
        demands.ifmap((row, a) -> {
            span(ifmap, row);
            ib.demand(row, a);
        });
        demands.filter((row, a) -> {
            span(filter, row);
            fb.demand(row, a);
        });
        CalcReplay r = new CalcReplay(ifmap, filter, ib.dramReads(), fb.dramReads(), ib.dramSpan(), fb.dramSpan());
        synchronized (LAST) {
            LAST.put(key, r);
        }
        return r;
    }

    static void span(long[] s, long row) {
        s[0] = Math.min(s[0], row);
        s[1] = Math.max(s[1], row);
    }
}
