package io.quantarch.cli;

import io.quantarch.config.ConfigException;
import io.quantarch.workloads.io.CsvInput;
import io.quantarch.config.io.AtomicOutput;
import io.quantarch.numerics.format.BlockLayout;
import io.quantarch.numerics.format.Formats;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.format.ScalarCodec;
import io.quantarch.numerics.format.UnknownFormatException;
import io.quantarch.numerics.quant.Calibration;
import io.quantarch.numerics.quant.QuantOptions;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.numerics.quant.Rounding;
import io.quantarch.numerics.quant.Segments;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code quantarch quantize}: quantizes the values of a CSV file with one format and writes codes,
 * dequantized bit patterns and scales (ARCHITECTURE.md, stable contract).
 */
@Command(name = "quantize", sortOptions = false,
        description = {"Quantize the values of a CSV file with one number format.",
                "IN has a 'value' column (decimal) or a 'bits' column (float32 bit pattern, 8 hex digits, 0x optional).",
                "Optional grouping columns: 'tensor' (rows with one id form one tensor), 'channel' (per-channel scales;",
                "groups are consecutive rows of a channel), 'block' (rows with one id form one block of a block format).",
                "OUT repeats the input columns and adds code, decoded_bits and, for scaled formats, scale, scale_code, zero_point."})
final class QuantizeCommand implements Callable<Integer> {

    @Option(names = "--format", required = true, paramLabel = "NAME", description = "Format name (see 'quantarch formats list').")
    String format;

    @Option(names = "--in", required = true, paramLabel = "IN.csv", description = "Input CSV.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "Output CSV (written atomically).")
    Path out;

    @Option(names = "--no-saturate", description = "Overflow to Inf (or NaN where the format has no Inf) instead of clamping to the largest finite value.")
    boolean noSaturate;

    @Option(names = "--calibration", paramLabel = "MODE", defaultValue = "max",
            description = "Scale calibration: max (default), percentile:P (e.g. percentile:99.9) or mse (clipping search).")
    String calibration;

    @Option(names = "--rounding", paramLabel = "MODE", defaultValue = "nearest",
            description = "nearest (round to nearest even, default) or stochastic:SEED.")
    String rounding;

    private final Main.Io io;

    QuantizeCommand(Main.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws ConfigException, IOException {
        NumberFormat f = resolveFormat();
        QuantOptions options = new QuantOptions(parseCalibration(), parseRounding());
        CsvInput input = CsvInput.read(in);
        boolean hasBits = input.has("bits");
        boolean hasValue = input.has("value");
        if (!hasBits && !hasValue) {
            throw new ConfigException(in, "header", "a 'value' or a 'bits' column", String.join(",", input.header()));
        }
        int n = input.rows().size();
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            CsvInput.Row row = input.rows().get(i);
            x[i] = hasBits ? parseBits(row) : parseValue(row);
        }
        Result r = quantizeGrouped(f, input, x, options);
        writeOutput(f, input, r);
        io.err().println("quantize: " + n + " values, format " + f.name() + " -> " + out);
        return 0;
    }

    private NumberFormat resolveFormat() throws ConfigException {
        NumberFormat f;
        try {
            f = Formats.byName(format);
        } catch (UnknownFormatException e) {
            throw ConfigException.of("--format", e.getMessage());
        }
        if (noSaturate) {
            try {
                f = f.withoutSaturation();
            } catch (IllegalArgumentException e) {
                throw ConfigException.of("--no-saturate", e.getMessage());
            }
        }
        return f;
    }

    private Calibration parseCalibration() throws ConfigException {
        try {
            return Calibration.parse(calibration);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--calibration", null, e.getMessage(), calibration);
        }
    }

    private Rounding parseRounding() throws ConfigException {
        try {
            return Rounding.parse(rounding);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--rounding", null, e.getMessage(), rounding);
        }
    }

    private float parseBits(CsvInput.Row row) throws ConfigException {
        String s = row.get("bits");
        String h = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
        if (h.isEmpty() || h.length() > 8 || !h.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            throw new ConfigException(in, "line " + row.line() + ", column 'bits'", "a float32 bit pattern of 1-8 hex digits", "'" + s + "'");
        }
        return Float.intBitsToFloat(Integer.parseUnsignedInt(h, 16));
    }

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private float parseValue(CsvInput.Row row) throws ConfigException {
        String s = row.get("value");
        return switch (s) {
            case "NaN", "nan", "-NaN", "-nan" -> s.startsWith("-") ? -Float.NaN : Float.NaN;
            case "Infinity", "inf", "+Infinity", "+inf" -> Float.POSITIVE_INFINITY;
            case "-Infinity", "-inf" -> Float.NEGATIVE_INFINITY;
            default -> {                                            // open: any other text must be a decimal number
                if (!DECIMAL.matcher(s).matches()) {
                    throw new ConfigException(in, "line " + row.line() + ", column 'value'", "a decimal number", "'" + s + "'");
                }
                yield Float.parseFloat(s);
            }
        };
    }

    /** Codes, values and scale information per input row. */
    record Result(int[] codes, float[] values, float[] scales, int[] scaleCodes, int[] zeroPoints, float[] tensorScales, boolean scaled) { }

    private Result quantizeGrouped(NumberFormat f, CsvInput input, float[] x, QuantOptions options) throws ConfigException {
        int n = x.length;
        boolean blockFormat = f.blockLayout().isPresent();
        String segmentColumn = blockFormat && input.has("block") ? "block" : input.has("channel") ? "channel" : null;
        Map<String, List<Integer>> tensors = groupRows(input, "tensor");
        Result out = new Result(new int[n], new float[n], new float[n], new int[n], new int[n], new float[n],
                !(f.granularity() instanceof io.quantarch.numerics.quant.Granularity.Unscaled));
        for (Map.Entry<String, List<Integer>> t : tensors.entrySet()) {
            // gather the tensor's rows segment by segment (channels or blocks, in order of first appearance)
            List<Integer> order = new ArrayList<>();
            List<Integer> lengths = new ArrayList<>();
            if (segmentColumn == null) {
                order.addAll(t.getValue());
                lengths.add(order.size());
            } else {
                Map<String, List<Integer>> segs = new LinkedHashMap<>();
                for (int row : t.getValue()) {
                    segs.computeIfAbsent(input.rows().get(row).get(segmentColumn), k -> new ArrayList<>()).add(row);
                }
                for (List<Integer> seg : segs.values()) {
                    order.addAll(seg);
                    lengths.add(seg.size());
                }
            }
            float[] tx = new float[order.size()];
            for (int i = 0; i < tx.length; i++) {
                tx[i] = x[order.get(i)];
            }
            Segments segments = Segments.ofLengths(lengths.stream().mapToInt(Integer::intValue).toArray());
            if (blockFormat && segmentColumn != null && segmentColumn.equals("block")) {
                int blockSize = f.blockLayout().orElseThrow().blockSize();
                for (int len : lengths) {
                    if (len > blockSize) {
                        throw new ConfigException(in, "tensor '" + t.getKey() + "'", "blocks of at most " + blockSize
                                + " rows for " + f.name(), "a block of " + len + " rows");
                    }
                }
            }
            QuantizedTensor q;
            try {
                q = f.quantize(tx, segments, options);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(in, "tensor '" + t.getKey() + "'", "values " + f.name() + " can quantize", e.getMessage());
            }
            int[] group = q.groupIndex();
            for (int i = 0; i < tx.length; i++) {
                int row = order.get(i);
                int g = group[i];
                out.codes[row] = q.codes()[i];
                out.values[row] = q.values()[i];
                out.scales[row] = q.scales()[g];
                out.scaleCodes[row] = q.scaleCodes() == null ? Integer.MIN_VALUE : q.scaleCodes()[g];
                out.zeroPoints[row] = q.zeroPoints() == null ? Integer.MIN_VALUE : q.zeroPoints()[g];
                out.tensorScales[row] = q.tensorScale();
            }
        }
        return out;
    }

    private static Map<String, List<Integer>> groupRows(CsvInput input, String column) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < input.rows().size(); i++) {
            String key = input.has(column) ? input.rows().get(i).get(column) : "";
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        return groups;
    }

    private void writeOutput(NumberFormat f, CsvInput input, Result r) throws IOException {
        List<String> header = new ArrayList<>(input.header());
        header.add("code");
        header.add("decoded_bits");
        if (r.scaled()) {
            header.add("scale");
            header.add("scale_code");
            header.add("zero_point");
        }
        boolean tensorScale = f.blockLayout().map(BlockLayout::tensorScale).orElse(false);
        if (tensorScale) {
            header.add("tensor_scale");
        }
        Path tmp = AtomicOutput.temporarySibling(out);
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             CSVPrinter p = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator('\n').get().print(w)) {
            List<String> cells = new ArrayList<>(header.size());
            for (int i = 0; i < input.rows().size(); i++) {
                cells.clear();
                for (String v : input.rows().get(i).record().values()) {
                    cells.add(v);
                }
                cells.add(r.codes()[i] == ScalarCodec.NO_CODE ? "" : Integer.toString(r.codes()[i]));
                cells.add(hex(r.values()[i]));
                if (r.scaled()) {
                    cells.add(hex(r.scales()[i]));
                    cells.add(r.scaleCodes()[i] == Integer.MIN_VALUE ? "" : Integer.toString(r.scaleCodes()[i]));
                    cells.add(r.zeroPoints()[i] == Integer.MIN_VALUE ? "" : Integer.toString(r.zeroPoints()[i]));
                }
                if (tensorScale) {
                    cells.add(hex(r.tensorScales()[i]));
                }
                p.printRecord(cells);
            }
        } catch (IOException | RuntimeException e) {
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
}
