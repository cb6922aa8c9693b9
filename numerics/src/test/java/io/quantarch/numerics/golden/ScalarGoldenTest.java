package io.quantarch.numerics.golden;

import io.quantarch.numerics.format.E8M0;
import io.quantarch.numerics.format.Formats;
import io.quantarch.numerics.format.MiniFloat;
import io.quantarch.numerics.format.MxIntElement;
import io.quantarch.numerics.format.ScalarCodec;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static io.quantarch.numerics.golden.GoldenCsv.describe;
import static io.quantarch.numerics.golden.GoldenCsv.hex;
import static io.quantarch.numerics.golden.GoldenCsv.sameFloat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every decode table and every encode case of the golden scalar-format vectors, bit-exact. */
class ScalarGoldenTest {

    static ScalarCodec codec(String suffix) {
        return switch (suffix) {
            case "e8m0" -> E8M0.INSTANCE;
            case "mxint8_elem" -> MxIntElement.INT8;
            default -> (ScalarCodec) Formats.byName(formatName(suffix));
        };
    }

    static String formatName(String suffix) {
        return switch (suffix) {
            case "e2m1" -> "fp4_e2m1";
            case "e2m3" -> "fp6_e2m3";
            case "e3m2" -> "fp6_e3m2";
            case "e4m3" -> "fp8_e4m3";
            case "e5m2" -> "fp8_e5m2";
            case "e5m10" -> "fp16";
            case "e3m3_b3" -> "e3m3b3";
            case "e2m5_b1_nosub" -> "e2m5b1_nosub";
            default -> suffix;                       // e4m3_ieee, e3m4_ieee
        };
    }

    @ParameterizedTest
    @CsvSource({"e2m1,16", "e2m3,64", "e3m2,64", "e4m3,256", "e5m2,256", "e5m10,65536", "e3m3_b3,128",
            "e2m5_b1_nosub,256", "e4m3_ieee,256", "e3m4_ieee,256", "e8m0,256", "mxint8_elem,256"})
    void decodeTableMatchesEveryCode(String suffix, int codes) {
        ScalarCodec c = codec(suffix);
        List<CSVRecord> rows = GoldenCsv.read("decode_" + suffix + ".csv");
        assertEquals(codes, rows.size(), "decode table size");
        List<String> mismatches = new ArrayList<>();
        for (CSVRecord r : rows) {
            int code = Integer.parseInt(r.get("code"));
            float v = c.decode(code);
            if (!sameFloat(hex(r.get("value_hex")), v)) {
                mismatches.add(describe(r) + " -> got " + Float.floatToRawIntBits(v) + " (" + v + ")");
            }
        }
        assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatches, first: " + mismatches.stream().limit(5).toList());
    }

    @ParameterizedTest
    @CsvSource({"e2m1", "e2m3", "e3m2", "e4m3", "e5m2", "e5m10", "e3m3_b3", "e2m5_b1_nosub", "e4m3_ieee", "e3m4_ieee"})
    void encodeMatchesEveryCaseInBothModes(String suffix) {
        MiniFloat sat = (MiniFloat) codec(suffix);
        MiniFloat nonsat = sat.withSaturation(false);
        List<CSVRecord> rows = GoldenCsv.read("encode_" + suffix + ".csv");
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (CSVRecord r : rows) {
            float x = GoldenCsv.floatOfHex(r.get("input_hex"));
            checked += check(sat, x, r.get("sat_code"), r.get("sat_value_hex"), r, mismatches);
            if (!r.get("nonsat_code").isEmpty()) {
                checked += check(nonsat, x, r.get("nonsat_code"), r.get("nonsat_value_hex"), r, mismatches);
            }
        }
        assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatches, first: " + mismatches.stream().limit(5).toList());
        assertTrue(checked >= rows.size(), "every row checked");
    }

    private static int check(MiniFloat f, float x, String expectedCode, String expectedValueHex, CSVRecord r, List<String> bad) {
        int code = f.encode(x);
        if (expectedCode.isEmpty()) {
            // undefined by the reference: NaN into a format without NaN; we return NO_CODE
            if (code != ScalarCodec.NO_CODE) {
                bad.add(describe(r) + " -> expected no code, got " + code);
            }
            return 1;
        }
        int want = Integer.parseInt(expectedCode);
        float wantValue = Float.intBitsToFloat(hex(expectedValueHex));
        boolean ok = Float.isNaN(wantValue) ? f.isNaN(code) : code == want;
        if (!ok) {
            bad.add(describe(r) + " [" + f.name() + (f.saturating() ? " sat" : " nonsat") + "] -> got " + code);
        }
        return 1;
    }
}
