package io.quantarch.simulator.attention;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The static block mask of one (layer, head), calibrated offline as PARO does: from the attention mass the heads of a
 * K/V group put on each (query, key) pair over calibration text, choose the key permutation (identity, or positions
 * sorted by the mass they receive) under which the kept blocks hold the most mass, and keep, for every query block, the
 * {@code ceil(density x causal key blocks)} key blocks of largest mass (ties: lower block index).
 *
 * @param blockOf       key position -> key block (after the permutation)
 * @param keep          [query block][key block]: whether the pair is computed
 * @param reordered     whether the permutation is not the identity
 * @param retainedMass  fraction of the calibration mass inside kept blocks
 */
public record BlockSparseMask(int blockSize, int[] blockOf, boolean[][] keep, boolean reordered, double retainedMass) {

    /** Key positions of each key block, ascending. */
    public int[][] positionsByBlock() {
        int blocks = (blockOf.length + blockSize - 1) / blockSize;
        int[] n = new int[blocks];
        for (int b : blockOf) {
            n[b]++;
        }
        int[][] out = new int[blocks][];
        for (int b = 0; b < blocks; b++) {
            out[b] = new int[n[b]];
            n[b] = 0;
        }
        for (int s = 0; s < blockOf.length; s++) {
            out[blockOf[s]][n[blockOf[s]]++] = s;
        }
        return out;
    }

    /** Whether query {@code pos} computes its score against key {@code s <= pos}. */
    public boolean attends(int pos, int s) {
        return keep[pos / blockSize][blockOf[s]];
    }

    /**
     * Calibrates the heads that share one K/V head from their {@code mass[head][q x seqLen + s]} (summed probabilities,
     * s <= q): one permutation for the group (K and V are stored once, in one order), one mask per head; the
     * permutation kept is the one under which the group's kept blocks hold the most mass.
     */
    public static BlockSparseMask[] calibrateGroup(float[][] mass, int seqLen, BlockSparseConfig cfg) {
        BlockSparseMask[] best = buildGroup(mass, seqLen, cfg, IntStream.range(0, seqLen).toArray(), false);
        if (cfg.reorder()) {
            double[] received = new double[seqLen];
            for (float[] m : mass) {
                for (int q = 0; q < seqLen; q++) {
                    for (int s = 0; s <= q; s++) {
                        received[s] += m[q * seqLen + s];
                    }
                }
            }
            int[] order = IntStream.range(0, seqLen).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(s -> -received[s]).thenComparingInt(s -> s))
                    .mapToInt(Integer::intValue).toArray();
            BlockSparseMask[] sorted = buildGroup(mass, seqLen, cfg, order, true);
            if (retained(sorted) > retained(best)) {
                best = sorted;
            }
        }
        return best;
    }

    private static BlockSparseMask[] buildGroup(float[][] mass, int seqLen, BlockSparseConfig cfg, int[] order, boolean reordered) {
        BlockSparseMask[] out = new BlockSparseMask[mass.length];
        for (int h = 0; h < mass.length; h++) {
            out[h] = build(mass[h], seqLen, cfg, order, reordered);
        }
        return out;
    }

    private static double retained(BlockSparseMask[] masks) {
        double sum = 0;
        for (BlockSparseMask m : masks) {
            sum += m.retainedMass();
        }
        return sum;
    }

    /** The mask under the permutation {@code order} (order[r] = the position placed at rank r). */
    static BlockSparseMask build(float[] mass, int seqLen, BlockSparseConfig cfg, int[] order, boolean reordered) {
        int b = cfg.blockSize();
        int blocks = (seqLen + b - 1) / b;
        int[] blockOf = new int[seqLen];
        for (int r = 0; r < seqLen; r++) {
            blockOf[order[r]] = r / b;
        }
        double[][] blockMass = new double[blocks][blocks];
        double total = 0;
        for (int q = 0; q < seqLen; q++) {
            for (int s = 0; s <= q; s++) {
                blockMass[q / b][blockOf[s]] += mass[q * seqLen + s];
                total += mass[q * seqLen + s];
            }
        }
        boolean[][] keep = new boolean[blocks][blocks];
        double kept = 0;
        for (int qb = 0; qb < blocks; qb++) {
            int last = Math.min(seqLen - 1, (qb + 1) * b - 1);
            boolean[] causal = new boolean[blocks];
            for (int s = 0; s <= last; s++) {
                causal[blockOf[s]] = true;
            }
            int[] candidates = IntStream.range(0, blocks).filter(kb -> causal[kb]).toArray();
            int k = Math.max(1, (int) Math.ceil(cfg.density() * candidates.length - 1e-9));
            double[] row = blockMass[qb];
            Integer[] sorted = Arrays.stream(candidates).boxed().toArray(Integer[]::new);
            Arrays.sort(sorted, Comparator.<Integer>comparingDouble(kb -> -row[kb]).thenComparingInt(kb -> kb));
            for (int i = 0; i < k; i++) {
                keep[qb][sorted[i]] = true;
                kept += row[sorted[i]];
            }
        }
        return new BlockSparseMask(b, blockOf, keep, reordered, total == 0 ? 1 : kept / total);
    }
}
