package io.quantarch.workloads.tensor;

/**
 * Dense causal attention in float32, as llama2.c's run.c computes it (grouped-query heads): the reference
 * {@link AttentionKernel}. One query runs as run.c does; a block of queries (a prefill window) runs with the queries
 * across the vector lanes: every loop is over query positions, with the same per-query operations in the same
 * order as the one-query path (scores with {@link Ops#dot}'s four partial sums, the softmax sum over keys in key
 * order, the context summed over keys in key order), so both give the same bits. One instance per sequence; not
 * thread-safe (it reuses its buffers).
 */
final class DenseAttention implements AttentionKernel {

    // Queries per block: long loops vectorize well (the JIT's scalar pre- and post-loops cost more on short ones), and
    // a block's scores, seqLen x 512 floats, stay in a 1-2 MB L2 for the usual context lengths.
    private static final int TILE = 512;

    private static final float[] ONE = {1f};
    private static final int MIN_BLOCK = 16;      // fewer queries than this run one at a time (same bits)

    private final int heads;
    private final int headSize;
    private final int kvDim;
    private final int group;
    private final float scale;
    private float[] att = new float[0];
    private float[][] scores = new float[0][];    // [key][query in tile]
    private final float[][] qT;                   // [dim of head][query in tile]
    private final float[][] ctxT;                 // [dim of head][query in tile]
    private final float[] max = new float[TILE];
    private final float[] sum = new float[TILE];

    DenseAttention(int heads, int kvHeads, int headSize) {
        this.heads = heads;
        this.headSize = headSize;
        this.kvDim = kvHeads * headSize;
        this.group = heads / kvHeads;
        this.scale = (float) (1.0 / Math.sqrt(headSize));
        this.qT = new float[headSize][TILE];
        this.ctxT = new float[headSize][TILE];
    }

    @Override
    public void attend(int layer, int pos, float[] q, int qo, float[] keys, float[] values, float[] ctx, int co) {
        if (att.length < pos + 1) {
            att = new float[Math.max(pos + 1, 2 * att.length)];
        }
        for (int head = 0; head < heads; head++) {
            int kvo = (head / group) * headSize;
            if (headSize == 8) {
                OneQuery8.scores(q, qo + head * headSize, keys, kvDim, kvo, pos, scale, att);
            } else {
                for (int s = 0; s <= pos; s++) {
                    att[s] = Ops.dot(q, qo + head * headSize, keys, s * kvDim + kvo, headSize) * scale;
                }
            }
            Ops.softmax(att, 0, pos + 1);
            int o = co + head * headSize;
            if (headSize == 8) {
                OneQuery8.context(att, pos, values, kvDim, kvo, ctx, o);
                continue;
            }
            for (int s = 0; s <= pos; s++) {
                float a = att[s];
                int vo = s * kvDim + kvo;
                for (int i = 0; i < headSize; i++) {
                    ctx[o + i] += a * values[vo + i];
                }
            }
        }
    }

    @Override
    public void attendAll(int layer, int start, int n, float[] q, float[] keys, float[] values, float[] ctx, int dim) {
        if (n < MIN_BLOCK) {                       // a decode step: lanes over one query would be mostly empty
            AttentionKernel.super.attendAll(layer, start, n, q, keys, values, ctx, dim);
            return;
        }
        int keysSeen = start + n;
        if (scores.length < keysSeen) {
            float[][] grown = new float[Math.max(keysSeen, 2 * scores.length)][];
            System.arraycopy(scores, 0, grown, 0, scores.length);
            for (int s = scores.length; s < grown.length; s++) {
                grown[s] = new float[TILE];
            }
            scores = grown;
        }

        for (int t0 = 0; t0 < n; t0 += TILE) {
            int width = Math.min(TILE, n - t0);
            for (int head = 0; head < heads; head++) {
                for (int t = 0; t < width; t++) {
                    for (int d = 0; d < headSize; d++) {
                        qT[d][t] = q[(t0 + t) * dim + head * headSize + d];
                    }
                }
                int kvo = (head / group) * headSize;
                int keyEnd = start + t0 + width;               // keys 0 .. keyEnd - 1 reach this tile
                scoreTile(keys, kvo, start + t0, keyEnd, width);
                softmaxTile(start + t0, keyEnd, width);
                contextTile(values, kvo, start + t0, keyEnd, width);
                for (int t = 0; t < width; t++) {
                    for (int d = 0; d < headSize; d++) {
                        ctx[(t0 + t) * dim + head * headSize + d] += ctxT[d][t];
                    }
                }
            }
        }
    }

    /** Scores of every visible (query, key) pair, and each query's maximum over its keys. */
    private void scoreTile(float[] keys, int kvo, int tileStartPos, int keyEnd, int width) {
        java.util.Arrays.fill(max, 0, width, Float.NEGATIVE_INFINITY);
        if (headSize == 8) {
            for (int s = 0; s < keyEnd; s++) {
                scores8(scores[s], CausalSums.first(s, tileStartPos), width, keys, s * kvDim + kvo);
            }
        } else {
            for (int s = 0; s < keyEnd; s++) {
                scoresAnySize(scores[s], CausalSums.first(s, tileStartPos), width, keys, s * kvDim + kvo);
            }
        }
        CausalSums.max(max, scores, keyEnd, tileStartPos, width);
    }

    private void scoresAnySize(float[] row, int from, int width, float[] keys, int ko) {
        for (int t = from; t < width; t++) {
            float s0 = 0f;
            float s1 = 0f;
            float s2 = 0f;
            float s3 = 0f;
            int d = 0;
            for (; d + 3 < headSize; d += 4) {
                s0 += qT[d][t] * keys[ko + d];
                s1 += qT[d + 1][t] * keys[ko + d + 1];
                s2 += qT[d + 2][t] * keys[ko + d + 2];
                s3 += qT[d + 3][t] * keys[ko + d + 3];
            }
            for (; d < headSize; d++) {
                s0 += qT[d][t] * keys[ko + d];
            }
            row[t] = ((s0 + s1) + (s2 + s3)) * scale;
        }
    }

    /** {@link Ops#dot} over eight terms, one query per lane: s_j = (0 + q_j k_j) + q_(j+4) k_(j+4), then pairwise. */
    private void scores8(float[] row, int from, int width, float[] keys, int ko) {
        float k0 = keys[ko];
        float k1 = keys[ko + 1];
        float k2 = keys[ko + 2];
        float k3 = keys[ko + 3];
        float k4 = keys[ko + 4];
        float k5 = keys[ko + 5];
        float k6 = keys[ko + 6];
        float k7 = keys[ko + 7];
        float[] q0 = qT[0];
        float[] q1 = qT[1];
        float[] q2 = qT[2];
        float[] q3 = qT[3];
        float[] q4 = qT[4];
        float[] q5 = qT[5];
        float[] q6 = qT[6];
        float[] q7 = qT[7];
        // Two passes of four query arrays each (the left half of the pairwise sum kept in row, exactly): with all
        // eight arrays in one loop the JIT did not vectorize it when the loop starts at a variable position (6x slower).
        for (int t = from; t < width; t++) {
            row[t] = ((0f + q0[t] * k0) + q4[t] * k4) + ((0f + q1[t] * k1) + q5[t] * k5);
        }
        for (int t = from; t < width; t++) {
            row[t] = (row[t] + (((0f + q2[t] * k2) + q6[t] * k6) + ((0f + q3[t] * k3) + q7[t] * k7))) * scale;
        }
    }

    /** {@link Ops#softmax} of every query's row (its maximum known): exp and sum in key order, then one reciprocal. */
    private void softmaxTile(int tileStartPos, int keyEnd, int width) {
        float[] mx = max;
        float[] total = sum;
        java.util.Arrays.fill(total, 0, width, 0f);
        for (int s = 0; s < keyEnd; s++) {
            float[] row = scores[s];
            for (int t = CausalSums.first(s, tileStartPos); t < width; t++) {
                row[t] = Ops.expNonPositive(row[t] - mx[t]);
            }
        }
        CausalSums.weighted(total, scores, ONE, 0, 0, keyEnd, tileStartPos, width);   // x 1 is exact: a plain sum
        for (int t = 0; t < width; t++) {
            total[t] = 1f / total[t];
        }
        for (int s = 0; s < keyEnd; s++) {
            float[] row = scores[s];
            for (int t = CausalSums.first(s, tileStartPos); t < width; t++) {
                row[t] *= total[t];
            }
        }
    }

    /** Context of every query: sum over visible keys, in key order, of weight x value, starting from 0. */
    private void contextTile(float[] values, int kvo, int tileStartPos, int keyEnd, int width) {
        for (int d = 0; d < headSize; d++) {
            java.util.Arrays.fill(ctxT[d], 0, width, 0f);
        }
        for (int d = 0; d < headSize; d++) {
            CausalSums.weighted(ctxT[d], scores, values, kvo + d, kvDim, keyEnd, tileStartPos, width);
        }
    }
}
