package io.quantarch.workloads.io;

import io.quantarch.config.ConfigException;
import io.quantarch.workloads.layer.Conv2d;
import io.quantarch.workloads.layer.Gemm;
import io.quantarch.workloads.layer.Layer;
import io.quantarch.workloads.layer.Workload;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SCALE-Sim v2 topology CSV files (scalesim/topology_utils.py), read as SCALE-Sim reads them:
 * <ul>
 * <li>convolution form, header {@code Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width,
 * Channels, Num Filter, Strides,} (an optional ninth value is the column stride): no padding (the IFMAP
 * dims include it), output {@code ceil((H - R + s) / s)}; a name containing {@code DP} is depthwise, which
 * SCALE-Sim splits into one single-channel layer of {@code Num Filter} filters per channel; here it is one
 * grouped convolution with {@code groups = Channels}, whose per-group GEMMs are those layers;</li>
 * <li>GEMM form ({@code -i gemm}), header {@code Layer, M, N, K,}: ifmap M x K, N filters of K.</li>
 * </ul>
 * Rows end with a trailing comma; SCALE-Sim drops the field after the last comma, and so does this reader
 * (a row without it loses its last value in SCALE-Sim; here it is an error naming the line).
 */
public final class ScaleSimTopology {

    private ScaleSimTopology() {
    }

    public static boolean looksLikeTopology(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".csv");
    }

    public static Workload read(Path file) throws ConfigException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw ConfigException.of(file.toString(), "file not found");
        } catch (IOException e) {
            throw ConfigException.of(file.toString(), "cannot read: " + e.getMessage());
        }
        int headerLine = -1;
        for (int i = 0; i < lines.size() && headerLine < 0; i++) {
            headerLine = lines.get(i).isBlank() ? -1 : i;
        }
        if (headerLine < 0) {
            throw ConfigException.of(file.toString(), "expected a SCALE-Sim topology header, found an empty file");
        }
        boolean gemm = gemmHeader(file, lines.get(headerLine), headerLine + 1);
        List<Layer> layers = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = headerLine + 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                layers.add(row(file, lines.get(i).strip(), i + 1, gemm, names));
            }
        }
        if (layers.isEmpty()) {
            throw ConfigException.of(file.toString(), "expected at least one layer row after the header");
        }
        return new Workload(WorkloadYaml.defaultName(file), layers);
    }

    /** True for a GEMM header ({@code Layer, M, N, K,}), false for a convolution header; bad input otherwise. */
    private static boolean gemmHeader(Path file, String line, int lineNo) throws ConfigException {
        String[] header = fields(line);
        boolean gemm = header.length >= 4 && header[1].trim().equalsIgnoreCase("M") && header[2].trim().equalsIgnoreCase("N")
                && header[3].trim().equalsIgnoreCase("K");
        boolean conv = header.length >= 8 && header[1].toLowerCase(Locale.ROOT).contains("ifmap");
        if (!gemm && !conv) {
            throw new ConfigException(file, "line " + lineNo,
                    "a SCALE-Sim topology header ('Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,' or 'Layer, M, N, K,')",
                    "a first line of " + header.length + " comma-separated fields that is neither");
        }
        return gemm;
    }

    private static Layer row(Path file, String raw, int lineNo, boolean gemm, java.util.Set<String> names) throws ConfigException {
        if (!raw.endsWith(",")) {
            throw new ConfigException(file, "line " + lineNo, "a row ending with ',' (SCALE-Sim drops the field after the last comma)", "'" + raw + "'");
        }
        String[] f = fields(raw.substring(0, raw.length() - 1));
        String name = f[0].trim();
        if (name.isEmpty()) {
            throw new ConfigException(file, "line " + lineNo, "a layer name in the first field", "an empty field");
        }
        if (!names.add(name)) {
            throw new ConfigException(file, "line " + lineNo, "a unique layer name", "'" + name + "' again");
        }
        if (gemm) {
            if (f.length < 4) {
                throw new ConfigException(file, "line " + lineNo, "4 fields: name, M, N, K", f.length + " fields");
            }
            long m = number(file, lineNo, "M", f[1]);
            long n = number(file, lineNo, "N", f[2]);
            long k = number(file, lineNo, "K", f[3]);
            try {
                return new Gemm(name, m, n, k, false);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file, "line " + lineNo, "a layer of at most 2^53 multiply-accumulates", e.getMessage());
            }
        }
        if (f.length < 8 || f.length > 9) {
            throw new ConfigException(file, "line " + lineNo,
                    "8 or 9 fields: name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides[, Stride width]",
                    f.length + " fields");
        }
        int h = size(file, lineNo, "IFMAP Height", f[1]);
        int w = size(file, lineNo, "IFMAP Width", f[2]);
        int r = size(file, lineNo, "Filter Height", f[3]);
        int s = size(file, lineNo, "Filter Width", f[4]);
        int c = size(file, lineNo, "Channels", f[5]);
        int k = size(file, lineNo, "Num Filter", f[6]);
        int sh = size(file, lineNo, "Strides", f[7]);
        int sw = f.length == 9 ? size(file, lineNo, "Stride width", f[8]) : sh;
        if (r > h || s > w) {
            throw new ConfigException(file, "line " + lineNo, "a filter no larger than the IFMAP", r + "x" + s + " filter on " + h + "x" + w);
        }
        boolean depthwise = name.contains("DP");
        try {
            return new Conv2d(name, 1, c, depthwise ? Math.multiplyExact(c, k) : k, h, w, r, s, sh, sw, 0, 0, depthwise ? c : 1, false);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ConfigException(file, "line " + lineNo, "a convolution of at most 2^53 multiply-accumulates", e.getMessage());
        }
    }

    /** A convolution size: a positive integer that fits an int (never truncated). */
    private static int size(Path file, int line, String column, String text) throws ConfigException {
        long v = number(file, line, column, text);
        if (v > Integer.MAX_VALUE) {
            throw new ConfigException(file, "line " + line + ", column '" + column + "'", "a positive integer up to " + Integer.MAX_VALUE,
                    "'" + text.trim() + "'");
        }
        return (int) v;
    }

    private static String[] fields(String line) {
        return line.split(",", -1);
    }

    private static long number(Path file, int line, String column, String text) throws ConfigException {
        String t = text.trim();
        try {
            long v = Long.parseLong(t);
            if (v < 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigException(file, "line " + line + ", column '" + column + "'", "a positive integer", "'" + t + "'");
        }
    }

    /** Writes a workload's convolution and GEMM layers as a SCALE-Sim topology (convolution form when any layer is a convolution). */
    public static void write(Workload w, Writer out) throws IOException {
        List<Layer> matrix = w.matrixLayers();
        boolean anyConv = matrix.stream().anyMatch(l -> l instanceof Conv2d);
        if (anyConv) {
            out.write("Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\n");
        } else {
            out.write("Layer, M, N, K,\n");
        }
        for (Layer l : matrix) {
            switch (l) {
                case Conv2d c when c.padH() == 0 && c.padW() == 0 && c.batch() == 1 && c.strideH() == c.strideW()
                        && (c.groups() == 1 || (c.depthwise() && c.name().contains("DP"))) ->
                        out.write(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%d,%d,%n", c.name(), c.inH(), c.inW(), c.kernelH(), c.kernelW(),
                                c.inChannels(), c.groups() == 1 ? c.outChannels() : c.outChannels() / c.groups(), c.strideH()));
                case Conv2d c -> {
                    // padding, batch or groups SCALE-Sim cannot express: write the padded IFMAP, one row per group
                    for (int g = 0; g < c.groups(); g++) {
                        String n = c.groups() == 1 ? c.name() : c.name() + ".g" + g;
                        out.write(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%d,%d,%d,%n", n, c.inH() + 2 * c.padH(),
                                c.inW() + 2 * c.padW(), c.kernelH(), c.kernelW(), c.inChannels() / c.groups(), c.outChannels() / c.groups(),
                                c.strideH(), c.strideW()));
                    }
                }
                case Gemm g when g.m() == 0 -> { }         // an idle expert: no GEMM to write
                case Gemm g -> gemmRow(out, l, anyConv);
                case io.quantarch.workloads.layer.Attention a -> gemmRow(out, l, anyConv);
                case io.quantarch.workloads.layer.Norm n -> { }            // not a matrix layer
                case io.quantarch.workloads.layer.Softmax x -> { }
                case io.quantarch.workloads.layer.Elementwise e -> { }
                case io.quantarch.workloads.layer.Embedding e -> { }
            }
        }
    }

    /** A GEMM row, or a 1-wide convolution with the same MACs when the file is in convolution form. */
    private static void gemmRow(Writer out, Layer l, boolean anyConv) throws IOException {
        var g = l.gemms().get(0);
        if (anyConv) {
            out.write(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%d,%d,%n", l.name(), g.m(), g.k(), 1, g.k(), 1, g.n(), 1));
        } else {
            out.write(String.format(Locale.ROOT, "%s,%d,%d,%d,%n", l.name(), g.m(), g.n(), g.k()));
        }
    }
}
