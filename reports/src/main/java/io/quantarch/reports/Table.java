package io.quantarch.reports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A CSV file as its header and rows of strings (empty cells for missing values). */
public record Table(Path file, List<String> header, List<List<String>> rows) {

    public static Table read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
            List<String> header = List.copyOf(parser.getHeaderNames());
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord rec : parser) {
                rows.add(List.copyOf(rec.toList()));
            }
            return new Table(file, header, List.copyOf(rows));
        }
    }

    /** Null when the file does not exist (optional inputs). */
    public static Table readIfPresent(Path file) throws IOException {
        return Files.exists(file) ? read(file) : null;
    }

    public int column(String name) {
        return header.indexOf(name);
    }

    /** The column as numbers; empty or unparsable cells are NaN. */
    public double[] numbers(String name) {
        int c = column(name);
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c < 0 ? Double.NaN : parse(rows.get(i).get(c));
        }
        return out;
    }

    static double parse(String s) {
        if (s == null || s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
