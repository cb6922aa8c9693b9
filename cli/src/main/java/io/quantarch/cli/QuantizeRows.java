package io.quantarch.cli;

import io.quantarch.config.ConfigException;
import io.quantarch.config.io.AtomicOutput;
import io.quantarch.numerics.format.BlockLayout;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.format.ScalarCodec;
import io.quantarch.numerics.quant.Granularity;
import io.quantarch.numerics.quant.QuantOptions;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.numerics.quant.Segments;
import io.quantarch.workloads.io.CsvStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of a quantize input in primitive arrays, read in one streaming pass (values, and for each row its segment:
 * a channel or block of a tensor), quantized tensor by tensor, and written in a second streaming pass that repeats each
 * input row with its code, decoded value and scale. Per row only a float, a segment id and the results are kept, so ten
 * million rows fit in a 512 MB heap.
 */
final class QuantizeRows {

    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private float[] x = new float[1024];
    private int[] seg = new int[1024];
    private int n;
    private final Map<String, Integer> segIds = new HashMap<>();
    private final List<Integer> segTensor = new ArrayList<>();
    private final List<String> tensorNames = new ArrayList<>();
    private final Map<String, Integer> tensorIds = new HashMap<>();
    private List<String> header;
    private boolean explicitBlocks;

    /** Codes, decoded values and each row's scale group; scales per group, the tensor scale per tensor. */
    record Result(int[] codes, float[] values, int[] group, float[] scales, int[] scaleCodes, int[] zeroPoints, float[] tensorScale,
                  int[] tensorOfSeg, boolean scaled) { }

    int size() {
        return n;
    }

    static QuantizeRows read(Path in, NumberFormat f) throws ConfigException {
        QuantizeRows r = new QuantizeRows();
        // integer and scaled-float tensors take their scale from the largest magnitude: one infinity or NaN would poison
        // every other row; MX and NVFP4 blocks define what a non-finite element does to its block (OCP MX spec 6.3)
        boolean finiteOnly = !(f.granularity() instanceof Granularity.Unscaled)
                && (f instanceof io.quantarch.numerics.format.IntFormat || f instanceof io.quantarch.numerics.format.ScaledFloat);
        List<String> h = CsvStream.header(in);
        boolean hasBits = h.contains("bits");
        if (!hasBits && !h.contains("value")) {
            throw new ConfigException(in, "header", "a 'value' or a 'bits' column", "a header of " + h.size() + " columns without either");
        }
        String segmentColumn = f.blockLayout().isPresent() && h.contains("block") ? "block" : h.contains("channel") ? "channel" : null;
        boolean hasTensor = h.contains("tensor");
        r.explicitBlocks = "block".equals(segmentColumn);
        r.header = CsvStream.forEach(in, (line, rec) -> {
            float v = hasBits ? bits(in, line, rec.get("bits")) : value(in, line, rec.get("value"));
            if (finiteOnly && !Float.isFinite(v)) {
                throw new ConfigException(in, "line " + line, "a finite value (" + f.name() + " scales its tensors from their largest "
                        + "magnitude; infinities and NaN are accepted by element formats and MX/NVFP4 blocks)", Float.toString(v));
            }
            r.add(v, hasTensor ? rec.get("tensor") : "", segmentColumn == null ? "" : rec.get(segmentColumn));
        });
        return r;
    }

    private void add(float v, String tensor, String segment) {
        if (n == x.length) {
            x = Arrays.copyOf(x, n * 2);
            seg = Arrays.copyOf(seg, n * 2);
        }
        Integer t = tensorIds.computeIfAbsent(tensor, k -> {
            tensorNames.add(k);
            return tensorNames.size() - 1;
        });
        Integer s = segIds.computeIfAbsent(tensor + '\u0000' + segment, k -> {
            segTensor.add(t);
            return segTensor.size() - 1;
        });
        x[n] = v;
        seg[n++] = s;
    }

    private static float bits(Path in, long line, String s) throws ConfigException {
        String h = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
        if (h.isEmpty() || h.length() > 8 || !h.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            throw new ConfigException(in, "line " + line + ", column 'bits'", "a float32 bit pattern of 1-8 hex digits", "'" + s + "'");
        }
        return Float.intBitsToFloat(Integer.parseUnsignedInt(h, 16));
    }

    private static float value(Path in, long line, String s) throws ConfigException {
        return switch (s) {
            case "NaN", "nan", "-NaN", "-nan" -> s.startsWith("-") ? -Float.NaN : Float.NaN;
            case "Infinity", "inf", "+Infinity", "+inf" -> Float.POSITIVE_INFINITY;
            case "-Infinity", "-inf" -> Float.NEGATIVE_INFINITY;
            default -> {                                            // open: any other text must be a decimal number
                if (!DECIMAL.matcher(s).matches()) {
                    throw new ConfigException(in, "line " + line + ", column 'value'", "a decimal number", "'" + s + "'");
                }
                float v = Float.parseFloat(s);
                if (Float.isInfinite(v)) {                          // 1e400 is not an infinity someone asked for
                    throw new ConfigException(in, "line " + line + ", column 'value'", "a decimal number within float32 range (|x| < 3.4e38; "
                            + "write inf for an infinity)", "'" + s + "'");
                }
                yield v;
            }
        };
    }

    /** Quantizes tensor by tensor, each tensor's rows taken segment by segment in order of first appearance. */
    Result quantize(NumberFormat f, QuantOptions options, Path in) throws ConfigException {
        int segs = segTensor.size();
        int[] start = new int[segs + 1];
        for (int i = 0; i < n; i++) {
            start[seg[i] + 1]++;
        }
        for (int s = 0; s < segs; s++) {
            start[s + 1] += start[s];
        }
        boolean identity = tensorNames.size() == 1 && segs == 1;
        if (x.length != n) {
            x = Arrays.copyOf(x, n);                                 // the growable array's spare room off
            seg = Arrays.copyOf(seg, n);
        }
        int[] order = identity ? null : new int[n];
        if (!identity) {
            int[] fill = Arrays.copyOf(start, segs);
            for (int i = 0; i < n; i++) {
                order[fill[seg[i]]++] = i;
            }
        }
        QuantizeTensors q = new QuantizeTensors(f, options, in, n, identity, explicitBlocks);
        for (int t = 0; t < tensorNames.size(); t++) {
            q.tensor(t, tensorNames.get(t), x, order, start, segTensor);
        }
        x = null;                                                    // the values are no longer needed
        return q.result(segTensor.stream().mapToInt(Integer::intValue).toArray(), seg);
    }

    /** Streams the input again, writing each row with its results, to a temporary sibling of {@code out} renamed when complete. */
    void write(NumberFormat f, Result r, Path in, Path out) throws ConfigException, IOException {
        List<String> head = new ArrayList<>(header);
        head.addAll(List.of("code", "decoded_bits"));
        if (r.scaled()) {
            head.addAll(List.of("scale", "scale_code", "zero_point"));
        }
        boolean tensorScale = f.blockLayout().map(BlockLayout::tensorScale).orElse(false);
        if (tensorScale) {
            head.add("tensor_scale");
        }
        Path tmp = AtomicOutput.temporarySibling(out);
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             CSVPrinter p = CSVFormat.DEFAULT.builder().setHeader(head.toArray(String[]::new)).setRecordSeparator('\n').get().print(w)) {
            int[] i = {0};
            List<String> cells = new ArrayList<>(head.size());
            CsvStream.forEach(in, (line, rec) -> {
                int k = i[0]++;
                if (k >= n) {
                    throw new ConfigException(in, "line " + line, "the file as it was read a moment ago", "more rows (it changed while being read)");
                }
                cells.clear();
                rec.forEach(cells::add);
                int g = r.group()[k];
                cells.add(r.codes()[k] == ScalarCodec.NO_CODE ? "" : Integer.toString(r.codes()[k]));
                cells.add(hex(r.values()[k]));
                if (r.scaled()) {
                    cells.add(hex(r.scales()[g]));
                    cells.add(r.scaleCodes()[g] == Integer.MIN_VALUE ? "" : Integer.toString(r.scaleCodes()[g]));
                    cells.add(r.zeroPoints()[g] == Integer.MIN_VALUE ? "" : Integer.toString(r.zeroPoints()[g]));
                }
                if (tensorScale) {
                    cells.add(hex(r.tensorScale()[r.tensorOfSeg()[seg[k]]]));
                }
                try {
                    p.printRecord(cells);
                } catch (IOException e) {
                    throw ConfigException.of(out.toString(), "cannot write: " + e.getMessage());
                }
            });
        } catch (IOException | ConfigException | RuntimeException e) {
            AtomicOutput.discard(tmp);
            throw e;
        }
        AtomicOutput.commit(tmp, out);
    }

    /** Float32 bit pattern as 8 upper-case hex digits; NaN as the canonical quiet NaN with its sign. */
    static String hex(float v) {
        int bits = Float.isNaN(v) ? (Float.floatToRawIntBits(v) & 0x80000000) | 0x7FC00000 : Float.floatToRawIntBits(v);
        return String.format(Locale.ROOT, "%08X", bits);
    }

    static Segments segments(int[] lengths) {
        return Segments.ofLengths(lengths);
    }

    static QuantizedTensor quantize(NumberFormat f, float[] tx, int[] lengths, QuantOptions options) {
        return f.quantize(tx, segments(lengths), options);
    }
}
