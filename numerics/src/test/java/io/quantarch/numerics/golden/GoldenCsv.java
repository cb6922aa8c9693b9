package io.quantarch.numerics.golden;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads the golden vector CSV files from test resources. */
public final class GoldenCsv {

    private GoldenCsv() {
    }

    public static List<CSVRecord> read(String file) {
        String resource = "/golden/formats/" + file;
        try (InputStream in = GoldenCsv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
            List<CSVRecord> rows = new ArrayList<>();
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).forEach(rows::add);
            if (rows.isEmpty()) {
                throw new IllegalStateException("no rows in " + resource);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows grouped by a key, in file order. */
    public static <K> Map<K, List<CSVRecord>> groupBy(List<CSVRecord> rows, Function<CSVRecord, K> key) {
        Map<K, List<CSVRecord>> out = new LinkedHashMap<>();
        for (CSVRecord r : rows) {
            out.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    public static int hex(String s) {
        String h = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
        return Integer.parseUnsignedInt(h, 16);
    }

    public static float floatOfHex(String s) {
        return Float.intBitsToFloat(hex(s));
    }

    /** Bit-exact float comparison, NaN compared by NaN-ness (reference README §1). */
    public static boolean sameFloat(int expectedBits, float actual) {
        float expected = Float.intBitsToFloat(expectedBits);
        if (Float.isNaN(expected)) {
            return Float.isNaN(actual);
        }
        return Float.floatToRawIntBits(actual) == expectedBits;
    }

    public static String describe(CSVRecord r) {
        return "line " + (r.getRecordNumber() + 1) + ": " + String.join(",", r.values());
    }
}
