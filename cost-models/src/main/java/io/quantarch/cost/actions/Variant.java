package io.quantarch.cost.actions;

import java.util.Comparator;

/**
 * What distinguishes one action or unit of a kind from another of the same kind: its operand widths or formats, or
 * the quantity a memory action is counted in. A closed vocabulary shared by the simulator (which counts) and the cost
 * model (which prices), so neither re-parses the other's strings. {@link #toString()} is the text written in
 * {@code actions.csv} and {@code area.csv} ({@code int:8x8}, {@code fp:4,3xfp:4,3}, {@code bits}, ...).
 */
public sealed interface Variant extends Comparable<Variant> {

    /** No variant (counters such as MAC, cycles, gated work). */
    record None() implements Variant {
        @Override
        public String toString() {
            return "";
        }
    }

    /** A memory or register action counted in bits moved. */
    record Bits() implements Variant {
        @Override
        public String toString() {
            return "bits";
        }
    }

    /** A memory action counted in elements accessed (for reports; priced at zero, the bits carry the energy). */
    record Elements() implements Variant {
        @Override
        public String toString() {
            return "elements";
        }
    }

    /** An integer unit of one width: an adder or accumulator ({@code int:32}). */
    record Int(int bits) implements Variant {
        public Int {
            positive(bits);
        }

        @Override
        public String toString() {
            return "int:" + bits;
        }
    }

    /** An integer multiplier of an {@code a}-bit by a {@code b}-bit operand ({@code int:4x8}). */
    record IntProduct(int a, int b) implements Variant {
        public IntProduct {
            positive(a);
            positive(b);
        }

        @Override
        public String toString() {
            return "int:" + a + "x" + b;
        }
    }

    /** A floating-point unit of E exponent and M mantissa bits: an adder, or a square multiplier ({@code fp:8,23}). */
    record Fp(int exponentBits, int mantissaBits) implements Variant {
        public Fp {
            if (exponentBits < 1 || mantissaBits < 0) {
                throw new IllegalArgumentException("floating point needs >= 1 exponent bit and >= 0 mantissa bits");
            }
        }

        /** Total width, sign included. */
        public int width() {
            return 1 + exponentBits + mantissaBits;
        }

        @Override
        public String toString() {
            return "fp:" + exponentBits + "," + mantissaBits;
        }
    }

    /** A floating-point multiplier of two (possibly different) formats ({@code fp:4,3xfp:5,2}). */
    record FpProduct(Fp a, Fp b) implements Variant {
        @Override
        public String toString() {
            return a + "x" + b;
        }
    }

    /** A unit sized by one bit width that is not an integer adder: a shifter or a comparator ({@code 32}). */
    record Width(int bits) implements Variant {
        public Width {
            positive(bits);
        }

        @Override
        public String toString() {
            return Integer.toString(bits);
        }
    }

    /** A storage of some capacity in bytes (SRAM parts) or bits (registers). */
    record Capacity(long amount) implements Variant {
        public Capacity {
            if (amount < 0) {
                throw new IllegalArgumentException("capacity must be >= 0, got " + amount);
            }
        }

        @Override
        public String toString() {
            return Long.toString(amount);
        }
    }

    None NONE = new None();
    Bits BITS = new Bits();
    Elements ELEMENTS = new Elements();
    Fp FP32 = new Fp(8, 23);
    Fp FP16 = new Fp(5, 10);

    static Int integer(int bits) {
        return new Int(bits);
    }

    static IntProduct product(int a, int b) {
        return new IntProduct(a, b);
    }

    static FpProduct product(Fp a, Fp b) {
        return new FpProduct(a, b);
    }

    static Width width(int bits) {
        return new Width(bits);
    }

    /**
     * The variant printed as {@code text} ({@link #toString()}'s grammar): empty, {@code bits}, {@code elements},
     * {@code int:W}, {@code int:AxB}, {@code fp:E,M}, {@code fp:E,MxE,M} or a bare width.
     *
     * @throws IllegalArgumentException naming the grammar when the text is none of these
     */
    static Variant parse(String text) {
        String t = text.trim();
        try {
            if (t.isEmpty()) {
                return NONE;
            }
            if (t.equals("bits")) {
                return BITS;
            }
            if (t.equals("elements")) {
                return ELEMENTS;
            }
            if (t.startsWith("int:")) {
                String body = t.substring(4);
                int x = body.indexOf('x');
                return x < 0 ? new Int(Integer.parseInt(body))
                        : new IntProduct(Integer.parseInt(body.substring(0, x)), Integer.parseInt(body.substring(x + 1)));
            }
            if (t.startsWith("fp:")) {
                int x = t.indexOf("xfp:");
                return x < 0 ? fp(t.substring(3)) : new FpProduct(fp(t.substring(3, x)), fp(t.substring(x + 4)));
            }
            return new Width(Integer.parseInt(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a variant (empty, bits, elements, int:W, int:AxB, fp:E,M, fp:E,Mxfp:E,M or a width), found '"
                    + text + "'");
        }
    }

    private static Fp fp(String em) {
        String[] p = em.split(",");
        if (p.length != 2) {
            throw new NumberFormatException(em);
        }
        return new Fp(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
    }

    /** Orders by the printed text, so counts list in the same order as before variants were typed. */
    @Override
    default int compareTo(Variant o) {
        return ORDER.compare(this, o);
    }

    Comparator<Variant> ORDER = Comparator.comparing(Variant::toString);

    private static void positive(int bits) {
        if (bits < 1) {
            throw new IllegalArgumentException("width must be >= 1 bit, got " + bits);
        }
    }
}
