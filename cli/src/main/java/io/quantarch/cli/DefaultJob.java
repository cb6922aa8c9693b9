package io.quantarch.cli;

import io.quantarch.cli.run.RunDirectory;
import io.quantarch.numerics.format.Formats;
import io.quantarch.numerics.format.Kind;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.metrics.ErrorMetrics;
import io.quantarch.numerics.quant.Segments;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What {@code ./quantarch} runs without arguments: every listed number format on a seeded synthetic
 * weight tensor with outlier channels (the distribution LLM weights and activations are known for),
 * reporting storage bits per element against quantization error.
 */
final class DefaultJob {

    static final int CHANNELS = 64;
    static final int CHANNEL_LENGTH = 1024;
    static final long SEED = 20261122L;

    private final Main.Io io;

    DefaultJob(Main.Io io) {
        this.io = io;
    }

    record Row(NumberFormat format, ErrorMetrics metrics) { }

    int run() throws IOException {
        float[] x = syntheticTensor(SEED, CHANNELS, CHANNEL_LENGTH);
        Segments rows = Segments.rows(CHANNELS, CHANNEL_LENGTH);
        List<Row> results = new ArrayList<>();
        List<NumberFormat> formats = Formats.listed().stream().filter(f -> f.kind() != Kind.MINIFLOAT).toList();
        for (NumberFormat f : formats) {
            results.add(new Row(f, ErrorMetrics.between(x, f.fakeQuantize(x, rows))));
        }
        try (RunDirectory dir = RunDirectory.timestamped("default")) {
            Path csv = dir.work().resolve("formats.csv");
            try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                 CSVPrinter p = CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                         .setHeader("format", "kind", "bits", "bits_per_element", "mse", "sqnr_db", "cosine", "max_abs_error",
                                 "tensor_synthetic").get().print(w)) {
                for (Row r : results) {
                    p.printRecord(r.format().name(), r.format().kind().label(), r.format().bits(),
                            fmt(r.format().bitsPerElement()), r.metrics().mse(), fmt(r.metrics().sqnrDb()),
                            r.metrics().cosine(), r.metrics().maxAbsError(),
                            "gaussian_outlier_channels_" + CHANNELS + "x" + CHANNEL_LENGTH + "_seed" + SEED);
                }
            }
            Path done = dir.commit();
            io.out().println("quantarch: quantized a " + CHANNELS + "x" + CHANNEL_LENGTH
                    + " synthetic tensor (Gaussian, outlier channels, seed " + SEED + ") with " + results.size() + " formats.");
            io.out().println("Best SQNR at each storage budget:");
            // best SQNR within each whole-bit storage budget (e.g. 4.0 to 4.99 bits per element)
            java.util.TreeMap<Integer, Row> best = new java.util.TreeMap<>();
            for (Row r : results) {
                best.merge((int) Math.floor(r.format().bitsPerElement() + 1e-9), r,
                        (a, b) -> a.metrics().sqnrDb() >= b.metrics().sqnrDb() ? a : b);
            }
            best.values().forEach(r -> io.out().println(String.format(Locale.ROOT, "  %-18s %6.3f bits/elem  SQNR %6.2f dB",
                    r.format().name(), r.format().bitsPerElement(), r.metrics().sqnrDb())));
            io.out().println("Results: " + done.resolve("formats.csv"));
        }
        return 0;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /**
     * Gaussian rows with log-normal per-channel scales and a few outlier channels (x 20), seeded:
     * a stand-in for LLM weights when no real tensor is at hand. Columns that use it say "synthetic".
     */
    static float[] syntheticTensor(long seed, int channels, int length) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[channels * length];
        for (int c = 0; c < channels; c++) {
            double sigma = 0.02 * Math.exp(0.5 * nextGaussian(r));
            if (c % 29 == 3) {
                sigma *= 20;                           // outlier channel
            }
            for (int i = 0; i < length; i++) {
                x[c * length + i] = (float) (sigma * nextGaussian(r));
            }
        }
        return x;
    }

    private static double nextGaussian(SplittableRandom r) {
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
