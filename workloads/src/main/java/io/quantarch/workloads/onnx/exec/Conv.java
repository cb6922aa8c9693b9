package io.quantarch.workloads.onnx.exec;

/**
 * Convolution, transposed convolution and pooling over 1-D and 2-D spatial inputs (a 1-D input runs as height 1),
 * as the ONNX operator specs define them; float32 products, accumulated in float32 in kernel order.
 */
final class Conv {

    private Conv() {
    }

    /** Spatial geometry of one window operator, 2-D (1-D with height 1 and its parameters in the width slots). */
    record Geometry(int kh, int kw, int sh, int sw, int dh, int dw, int padTop, int padLeft, int padBottom, int padRight, int oh, int ow) { }

    static Geometry geometry(long[] x, long[] kernel, long[] strides, long[] pads, long[] dil, String autoPad, boolean ceil) {
        if (x.length > 4 || x.length < 3) {
            throw new IllegalArgumentException((x.length - 2) + "-D windows are not executed (1-D and 2-D are)");
        }
        boolean oneD = x.length == 3;
        int ih = oneD ? 1 : (int) x[2];
        int iw = (int) x[x.length - 1];
        int kh = oneD ? 1 : (int) kernel[0];
        int kw = (int) kernel[kernel.length - 1];
        int sh = oneD ? 1 : at(strides, 0, 1);
        int sw = at(strides, oneD ? 0 : 1, 1);
        int dh = oneD ? 1 : at(dil, 0, 1);
        int dw = at(dil, oneD ? 0 : 1, 1);
        int n = oneD ? 1 : 2;
        int[] pb = new int[2];
        int[] pe = new int[2];
        int[] in = {ih, iw};
        int[] k = {(kh - 1) * dh + 1, (kw - 1) * dw + 1};
        int[] s = {sh, sw};
        int[] out = new int[2];
        for (int a = 0; a < 2; a++) {
            int slot = oneD ? 0 : a;
            if (oneD && a == 0) {
                out[0] = 1;
                continue;
            }
            if (autoPad.startsWith("SAME")) {
                out[a] = (in[a] + s[a] - 1) / s[a];
                int total = Math.max(0, (out[a] - 1) * s[a] + k[a] - in[a]);
                pb[a] = autoPad.equals("SAME_UPPER") ? total / 2 : total - total / 2;
                continue;
            }
            if (!autoPad.equals("VALID")) {
                pb[a] = at(pads, slot, 0);
                pe[a] = at(pads, slot + n, 0);
            }
            int span = in[a] + pb[a] + pe[a] - k[a];
            out[a] = (ceil ? Math.floorDiv(span + s[a] - 1, s[a]) : Math.floorDiv(span, s[a])) + 1;
            if (ceil && (out[a] - 1) * s[a] >= in[a] + pb[a]) {
                out[a]--;
            }
        }
        if (autoPad.startsWith("SAME")) {
            for (int a = 0; a < 2; a++) {
                int total = Math.max(0, (out[a] - 1) * s[a] + k[a] - in[a]);
                pe[a] = total - pb[a];
            }
        }
        return new Geometry(kh, kw, sh, sw, dh, dw, pb[0], pb[1], pe[0], pe[1], out[0], out[1]);
    }

    private static int at(long[] v, int k, int otherwise) {
        return v == null || v.length <= k ? otherwise : (int) v[k];
    }

    static Value conv(Value x, Value w, Value bias, Geometry g, int groups) {
        long[] xs = x.shape();
        int batch = (int) xs[0];
        int cin = (int) xs[1];
        int ih = xs.length == 3 ? 1 : (int) xs[2];
        int iw = (int) xs[xs.length - 1];
        int cout = (int) w.shape()[0];
        int cg = cin / groups;
        int og = cout / groups;
        float[] in = x.asFloats();
        float[] wt = w.asFloats();
        float[] out = new float[batch * cout * g.oh() * g.ow()];
        int plane = g.oh() * g.ow();
        for (int b = 0; b < batch; b++) {
            for (int oc = 0; oc < cout; oc++) {
                int grp = oc / og;
                int po = (b * cout + oc) * plane;
                // each output gathers its terms in (c, ky, kx) order, as a per-output loop would, but a whole row of
                // outputs is updated per weight: the same sums, bit for bit, with contiguous inner loops
                for (int c = 0; c < cg; c++) {
                    int ic = grp * cg + c;
                    for (int ky = 0; ky < g.kh(); ky++) {
                        for (int kx = 0; kx < g.kw(); kx++) {
                            float w0 = wt[((oc * cg + c) * g.kh() + ky) * g.kw() + kx];
                            accumulateRows(in, ((b * cin + ic) * ih) * iw, ih, iw, g, ky, kx, w0, out, po);
                        }
                    }
                }
                if (bias != null) {
                    float bv = bias.asFloats()[oc];
                    for (int e = po; e < po + plane; e++) {
                        out[e] = out[e] + bv;
                    }
                }
            }
        }
        long[] shape = xs.length == 3 ? new long[] {batch, cout, g.ow()} : new long[] {batch, cout, g.oh(), g.ow()};
        return Value.floats(shape, out);
    }

    /** out[oy][ox] += w x in[iy][ix] for every output whose window position (ky, kx) falls inside the input. */
    private static void accumulateRows(float[] in, int xo, int ih, int iw, Geometry g, int ky, int kx, float w, float[] out, int po) {
        int ow = g.ow();
        // the outputs whose input column is inside: ox in [lo, hi)
        int off = kx * g.dw() - g.padLeft();
        int lo = Math.max(0, (-off + g.sw() - 1) / g.sw());
        int hi = Math.min(ow, Math.floorDiv(iw - 1 - off, g.sw()) + 1);
        for (int oy = 0; oy < g.oh(); oy++) {
            int iy = oy * g.sh() - g.padTop() + ky * g.dh();
            if (iy < 0 || iy >= ih) {
                continue;
            }
            int row = xo + iy * iw + off;
            int o = po + oy * ow;
            if (g.sw() == 1) {
                for (int ox = lo; ox < hi; ox++) {
                    out[o + ox] += w * in[row + ox];
                }
            } else {
                for (int ox = lo; ox < hi; ox++) {
                    out[o + ox] += w * in[row + ox * g.sw()];
                }
            }
        }
    }

    /** Max or average pooling (average: count_include_pad chooses the divisor). */
    static Value pool(Value x, Geometry g, boolean max, boolean countPad) {
        long[] xs = x.shape();
        int planes = (int) (xs[0] * xs[1]);
        int ih = xs.length == 3 ? 1 : (int) xs[2];
        int iw = (int) xs[xs.length - 1];
        float[] in = x.asFloats();
        float[] out = new float[planes * g.oh() * g.ow()];
        for (int p = 0; p < planes; p++) {
            for (int oy = 0; oy < g.oh(); oy++) {
                for (int ox = 0; ox < g.ow(); ox++) {
                    float acc = max ? Float.NEGATIVE_INFINITY : 0f;
                    int n = 0;
                    int padded = 0;
                    for (int ky = 0; ky < g.kh(); ky++) {
                        int iy = oy * g.sh() - g.padTop() + ky * g.dh();
                        for (int kx = 0; kx < g.kw(); kx++) {
                            int ix = ox * g.sw() - g.padLeft() + kx * g.dw();
                            if (iy < 0 || iy >= ih || ix < 0 || ix >= iw) {
                                // a window position in the explicit padding counts for count_include_pad, beyond it never
                                boolean inPad = iy >= -g.padTop() && ix >= -g.padLeft() && iy < ih + g.padBottom()
                                        && ix < iw + g.padRight();
                                padded += inPad ? 1 : 0;
                                continue;
                            }
                            float v = in[(p * ih + iy) * iw + ix];
                            acc = max ? Math.max(acc, v) : acc + v;
                            n++;
                        }
                    }
                    out[(p * g.oh() + oy) * g.ow() + ox] = max ? acc : acc / (countPad ? n + padded : n);
                }
            }
        }
        long[] shape = xs.length == 3 ? new long[] {xs[0], xs[1], g.ow()} : new long[] {xs[0], xs[1], g.oh(), g.ow()};
        return Value.floats(shape, out);
    }

    /** Transposed convolution (ConvTranspose spec), 1-D or 2-D: each input element scattered through the kernel. */
    static Value convTranspose(Value x, Value w, Value bias, io.quantarch.workloads.onnx.NodeAttrs a) {
        long[] xs = x.shape();
        if (xs.length != 3 && xs.length != 4) {
            throw new IllegalArgumentException((xs.length - 2) + "-D transposed convolutions are not executed");
        }
        boolean oneD = xs.length == 3;
        long[] ws = w.shape();
        int[] in = {oneD ? 1 : (int) xs[2], (int) xs[xs.length - 1]};
        int[] k = {oneD ? 1 : (int) ws[2], (int) ws[ws.length - 1]};
        int[][] g = transposeGeometry(a, oneD, in, k);              // strides, dilations, begin pads, output sizes
        int groups = (int) a.integer("group", 1);
        int batch = (int) xs[0];
        int cin = (int) xs[1];
        int og = (int) ws[1];
        int cout = og * groups;
        float[] y = scatter(x.asFloats(), w.asFloats(), batch, cin, og, groups, in, k, g);
        if (bias != null) {
            int plane = g[3][0] * g[3][1];
            for (int e = 0; e < y.length; e++) {
                y[e] += (float) bias.get((e / plane) % cout);
            }
        }
        long[] shape = oneD ? new long[] {batch, cout, g[3][1]} : new long[] {batch, cout, g[3][0], g[3][1]};
        return Value.floats(shape, y);
    }

    /** {strides, dilations, begin pads, output sizes} per spatial axis (height then width; height 1 for 1-D). */
    private static int[][] transposeGeometry(io.quantarch.workloads.onnx.NodeAttrs a, boolean oneD, int[] in, int[] k) {
        int[][] g = new int[4][2];
        long[] outShape = a.integers("output_shape");
        String autoPad = a.text("auto_pad", "NOTSET");
        int n = oneD ? 1 : 2;
        for (int d = 0; d < 2; d++) {
            int slot = oneD ? 0 : d;
            if (oneD && d == 0) {
                g[0][0] = 1;
                g[1][0] = 1;
                g[3][0] = 1;
                continue;
            }
            g[0][d] = at(a.integers("strides"), slot, 1);
            g[1][d] = at(a.integers("dilations"), slot, 1);
            int full = g[0][d] * (in[d] - 1) + at(a.integers("output_padding"), slot, 0) + (k[d] - 1) * g[1][d] + 1;
            if (outShape != null || autoPad.startsWith("SAME")) {
                g[3][d] = outShape != null ? (int) outShape[outShape.length - n + slot] : in[d] * g[0][d];
                int total = full - g[3][d];
                g[2][d] = autoPad.equals("SAME_UPPER") ? total / 2 : total - total / 2;
            } else {
                g[2][d] = at(a.integers("pads"), slot, 0);
                g[3][d] = full - g[2][d] - at(a.integers("pads"), slot + n, 0);
            }
        }
        return g;
    }

    private static float[] scatter(float[] xf, float[] wf, int batch, int cin, int og, int groups, int[] in, int[] k, int[][] g) {
        int cout = og * groups;
        int[] out = g[3];
        float[] y = new float[batch * cout * out[0] * out[1]];
        for (int b = 0; b < batch; b++) {
            for (int ic = 0; ic < cin; ic++) {
                int grp = ic / (cin / groups);
                for (int iy = 0; iy < in[0]; iy++) {
                    for (int ix = 0; ix < in[1]; ix++) {
                        float v = xf[((b * cin + ic) * in[0] + iy) * in[1] + ix];
                        for (int oc = 0; oc < og; oc++) {
                            int outC = grp * og + oc;
                            for (int ky = 0; ky < k[0]; ky++) {
                                int oy = iy * g[0][0] - g[2][0] + ky * g[1][0];
                                if (oy < 0 || oy >= out[0]) {
                                    continue;
                                }
                                for (int kx = 0; kx < k[1]; kx++) {
                                    int ox = ix * g[0][1] - g[2][1] + kx * g[1][1];
                                    if (ox >= 0 && ox < out[1]) {
                                        y[((b * cout + outC) * out[0] + oy) * out[1] + ox] += v * wf[((ic * og + oc) * k[0] + ky) * k[1] + kx];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return y;
    }
}
