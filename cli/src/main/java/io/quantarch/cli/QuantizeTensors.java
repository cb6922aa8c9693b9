package io.quantarch.cli;

import io.quantarch.config.ConfigException;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.quant.Granularity;
import io.quantarch.numerics.quant.QuantOptions;
import io.quantarch.numerics.quant.QuantizedTensor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Quantizes the tensors of a {@link QuantizeRows} one at a time into per-row codes and values and per-group scales. */
final class QuantizeTensors {

    private final NumberFormat f;
    private final QuantOptions options;
    private final Path in;
    private final boolean identity;
    private final boolean explicitBlocks;
    private int[] codes;
    private float[] values;
    private int[] group;
    private float[] scales = new float[16];
    private int[] scaleCodes = new int[16];
    private int[] zeroPoints = new int[16];
    private int groups;
    private final List<Float> tensorScale = new ArrayList<>();

    QuantizeTensors(NumberFormat f, QuantOptions options, Path in, int n, boolean identity, boolean explicitBlocks) {
        this.explicitBlocks = explicitBlocks;
        this.f = f;
        this.options = options;
        this.in = in;
        this.identity = identity;
        if (!identity) {
            codes = new int[n];
            values = new float[n];
            group = new int[n];
        }
    }

    /**
     * Tensor {@code t}: its segments (in order of first appearance) gathered from {@code order} (rows sorted by segment;
     * null when the file is one tensor of one segment, taken as is), quantized, and scattered back to their rows.
     */
    void tensor(int t, String name, float[] x, int[] order, int[] start, List<Integer> segTensor) throws ConfigException {
        List<Integer> mine = new ArrayList<>();
        for (int s = 0; s < segTensor.size(); s++) {
            if (segTensor.get(s) == t) {
                mine.add(s);
            }
        }
        int[] lengths = mine.stream().mapToInt(s -> start[s + 1] - start[s]).toArray();
        int size = Arrays.stream(lengths).sum();
        checkBlocks(name, lengths);
        float[] tx = identity ? x : new float[size];
        int k = 0;
        for (int s : mine) {
            for (int i = start[s]; i < start[s + 1] && !identity; i++) {
                tx[k++] = x[order[i]];
            }
        }
        QuantizedTensor q;
        try {
            q = QuantizeRows.quantize(f, tx, lengths, options);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(in, "tensor '" + name + "'", "values " + f.name() + " can quantize", e.getMessage());
        }
        tensorScale.add(q.tensorScale());
        int base = groups;
        addGroups(q);
        if (identity) {
            codes = q.codes();
            values = q.values();
            group = q.groupIndex();
            return;
        }
        k = 0;
        int[] gi = q.groupIndex();
        for (int s : mine) {
            for (int i = start[s]; i < start[s + 1]; i++, k++) {
                int row = order[i];
                codes[row] = q.codes()[k];
                values[row] = q.values()[k];
                group[row] = base + gi[k];
            }
        }
    }

    private void checkBlocks(String name, int[] lengths) throws ConfigException {
        if (!explicitBlocks) {
            return;
        }
        int blockSize = f.blockLayout().orElseThrow().blockSize();
        for (int len : lengths) {
            if (len > blockSize) {
                throw new ConfigException(in, "tensor '" + name + "'", "blocks of at most " + blockSize + " rows for " + f.name(),
                        "a block of " + len + " rows");
            }
        }
    }

    private void addGroups(QuantizedTensor q) {
        int g = q.scales().length;
        if (groups + g > scales.length) {
            int cap = Math.max(scales.length * 2, groups + g);
            scales = Arrays.copyOf(scales, cap);
            scaleCodes = Arrays.copyOf(scaleCodes, cap);
            zeroPoints = Arrays.copyOf(zeroPoints, cap);
        }
        for (int i = 0; i < g; i++) {
            scales[groups + i] = q.scales()[i];
            scaleCodes[groups + i] = q.scaleCodes() == null ? Integer.MIN_VALUE : q.scaleCodes()[i];
            zeroPoints[groups + i] = q.zeroPoints() == null ? Integer.MIN_VALUE : q.zeroPoints()[i];
        }
        groups += g;
    }

    QuantizeRows.Result result(int[] tensorOfSeg, int[] seg) {
        float[] ts = new float[tensorScale.size()];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = tensorScale.get(i);
        }
        return new QuantizeRows.Result(codes, values, group, scales, scaleCodes, zeroPoints, ts, tensorOfSeg,
                !(f.granularity() instanceof Granularity.Unscaled));
    }
}
