package io.quantarch.cli.run;

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

/** A CSV file written with Apache Commons CSV: a fixed header, then rows of cells. */
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
