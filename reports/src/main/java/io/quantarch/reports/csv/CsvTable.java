package io.quantarch.reports.csv;

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

/**
 * A CSV file written with Apache Commons CSV: a fixed header, then rows of cells. The one CSV writer of the project:
 * every result file goes through it.
 */
public final class CsvTable implements AutoCloseable {

    private final CSVPrinter printer;
    private final int columns;

    private CsvTable(CSVPrinter printer, int columns) {
        this.printer = printer;
        this.columns = columns;
    }

    public static CsvTable create(Path file, List<String> header) throws IOException {
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator('\n').get().print(w);
        return new CsvTable(p, header.size());
    }

    /**
     * A table appended to {@code file} (a resumed run's log), cut back to {@code bytes} first; the header is written
     * only when the file is new ({@code bytes} negative).
     */
    public static CsvTable append(Path file, List<String> header, long bytes) throws IOException {
        if (bytes < 0) {
            return create(file, header);
        }
        try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            c.truncate(bytes);
        }
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        CSVPrinter p = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get().print(w);
        return new CsvTable(p, header.size());
    }

    /** A row of cells already formatted (e.g. doubles at full precision with {@link #exact}). */
    public void text(List<String> cells) throws IOException {
        if (cells.size() != columns) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells for " + columns + " columns");
        }
        printer.printRecord(cells);
    }

    /** Writes buffered rows through to the file. */
    public void flush() throws IOException {
        printer.flush();
    }

    /** A double at full precision ({@link Double#toString}), empty for NaN: for files that must round-trip bit for bit. */
    public static String exact(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    public void row(Object... cells) throws IOException {
        if (cells.length != columns) {
            throw new IllegalArgumentException("row has " + cells.length + " cells for " + columns + " columns");
        }
        List<String> out = new ArrayList<>(cells.length);
        for (Object c : cells) {
            out.add(cell(c));
        }
        printer.printRecord(out);
    }

    /** Numbers in a stable, locale-independent form: integers as is, doubles with up to 6 significant decimals. */
    public static String cell(Object c) {
        if (c == null) {
            return "";
        }
        if (c instanceof Double d) {
            if (d.isNaN()) {
                return "";
            }
            if (d.isInfinite()) {
                return d > 0 ? "inf" : "-inf";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            return String.format(Locale.ROOT, "%.6g", d).replaceAll("(\\.\\d*?)0+($|e)", "$1$2").replace(".e", "e").replaceAll("\\.$", "");
        }
        if (c instanceof Float f) {
            return cell((double) f);
        }
        return c.toString();
    }

    private boolean closed;

    /** Idempotent: a table closed early (to commit its directory) may be closed again by try-with-resources. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            printer.close(true);
        }
    }
}
