package io.quantarch.cli;

import io.quantarch.config.ConfigException;
import io.quantarch.numerics.format.Formats;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.format.UnknownFormatException;
import io.quantarch.numerics.quant.Calibration;
import io.quantarch.numerics.quant.QuantOptions;
import io.quantarch.numerics.quant.Rounding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        checkOut();
        QuantizeRows rows = QuantizeRows.read(in, f);
        QuantizeRows.Result r = rows.quantize(f, options, in);
        rows.write(f, r, in, out);
        io.err().println("quantize: " + rows.size() + " values, format " + f.name() + " -> " + out);
        return 0;
    }

    /** The output must be a file path whose directory exists or can be made, not a directory. */
    private void checkOut() throws ConfigException {
        if (Files.isDirectory(out)) {
            throw new ConfigException("--out", null, "an output file", out + " is a directory");
        }
        if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new ConfigException("--out", null, "a file other than --in", out.toString());
        }
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

}
