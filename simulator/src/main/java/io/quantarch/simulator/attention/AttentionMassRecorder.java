package io.quantarch.simulator.attention;

import io.quantarch.workloads.tensor.AttentionKernel;
import io.quantarch.workloads.tensor.Ops;

/**
 * Dense float32 attention (the same arithmetic as {@link AttentionKernel#dense}) that also adds every attention
 * probability into {@code mass[layer][head][query x seqLen + key]}: the calibration statistics of a block-sparse mask.
 */
final class AttentionMassRecorder implements AttentionKernel {

    private final float[][][] mass;
    private final int heads;
    private final int hs;
    private final int kvDim;
    private final int group;
    private final int seqLen;
    private final float scale;

    AttentionMassRecorder(float[][][] mass, int heads, int kvHeads, int headSize, int seqLen) {
        this.mass = mass;
        this.heads = heads;
        this.hs = headSize;
        this.kvDim = kvHeads * headSize;
        this.group = heads / kvHeads;
        this.seqLen = seqLen;
        this.scale = (float) (1.0 / Math.sqrt(headSize));
    }

    @Override
    public void attend(int layer, int pos, float[] q, int qo, float[] keys, float[] values, float[] ctx, int co) {
        float[] att = new float[pos + 1];
        for (int head = 0; head < heads; head++) {
            int kvo = (head / group) * hs;
            for (int s = 0; s <= pos; s++) {
                att[s] = Ops.dot(q, qo + head * hs, keys, s * kvDim + kvo, hs) * scale;
            }
            Ops.softmax(att, 0, pos + 1);
            float[] m = mass[layer][head];
            int o = co + head * hs;
            for (int s = 0; s <= pos; s++) {
                float a = att[s];
                m[pos * seqLen + s] += a;
                int vo = s * kvDim + kvo;
                for (int i = 0; i < hs; i++) {
                    ctx[o + i] += a * values[vo + i];
                }
            }
        }
    }
}
