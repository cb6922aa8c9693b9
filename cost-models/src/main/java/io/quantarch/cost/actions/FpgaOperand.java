package io.quantarch.cost.actions;

/** What a matrix-vector unit's datapath is built for: an integer or a minifloat operand of a given width. */
public sealed interface FpgaOperand permits FpgaOperand.Int, FpgaOperand.MiniFloat {

    /** Bits of one stored element. */
    int bits();

    String label();

    /** A two's-complement ({@code signed}) or unsigned integer of {@code bits}. */
    record Int(int bits, boolean signed) implements FpgaOperand {
        public Int {
            if (bits < 1 || bits > 32) {
                throw new IllegalArgumentException("integer operand of 1..32 bits, got " + bits);
            }
        }

        @Override
        public String label() {
            return (signed ? "int" : "uint") + bits;
        }
    }

    /** Sign, {@code exponentBits}, {@code mantissaBits}; subnormals add the implicit-bit detection logic. */
    record MiniFloat(int exponentBits, int mantissaBits, boolean subnormals) implements FpgaOperand {
        public MiniFloat {
            if (exponentBits < 1 || exponentBits > 8 || mantissaBits < 0 || mantissaBits > 10) {
                throw new IllegalArgumentException("minifloat operand E1..8 M0..10, got E" + exponentBits + "M" + mantissaBits);
            }
        }

        @Override
        public int bits() {
            return 1 + exponentBits + mantissaBits;
        }

        /** Significand width including the implicit bit. */
        public int significandBits() {
            return mantissaBits + 1;
        }

        /** Distinct biased exponent values (every code finite, as the quantizers use them). */
        public int exponentCodes() {
            return 1 << exponentBits;
        }

        @Override
        public String label() {
            return "e" + exponentBits + "m" + mantissaBits + (subnormals ? "" : "_nosub");
        }
    }
}
