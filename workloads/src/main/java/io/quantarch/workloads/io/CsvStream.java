package io.quantarch.workloads.io;

import io.quantarch.config.ConfigException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file with a header row, read one row at a time (nothing is kept, so files of any length fit in memory): strict
 * UTF-8, a leading byte-order mark skipped, CRLF or LF, a header whose column names are distinct, every row with the
 * header's number of fields; every error names the file and the line.
 */
public final class CsvStream {

    /** Receives one data row and the line it ends on. */
    @FunctionalInterface
    public interface RowHandler {
        void row(long line, CSVRecord record) throws ConfigException;
    }

    private CsvStream() {
    }

    /** The header alone, with the same checks as {@link #forEach}. */
    public static List<String> header(Path file) throws ConfigException {
        return read(file, null);
    }

    /** Calls {@code handler} for every data row, in order; returns the header. */
    public static List<String> forEach(Path file, RowHandler handler) throws ConfigException {
        return read(file, handler);
    }

    private static List<String> read(Path file, RowHandler handler) throws ConfigException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader raw = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
            raw.mark(1);
            if (raw.read() != '\uFEFF') {
                raw.reset();
            }
            try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).setTrim(true)
                    .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get().parse(raw)) {
                List<String> header = new ArrayList<>(p.getHeaderNames());
                if (header.isEmpty()) {
                    throw ConfigException.of(file.toString(), "expected a header row, found an empty file");
                }
                if (handler != null) {
                    rows(file, p, header, handler);
                }
                return List.copyOf(header);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file, "header", "distinct column names", duplicateName(e.getMessage()));
            }
        } catch (NoSuchFileException e) {
            throw ConfigException.of(file.toString(), "file not found");
        } catch (CharacterCodingException e) {
            throw notUtf8(file);
        } catch (IOException e) {
            throw ConfigException.of(file.toString(), "cannot read as CSV: " + String.valueOf(e.getMessage()).replace('\n', ' '));
        }
    }

    private static void rows(Path file, CSVParser p, List<String> header, RowHandler handler) throws ConfigException {
        try {
            for (CSVRecord rec : p) {
                long line = p.getCurrentLineNumber();
                if (rec.size() != header.size()) {
                    throw new ConfigException(file, "line " + line, header.size() + " fields as in the header",
                            rec.size() + " fields");
                }
                handler.row(line, rec);
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw notUtf8(file);
            }
            throw new ConfigException(file, "line " + (p.getCurrentLineNumber() + 1), "well-formed CSV",
                    io.quantarch.config.Text.excerpt(String.valueOf(e.getMessage())));
        }
    }

    /** Commons CSV names the duplicate as {@code name: "x" in [...]}; quote the name alone, never the whole header. */
    private static String duplicateName(String message) {
        var m = java.util.regex.Pattern.compile("name: \"([^\"]*)\"").matcher(String.valueOf(message));
        return m.find() ? "'" + io.quantarch.config.Text.excerpt(m.group(1)) + "' twice" : "a column name twice";
    }

    /** The reader decodes ahead of the parser, so the bad byte's line comes from a scan of the file itself. */
    private static ConfigException notUtf8(Path file) {
        long line;
        try {
            line = io.quantarch.config.Text.lineOfFirstBadByte(file);
        } catch (IOException e) {
            line = 0;
        }
        return new ConfigException(file, line > 0 ? "line " + line : null, "UTF-8 text", "a byte that is not UTF-8");
    }
}
