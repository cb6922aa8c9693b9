package io.quantarch.simulator;

import io.quantarch.cost.actions.ActionCounts;
import io.quantarch.cost.actions.ActionKey;
import io.quantarch.cost.actions.ActionKind;
import io.quantarch.cost.actions.Component;
import io.quantarch.cost.actions.Variant;
import io.quantarch.simulator.memory.MemorySpec;
import io.quantarch.workloads.layer.Attention;

import java.util.Map;
import java.util.Optional;

/**
 * Attention as one fused kernel (FlashAttention's tiling, Dao et al. 2022, Algorithm 1) on the systolic array: the two
 * products keep their array cycles, PE actions and on-chip buffer traffic (the score tile is written to and read back from
 * the output buffer), but DRAM sees only Q and O once and K, V once per query tile. Online softmax adds one rescale of
 * the output tile per key tile (a vector multiply per output element).
 *
 * <p>SRAM capacity condition, per query head, in each operand's own format (half of each buffer when double-buffered):
 * a K tile and a V tile of {@code Bc} rows fit the filter buffer ({@code 2 Bc d}), a query tile of {@code Br} rows fits
 * the input buffer ({@code Br d}), and its score tile and output accumulator fit the output buffer
 * ({@code Br (Bc + d)} partial sums). {@code Bc} is as large as the filter buffer allows (the whole key length when it
 * fits), then {@code Br} as large as the other two allow.
 */
public final class FusedAttention {

    /** A fused tiling: query rows per tile, key rows per tile, query tiles, and whether K and V stay resident. */
    public record Tiling(long queryRows, long keyRows, long queryTiles, boolean kvResident) { }

    private FusedAttention() {
    }

    /** The tiling of {@code a} on these buffers, or empty when not even one row of each tile fits. */
    public static Optional<Tiling> tiling(Attention a, MemorySpec mem, OperandBits bits) {
        double half = mem.doubleBuffered() ? 0.5 : 1.0;
        long capF = (long) (MemorySpec.capacity(mem.filterKb(), bits.filterBits()) * half);
        long capI = (long) (MemorySpec.capacity(mem.ifmapKb(), bits.ifmapBits()) * half);
        long capO = (long) (MemorySpec.capacity(mem.ofmapKb(), bits.psumBits()) * half);
        long d = a.headDim();
        long bc = Math.min(a.kvLen(), capF / (2 * d));
        if (bc < 1) {
            return Optional.empty();
        }
        long br = Math.min(a.queryLen(), Math.min(capI / d, capO / (bc + d)));
        if (br < 1) {
            return Optional.empty();
        }
        long tiles = (a.queryLen() + br - 1) / br;
        return Optional.of(new Tiling(br, bc, tiles, bc == a.kvLen()));
    }

    /**
     * The fused layer's statistics from the two products run as GEMMs ({@code scores}: {@code Q K^T}, {@code context}:
     * {@code P V}, both already multiplied by the heads): the scores' DRAM writes and the probabilities' DRAM reads are
     * dropped, K and V are read once per query tile, and stalls follow the new traffic (the first tiles load before
     * compute, the rest overlaps it).
     */
    static GemmStats fuse(Attention a, Tiling t, GemmStats scores, GemmStats context, OperandBits bits, MemorySpec mem) {
        long heads = (long) a.batch() * a.heads();
        long d = a.headDim();
        long kvPasses = t.kvResident() ? 1 : t.queryTiles();
        long q = heads * a.queryLen() * d;
        long k = heads * a.kvLen() * d * kvPasses;
        long v = k;
        long o = heads * a.queryLen() * d;
        double qBytes = q * bits.ifmapBits() / 8;
        double kvBytes = (k + v) * bits.filterBits() / 8;
        double oBytes = o * bits.ofmapBits() / 8;
        long compute = scores.computeCycles() + context.computeCycles();
        long stalls = 0;
        if (!mem.unlimitedBandwidth()) {
            double bw = mem.dramBytesPerCycle();
            double first = (t.queryRows() * d * bits.ifmapBits() + 2 * t.keyRows() * d * bits.filterBits()) / 8;
            double total = qBytes + kvBytes + oBytes;
            stalls = (long) Math.ceil(first / bw + Math.max(0, (total - first) / bw - compute) - 1e-9);
        }
        ActionCounts.Builder b = ActionCounts.builder();
        for (Map.Entry<ActionKey, Long> e : scores.actions().plus(context.actions()).asMap().entrySet()) {
            if (e.getKey().component() != Component.DRAM) {
                b.add(e.getKey(), e.getValue());
            }
        }
        b.add(Component.DRAM, ActionKind.DRAM_READ, Variant.BITS, Math.round((qBytes + kvBytes) * 8));
        b.add(Component.DRAM, ActionKind.DRAM_WRITE, Variant.BITS, Math.round(oBytes * 8));
        GemmStats sum = scores.plus(context);
        return new GemmStats(sum.macs(), compute, stalls, sum.mappingEfficiency(), sum.folds(), sum.sramIfmapReads(), sum.sramFilterReads(),
                sum.sramOfmapWrites(), sum.sramOfmapReads(), q, k + v, o, 0, qBytes, kvBytes, oBytes, 0, b.build());
    }

    /** Online softmax's extra vector work: rescaling the output tile once per key tile. */
    static long rescaleOps(Attention a, Tiling t) {
        long keyTiles = (a.kvLen() + t.keyRows() - 1) / t.keyRows();
        return (long) a.batch() * a.heads() * a.queryLen() * a.headDim() * Math.max(0, keyTiles - 1);
    }
}
