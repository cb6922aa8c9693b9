package io.quantarch.cli;

import io.quantarch.numerics.golden.GoldenCsv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every golden vector row through {@code quantarch quantize}, the way a user (or another tool) would
 * feed it: the input bit patterns with grouping columns, compared bit-exactly with the reference.
 */
class QuantizeGoldenCliTest {

    @TempDir
    Path tmp;

    record Expect(String column, Function<CSVRecord, String> golden, boolean hexCompare) { }

    List<CSVRecord> runQuantize(String format, List<CSVRecord> golden, List<String> inColumns,
                                List<Function<CSVRecord, String>> inValues, String... extraArgs) throws IOException {
        Path in = tmp.resolve("in.csv");
        Path out = tmp.resolve("out.csv");
        try (Writer w = Files.newBufferedWriter(in);
             CSVPrinter p = CSVFormat.DEFAULT.builder().setHeader(inColumns.toArray(String[]::new)).get().print(w)) {
            for (CSVRecord r : golden) {
                List<String> cells = new ArrayList<>();
                for (Function<CSVRecord, String> f : inValues) {
                    cells.add(f.apply(r));
                }
                p.printRecord(cells);
            }
        }
        List<String> args = new ArrayList<>(List.of("quantize", "--format", format, "--in", in.toString(), "--out", out.toString()));
        args.addAll(List.of(extraArgs));
        CliRunner res = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, res.exitCode(), res.err());
        try (Reader r = Files.newBufferedReader(out)) {
            List<CSVRecord> rows = new ArrayList<>();
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).forEach(rows::add);
            assertEquals(golden.size(), rows.size());
            return rows;
        }
    }

    static void compare(List<CSVRecord> golden, List<CSVRecord> out, List<Expect> expects) {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < golden.size(); i++) {
            for (Expect e : expects) {
                String want = e.golden().apply(golden.get(i));
                String got = out.get(i).get(e.column());
                boolean ok;
                if (e.hexCompare()) {
                    float w = Float.intBitsToFloat(GoldenCsv.hex(want));
                    float g = Float.intBitsToFloat(GoldenCsv.hex(got));
                    ok = Float.isNaN(w) ? Float.isNaN(g) : GoldenCsv.hex(want) == GoldenCsv.hex(got);
                } else {
                    ok = want.equals(got);
                }
                if (!ok) {
                    bad.add(GoldenCsv.describe(golden.get(i)) + " column " + e.column() + ": want " + want + " got " + got);
                }
            }
        }
        assertTrue(bad.isEmpty(), bad.size() + " mismatches, first: " + bad.stream().limit(5).toList());
    }

    @ParameterizedTest
    @CsvSource({"e2m1,fp4_e2m1", "e2m3,fp6_e2m3", "e3m2,fp6_e3m2", "e4m3,fp8_e4m3", "e5m2,fp8_e5m2", "e5m10,fp16",
            "e3m3_b3,e3m3b3", "e2m5_b1_nosub,e2m5b1_nosub", "e4m3_ieee,e4m3_ieee", "e3m4_ieee,e3m4_ieee"})
    void encodeVectors(String suffix, String format) throws IOException {
        List<CSVRecord> golden = GoldenCsv.read("encode_" + suffix + ".csv");
        List<CSVRecord> out = runQuantize(format, golden, List.of("bits"), List.of(r -> r.get("input_hex")));
        List<CSVRecord> defined = new ArrayList<>();
        List<CSVRecord> definedOut = new ArrayList<>();
        for (int i = 0; i < golden.size(); i++) {
            boolean nan = Float.isNaN(GoldenCsv.floatOfHex(golden.get(i).get("sat_value_hex").isEmpty() ? "0x7FC00000" : golden.get(i).get("sat_value_hex")));
            if (golden.get(i).get("sat_code").isEmpty()) {
                assertEquals("", out.get(i).get("code"), "undefined code stays empty: " + GoldenCsv.describe(golden.get(i)));
            } else if (!nan) {
                defined.add(golden.get(i));
                definedOut.add(out.get(i));
            }
        }
        compare(defined, definedOut, List.of(new Expect("code", r -> r.get("sat_code"), false),
                new Expect("decoded_bits", r -> r.get("sat_value_hex"), true)));

        List<CSVRecord> nonsat = golden.stream().filter(r -> !r.get("nonsat_code").isEmpty()).toList();
        if (!nonsat.isEmpty()) {
            List<CSVRecord> out2 = runQuantize(format, nonsat, List.of("bits"), List.of(r -> r.get("input_hex")), "--no-saturate");
            compare(nonsat, out2, List.of(new Expect("decoded_bits", r -> r.get("nonsat_value_hex"), true)));
        }
    }

    @ParameterizedTest
    @CsvSource({"mx_mxfp4_e2m1.csv,mxfp4", "mx_mxfp6_e2m3.csv,mxfp6_e2m3", "mx_mxfp6_e3m2.csv,mxfp6_e3m2",
            "mx_mxfp8_e4m3.csv,mxfp8_e4m3", "mx_mxfp8_e5m2.csv,mxfp8_e5m2", "mx_mxint8.csv,mxint8"})
    void mxVectors(String file, String format) throws IOException {
        List<CSVRecord> golden = GoldenCsv.read(file);
        List<CSVRecord> out = runQuantize(format, golden, List.of("block", "bits"),
                List.of(r -> r.get("block_id"), r -> r.get("input_hex")));
        compare(golden, out, List.of(new Expect("code", r -> r.get("elem_code"), false),
                new Expect("decoded_bits", r -> r.get("output_hex"), true),
                new Expect("scale_code", r -> r.get("scale_e8m0_code"), false),
                new Expect("scale", r -> r.get("scale_value_hex"), true)));
    }

    @ParameterizedTest
    @CsvSource({"channel", "block"})
    void nvfp4Vectors(String grouping) throws IOException {
        List<CSVRecord> golden = GoldenCsv.read("nvfp4.csv");
        Function<CSVRecord, String> group = grouping.equals("channel") ? r -> r.get("row") : r -> r.get("block_idx");
        List<CSVRecord> out = runQuantize("nvfp4", golden, List.of("tensor", grouping, "value"),
                List.of(r -> r.get("tensor_id"), group, r -> r.get("input")));
        compare(golden, out, List.of(new Expect("code", r -> r.get("elem_code"), false),
                new Expect("decoded_bits", r -> r.get("output_hex"), true),
                new Expect("scale_code", r -> r.get("blk_scale_e4m3_code"), false),
                new Expect("scale", r -> r.get("blk_scale_hex"), true),
                new Expect("tensor_scale", r -> r.get("s_dec_hex"), true)));
    }

    @ParameterizedTest
    @CsvSource({"intquant_int2.csv", "intquant_int3.csv", "intquant_int4.csv", "intquant_int8.csv"})
    void integerVectors(String file) throws IOException {
        var cases = GoldenCsv.groupBy(GoldenCsv.read(file), r -> r.get("case_id"));
        for (List<CSVRecord> golden : cases.values()) {
            CSVRecord h = golden.get(0);
            String g = switch (h.get("granularity")) {
                case "per_tensor" -> "tensor";
                case "per_channel" -> "channel";
                case "group32" -> "g32";
                default -> "g128";
            };
            List<CSVRecord> out = runQuantize("int" + h.get("bits") + "_" + h.get("mode") + "_" + g, golden,
                    List.of("tensor", "channel", "bits"),
                    List.of(r -> r.get("tensor_id"), r -> r.get("row"), r -> r.get("input_hex")));
            compare(golden, out, List.of(new Expect("code", r -> r.get("code"), false),
                    new Expect("decoded_bits", r -> r.get("output_hex"), true),
                    new Expect("scale", r -> r.get("scale_hex"), true),
                    new Expect("zero_point", r -> h.get("mode").equals("sym") ? "" : r.get("zero_point"), false)));
        }
    }

    @org.junit.jupiter.api.Test
    void ternaryVectors() throws IOException {
        List<CSVRecord> golden = GoldenCsv.read("ternary_bitnet.csv");
        List<CSVRecord> out = runQuantize("ternary", golden, List.of("tensor", "value"),
                List.of(r -> r.get("tensor_id"), r -> r.get("input")));
        compare(golden, out, List.of(new Expect("code", r -> r.get("code"), false),
                new Expect("decoded_bits", r -> r.get("output_hex"), true),
                new Expect("scale", r -> r.get("gamma_hex"), true)));
    }
}
