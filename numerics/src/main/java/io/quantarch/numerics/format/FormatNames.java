package io.quantarch.numerics.format;

import io.quantarch.numerics.quant.Granularity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Name grammar shared by the minifloat families (named OCP formats, generic ExMy, granularity suffixes). */
final class FormatNames {

    static final String GRANULARITY = "(?:_(tensor|channel|g(\\d+)))?";
    private static final Pattern GENERIC = Pattern.compile("e(\\d)m(\\d{1,2})(?:b(-?\\d+))?(_fn|_ieee)?(_nosub)?" + GRANULARITY);
    private static final Pattern NAMED_FLOAT = Pattern.compile("(fp8_e4m3|fp8_e5m2|fp6_e3m2|fp6_e2m3|fp4_e2m1|fp16|bf16)" + GRANULARITY);

    /** The minifloat family (declared here, beside its name grammar, and published as {@link MiniFloat#FAMILY}). */
    static final FormatFamily MINIFLOAT = new FormatFamily("minifloat",
            "sign-exponent-mantissa ExMy with any bias, subnormals on or off, Inf/NaN as FN, IEEE or none; unscaled",
            "fp8_e4m3|fp8_e5m2|fp6_e3m2|fp6_e2m3|fp4_e2m1|fp16|bf16 or eXmY[bB][_fn|_ieee][_nosub] (X 1..8, Y 0..10)",
            java.util.List.of(io.quantarch.config.component.Param.integer("exponent_bits", 1, 8, null, "X: exponent field width"),
                    io.quantarch.config.component.Param.integer("mantissa_bits", 0, 10, null, "Y: mantissa field width"),
                    io.quantarch.config.component.Param.integer("bias", -1000, 1000, null, "B: exponent bias (default 2^(X-1)-1)"),
                    io.quantarch.config.component.Param.choice("specials", java.util.List.of("none", "fn", "ieee"), "none",
                            "special values: none (every code finite), fn (NaN only) or ieee (Inf and NaN)"),
                    io.quantarch.config.component.Param.flag("subnormals", true, "subnormal codes on (_nosub turns them off)")),
            java.util.List.of("fp8_e4m3", "fp8_e5m2", "fp6_e3m2", "fp6_e2m3", "fp4_e2m1", "fp16", "bf16", "e3m3b3", "e2m5b1_nosub",
                    "e4m3_ieee", "e3m4_ieee", "e5m2_ieee", "e4m3_fn", "e3m2", "e2m3", "e2m1"),
            n -> {
                FormatNames.Minifloat m = FormatNames.minifloat(n);
                return m == null || m.granularity() != null ? null : m.element();
            });

    private FormatNames() {
    }

    /** A minifloat name with an optional granularity suffix: the element and the granularity (null when unscaled). */
    record Minifloat(MiniFloat element, Granularity granularity) { }

    static Minifloat minifloat(String n) {
        Matcher m;
        if ((m = NAMED_FLOAT.matcher(n)).matches()) {
            MiniFloat f = switch (m.group(1)) {
                case "fp8_e4m3" -> MiniFloat.fp8E4m3();
                case "fp8_e5m2" -> MiniFloat.fp8E5m2();
                case "fp6_e3m2" -> MiniFloat.fp6E3m2();
                case "fp6_e2m3" -> MiniFloat.fp6E2m3();
                case "fp4_e2m1" -> MiniFloat.fp4E2m1();
                case "fp16" -> MiniFloat.fp16();
                default -> MiniFloat.bf16();                  // open: the pattern admits no other word
            };
            return new Minifloat(f, granularity(m.group(2), m.group(3)));
        }
        if ((m = GENERIC.matcher(n)).matches()) {
            int e = Integer.parseInt(m.group(1));
            int mant = Integer.parseInt(m.group(2));
            int bias = m.group(3) != null ? Integer.parseInt(m.group(3)) : (1 << (e - 1)) - 1;
            SpecialValues sv = m.group(4) == null ? SpecialValues.NONE : m.group(4).equals("_fn") ? SpecialValues.FN : SpecialValues.IEEE;
            boolean sub = m.group(5) == null;
            String prefix = m.group(6) == null ? n : n.substring(0, m.start(6) - 1);
            return new Minifloat(MiniFloat.of(e, mant, bias, sub, sv).named(prefix), granularity(m.group(6), m.group(7)));
        }
        return null;
    }

    /** {@code tensor}, {@code channel} or {@code gN} (null word: no suffix, null result). */
    static Granularity granularity(String word, String groupSize) {
        if (word == null) {
            return null;
        }
        return switch (word) {
            case "tensor" -> Granularity.TENSOR;
            case "channel" -> Granularity.CHANNEL;
            default -> new Granularity.PerGroup(Integer.parseInt(groupSize));   // open: the pattern admits gN only
        };
    }
}
