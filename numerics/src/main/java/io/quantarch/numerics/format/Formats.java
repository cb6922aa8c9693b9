package io.quantarch.numerics.format;

import io.quantarch.numerics.quant.Granularity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry of number formats by name (the names of ARCHITECTURE.md's command-line contract).
 * Named formats are listed; families with parameters are parsed from their name patterns.
 */
public final class Formats {

    private static final Map<String, Supplier<NumberFormat>> NAMED = new LinkedHashMap<>();

    private static final Pattern GRANULARITY = Pattern.compile("(?:_(tensor|channel|g(\\d+)))?");
    private static final Pattern GENERIC = Pattern.compile("e(\\d)m(\\d{1,2})(?:b(-?\\d+))?(_fn|_ieee)?(_nosub)?" + GRANULARITY);
    private static final Pattern NAMED_FLOAT = Pattern.compile("(fp8_e4m3|fp8_e5m2|fp6_e3m2|fp6_e2m3|fp4_e2m1|fp16|bf16)" + GRANULARITY);
    private static final Pattern INT = Pattern.compile("int(\\d+)_(sym|asym)" + GRANULARITY);
    private static final Pattern MX = Pattern.compile("(mxfp8_e4m3|mxfp8_e5m2|mxfp6_e3m2|mxfp6_e2m3|mxfp4|mxfp4_e2m1|mxint8)(?:_k(\\d+))?");
    private static final Pattern NVFP4 = Pattern.compile("nvfp4(?:_k(\\d+))?");
    private static final Pattern POW2 = Pattern.compile("pow2_(\\d+)");

    /** Name patterns, for help and error messages. */
    public static final List<String> PATTERNS = List.of(
            "eXmY[bB][_fn|_ieee][_nosub] (generic minifloat, X 1..8, Y 0..10; default bias 2^(X-1)-1, all codes finite)",
            "<minifloat>_{tensor|channel|gN} (minifloat with a float32 scale per tensor, channel or group of N)",
            "int{2..8}_{sym|asym}[_tensor|_channel|_gN]",
            "mxfp8_e4m3|mxfp8_e5m2|mxfp6_e3m2|mxfp6_e2m3|mxfp4|mxint8[_kN] (OCP MX, block size N, default 32)",
            "nvfp4[_kN]", "pow2_{2..8}", "ternary", "binary", "complex_pm1_pmi");

    static {
        register("fp8_e4m3", MiniFloat::fp8E4m3);
        register("fp8_e5m2", MiniFloat::fp8E5m2);
        register("fp6_e3m2", MiniFloat::fp6E3m2);
        register("fp6_e2m3", MiniFloat::fp6E2m3);
        register("fp4_e2m1", MiniFloat::fp4E2m1);
        register("fp16", MiniFloat::fp16);
        register("bf16", MiniFloat::bf16);
        for (String mx : List.of("mxfp8_e4m3", "mxfp8_e5m2", "mxfp6_e3m2", "mxfp6_e2m3", "mxfp4", "mxint8")) {
            register(mx, () -> mx(mx, 32));
        }
        register("nvfp4", () -> Nvfp4.DEFAULT);
        for (int b = 2; b <= 8; b++) {
            for (String mode : List.of("sym", "asym")) {
                for (String g : List.of("_tensor", "_channel", "_g32", "_g64", "_g128")) {
                    String n = "int" + b + "_" + mode + g;
                    register(n, () -> parse(n));
                }
            }
        }
        register("ternary", () -> Ternary.INSTANCE);
        register("binary", () -> Binary.INSTANCE);
        for (int b = 2; b <= 8; b++) {
            String n = "pow2_" + b;
            int bits = b;
            register(n, () -> new Pow2(bits));
        }
        register("complex_pm1_pmi", () -> ComplexPm1Pmi.INSTANCE);
        for (String n : List.of("e3m3b3", "e2m5b1_nosub", "e4m3_ieee", "e3m4_ieee", "e5m2_ieee", "e4m3_fn", "e3m2", "e2m3", "e2m1")) {
            register(n, () -> parse(n));
        }
        for (String n : List.of("fp8_e4m3_tensor", "fp8_e4m3_channel", "fp8_e5m2_tensor", "fp4_e2m1_g32", "fp6_e2m3_g32")) {
            register(n, () -> parse(n));
        }
    }

    private Formats() {
    }

    private static void register(String name, Supplier<NumberFormat> factory) {
        NAMED.put(name, factory);
    }

    /** The listed formats, in registry order: named formats and common members of each family. */
    public static List<NumberFormat> listed() {
        List<NumberFormat> out = new ArrayList<>();
        for (Supplier<NumberFormat> s : NAMED.values()) {
            out.add(s.get());
        }
        return out;
    }

    /** The format with this name. */
    public static NumberFormat byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        NumberFormat f = parse(n);
        if (f == null) {
            throw new UnknownFormatException(name, "unknown format '" + name + "'" + suggestion(n)
                    + "; valid names: " + String.join(", ", NAMED.keySet()) + "; patterns: " + String.join("; ", PATTERNS));
        }
        return f;
    }

    /** True when {@code name} parses as a format. */
    public static boolean isKnown(String name) {
        return parse(name.trim().toLowerCase(Locale.ROOT)) != null;
    }

    private static NumberFormat parse(String n) {
        try {
            Matcher m;
            if ((m = NAMED_FLOAT.matcher(n)).matches()) {
                MiniFloat f = switch (m.group(1)) {
                    case "fp8_e4m3" -> MiniFloat.fp8E4m3();
                    case "fp8_e5m2" -> MiniFloat.fp8E5m2();
                    case "fp6_e3m2" -> MiniFloat.fp6E3m2();
                    case "fp6_e2m3" -> MiniFloat.fp6E2m3();
                    case "fp4_e2m1" -> MiniFloat.fp4E2m1();
                    case "fp16" -> MiniFloat.fp16();
                    default -> MiniFloat.bf16();
                };
                return scaled(f, m.group(2), m.group(3));
            }
            if ((m = GENERIC.matcher(n)).matches()) {
                int e = Integer.parseInt(m.group(1));
                int mant = Integer.parseInt(m.group(2));
                int bias = m.group(3) != null ? Integer.parseInt(m.group(3)) : (1 << (e - 1)) - 1;
                SpecialValues sv = m.group(4) == null ? SpecialValues.NONE
                        : m.group(4).equals("_fn") ? SpecialValues.FN : SpecialValues.IEEE;
                boolean sub = m.group(5) == null;
                String prefix = m.group(6) == null ? n : n.substring(0, m.start(6) - 1);
                MiniFloat f = MiniFloat.of(e, mant, bias, sub, sv).named(prefix);
                return scaled(f, m.group(6), m.group(7));
            }
            if ((m = INT.matcher(n)).matches()) {
                int bits = Integer.parseInt(m.group(1));
                Granularity g = granularity(m.group(3), m.group(4));
                return new IntFormat(bits, m.group(2).equals("sym"), g == null ? Granularity.TENSOR : g);
            }
            if ((m = MX.matcher(n)).matches()) {
                int k = m.group(2) == null ? 32 : Integer.parseInt(m.group(2));
                return mx(m.group(1), k);
            }
            if ((m = NVFP4.matcher(n)).matches()) {
                return m.group(1) == null ? Nvfp4.DEFAULT : new Nvfp4(Integer.parseInt(m.group(1)));
            }
            if ((m = POW2.matcher(n)).matches()) {
                return new Pow2(Integer.parseInt(m.group(1)));
            }
            return switch (n) {
                case "ternary" -> Ternary.INSTANCE;
                case "binary" -> Binary.INSTANCE;
                case "complex_pm1_pmi" -> ComplexPm1Pmi.INSTANCE;
                default -> null;
            };
        } catch (IllegalArgumentException badParameters) {
            throw new UnknownFormatException(n, "format '" + n + "' is not valid: " + badParameters.getMessage());
        }
    }

    private static NumberFormat scaled(MiniFloat f, String granularity, String groupSize) {
        Granularity g = granularity(granularity, groupSize);
        return g == null ? f : new ScaledFloat(f, g);
    }

    private static Granularity granularity(String word, String groupSize) {
        if (word == null) {
            return null;
        }
        return switch (word) {
            case "tensor" -> Granularity.TENSOR;
            case "channel" -> Granularity.CHANNEL;
            default -> new Granularity.PerGroup(Integer.parseInt(groupSize));
        };
    }

    private static MxFormat mx(String name, int blockSize) {
        ScalarCodec element = switch (name) {
            case "mxfp8_e4m3" -> MiniFloat.fp8E4m3();
            case "mxfp8_e5m2" -> MiniFloat.fp8E5m2();
            case "mxfp6_e3m2" -> MiniFloat.fp6E3m2();
            case "mxfp6_e2m3" -> MiniFloat.fp6E2m3();
            case "mxfp4", "mxfp4_e2m1" -> MiniFloat.fp4E2m1();
            case "mxint8" -> MxInt8Element.INSTANCE;
            default -> throw new IllegalArgumentException("not an MX format: " + name);
        };
        String canonical = name.equals("mxfp4_e2m1") ? "mxfp4" : name;
        return new MxFormat(blockSize == 32 ? canonical : canonical + "_k" + blockSize, element, blockSize);
    }

    private static String suggestion(String n) {
        return io.quantarch.config.Names.plausible(NAMED.keySet(), n).map(k -> " (did you mean '" + k + "'?)").orElse("");
    }
}
