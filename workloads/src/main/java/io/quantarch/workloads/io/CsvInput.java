package io.quantarch.workloads.io;

import io.quantarch.config.ConfigException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A CSV file with a header row, read whole, with errors that name the file and the line. */
public record CsvInput(Path file, List<String> header, List<Row> rows) {

    /** One data row and the line of the file it ends on. */
    public record Row(long line, CSVRecord record) {
        public String get(String column) {
            return record.get(column);
        }
    }

    public static CsvInput read(Path file) throws ConfigException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreSurroundingSpaces(true).setTrim(true).get().parse(r)) {
            List<String> header = new ArrayList<>(p.getHeaderNames());
            if (header.isEmpty()) {
                throw ConfigException.of(file.toString(), "expected a header row, found an empty file");
            }
            List<Row> rows = new ArrayList<>();
            try {
                for (CSVRecord rec : p) {
                    long line = p.getCurrentLineNumber();
                    if (rec.size() != header.size()) {
                        throw new ConfigException(file, "line " + line,
                                header.size() + " fields (" + String.join(",", header) + ")", rec.size() + " fields");
                    }
                    rows.add(new Row(line, rec));
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new ConfigException(file, "line " + (p.getCurrentLineNumber() + 1), "well-formed CSV",
                        String.valueOf(e.getMessage()).replace('\n', ' '));
            }
            return new CsvInput(file, List.copyOf(header), rows);
        } catch (NoSuchFileException e) {
            throw ConfigException.of(file.toString(), "file not found");
        } catch (IOException | IllegalArgumentException e) {
            throw ConfigException.of(file.toString(), "cannot read as CSV: " + String.valueOf(e.getMessage()).replace('\n', ' '));
        }
    }

    public boolean has(String column) {
        return header.contains(column);
    }
}
