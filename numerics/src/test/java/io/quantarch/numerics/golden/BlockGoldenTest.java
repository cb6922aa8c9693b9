package io.quantarch.numerics.golden;

import io.quantarch.numerics.format.Formats;
import io.quantarch.numerics.format.NumberFormat;
import io.quantarch.numerics.format.ScalarCodec;
import io.quantarch.numerics.quant.QuantizedTensor;
import io.quantarch.numerics.quant.Segments;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.quantarch.numerics.golden.GoldenCsv.describe;
import static io.quantarch.numerics.golden.GoldenCsv.floatOfHex;
import static io.quantarch.numerics.golden.GoldenCsv.hex;
import static io.quantarch.numerics.golden.GoldenCsv.sameFloat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MX blocks, NVFP4 tensors, integer quantization cases and BitNet ternary tensors of the golden set. */
class BlockGoldenTest {

    @ParameterizedTest
    @CsvSource({"mx_mxfp4_e2m1.csv,mxfp4", "mx_mxfp6_e2m3.csv,mxfp6_e2m3", "mx_mxfp6_e3m2.csv,mxfp6_e3m2",
            "mx_mxfp8_e4m3.csv,mxfp8_e4m3", "mx_mxfp8_e5m2.csv,mxfp8_e5m2", "mx_mxint8.csv,mxint8"})
    void mxBlocksMatch(String file, String formatName) {
        NumberFormat f = Formats.byName(formatName);
        Map<String, List<CSVRecord>> blocks = GoldenCsv.groupBy(GoldenCsv.read(file), r -> r.get("block_id"));
        List<String> bad = new ArrayList<>();
        for (List<CSVRecord> block : blocks.values()) {
            float[] x = new float[block.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = floatOfHex(block.get(i).get("input_hex"));
            }
            QuantizedTensor q = f.quantize(x, Segments.whole(x.length));
            for (int i = 0; i < x.length; i++) {
                CSVRecord r = block.get(i);
                int scaleCode = q.scaleCodes()[q.groupOf(i)];
                if (scaleCode != Integer.parseInt(r.get("scale_e8m0_code"))) {
                    bad.add(describe(r) + " scale code " + scaleCode);
                }
                String ec = r.get("elem_code");
                int code = q.codes()[i];
                if (ec.isEmpty() ? code != ScalarCodec.NO_CODE : code != Integer.parseInt(ec)) {
                    bad.add(describe(r) + " code " + code);
                }
                if (!sameFloat(hex(r.get("output_hex")), q.values()[i])) {
                    bad.add(describe(r) + " output " + q.values()[i]);
                }
            }
        }
        assertTrue(bad.isEmpty(), bad.size() + " mismatches, first: " + bad.stream().limit(5).toList());
    }

    @Test
    void nvfp4TensorsMatch() {
        NumberFormat f = Formats.byName("nvfp4");
        Map<String, List<CSVRecord>> tensors = GoldenCsv.groupBy(GoldenCsv.read("nvfp4.csv"), r -> r.get("tensor_id"));
        List<String> bad = new ArrayList<>();
        for (List<CSVRecord> t : tensors.values()) {
            int rows = Integer.parseInt(t.get(0).get("rows"));
            int cols = Integer.parseInt(t.get(0).get("cols"));
            // the golden file holds whole tensors in row-major order
            float[] x = new float[rows * cols];
            for (CSVRecord r : t) {
                x[Integer.parseInt(r.get("row")) * cols + Integer.parseInt(r.get("col"))] = floatOfHex(r.get("input_hex"));
            }
            QuantizedTensor q = f.quantize(x, Segments.rows(rows, cols));
            for (CSVRecord r : t) {
                int i = Integer.parseInt(r.get("row")) * cols + Integer.parseInt(r.get("col"));
                if (!sameFloat(hex(r.get("s_dec_hex")), q.tensorScale())) {
                    bad.add(describe(r) + " S_dec " + q.tensorScale());
                }
                if (q.scaleCodes()[q.groupOf(i)] != Integer.parseInt(r.get("blk_scale_e4m3_code"))) {
                    bad.add(describe(r) + " block scale code " + q.scaleCodes()[q.groupOf(i)]);
                }
                if (q.codes()[i] != Integer.parseInt(r.get("elem_code"))) {
                    bad.add(describe(r) + " code " + q.codes()[i]);
                }
                if (!sameFloat(hex(r.get("output_hex")), q.values()[i])) {
                    bad.add(describe(r) + " output " + q.values()[i]);
                }
            }
        }
        assertTrue(bad.isEmpty(), bad.size() + " mismatches, first: " + bad.stream().limit(5).toList());
    }

    @ParameterizedTest
    @CsvSource({"intquant_int2.csv", "intquant_int3.csv", "intquant_int4.csv", "intquant_int8.csv"})
    void integerQuantizationCasesMatch(String file) {
        Map<String, List<CSVRecord>> cases = GoldenCsv.groupBy(GoldenCsv.read(file), r -> r.get("case_id"));
        List<String> bad = new ArrayList<>();
        for (List<CSVRecord> c : cases.values()) {
            CSVRecord h = c.get(0);
            String granularity = switch (h.get("granularity")) {
                case "per_tensor" -> "_tensor";
                case "per_channel" -> "_channel";
                case "group32" -> "_g32";
                case "group128" -> "_g128";
                default -> throw new IllegalStateException(h.get("granularity"));
            };
            NumberFormat f = Formats.byName("int" + h.get("bits") + "_" + h.get("mode") + granularity);
            int rows = Integer.parseInt(h.get("rows"));
            int cols = Integer.parseInt(h.get("cols"));
            float[] x = new float[rows * cols];
            for (CSVRecord r : c) {
                x[Integer.parseInt(r.get("row")) * cols + Integer.parseInt(r.get("col"))] = floatOfHex(r.get("input_hex"));
            }
            QuantizedTensor q = f.quantize(x, Segments.rows(rows, cols));
            for (CSVRecord r : c) {
                int i = Integer.parseInt(r.get("row")) * cols + Integer.parseInt(r.get("col"));
                int g = q.groupOf(i);
                if (!sameFloat(hex(r.get("scale_hex")), q.scales()[g])) {
                    bad.add(describe(r) + " scale " + q.scales()[g]);
                }
                int zp = q.zeroPoints() == null ? 0 : q.zeroPoints()[g];
                if (zp != Integer.parseInt(r.get("zero_point"))) {
                    bad.add(describe(r) + " zero point " + zp);
                }
                if (q.codes()[i] != Integer.parseInt(r.get("code"))) {
                    bad.add(describe(r) + " code " + q.codes()[i]);
                }
                if (!sameFloat(hex(r.get("output_hex")), q.values()[i])) {
                    bad.add(describe(r) + " output " + q.values()[i]);
                }
            }
        }
        assertTrue(bad.isEmpty(), bad.size() + " mismatches, first: " + bad.stream().limit(5).toList());
    }

    @Test
    void ternaryTensorsMatch() {
        NumberFormat f = Formats.byName("ternary");
        Map<String, List<CSVRecord>> tensors = GoldenCsv.groupBy(GoldenCsv.read("ternary_bitnet.csv"), r -> r.get("tensor_id"));
        List<String> bad = new ArrayList<>();
        for (List<CSVRecord> t : tensors.values()) {
            int n = Integer.parseInt(t.get(0).get("n"));
            float[] x = new float[n];
            for (CSVRecord r : t) {
                x[Integer.parseInt(r.get("idx"))] = floatOfHex(r.get("input_hex"));
            }
            QuantizedTensor q = f.quantize(x, Segments.whole(n));
            for (CSVRecord r : t) {
                int i = Integer.parseInt(r.get("idx"));
                if (!sameFloat(hex(r.get("gamma_hex")), q.scales()[0])) {
                    bad.add(describe(r) + " gamma " + q.scales()[0]);
                }
                if (q.codes()[i] != Integer.parseInt(r.get("code"))) {
                    bad.add(describe(r) + " code " + q.codes()[i]);
                }
                if (!sameFloat(hex(r.get("output_hex")), q.values()[i])) {
                    bad.add(describe(r) + " output " + q.values()[i]);
                }
            }
        }
        assertTrue(bad.isEmpty(), bad.size() + " mismatches, first: " + bad.stream().limit(5).toList());
    }
}
