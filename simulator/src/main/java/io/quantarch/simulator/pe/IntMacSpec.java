package io.quantarch.simulator.pe;

/**
 * An integer multiply-accumulate PE: a {@code weightBits x inputBits} multiplier (sized for the widest formats
 * it runs) and an accumulator of {@code accumulatorBits}, whose overflow is detected and reported.
 *
 * @param weightBits  multiplier width on the weight side (8 for an INT8 PE)
 * @param inputBits   multiplier width on the activation side
 */
public record IntMacSpec(int weightBits, int inputBits, int accumulatorBits) implements PeSpec {

    public static final IntMacSpec INT8 = new IntMacSpec(8, 8, 32);

    public IntMacSpec {
        if (weightBits < 1 || weightBits > 16 || inputBits < 1 || inputBits > 16 || accumulatorBits < 8 || accumulatorBits > 63) {
            throw new IllegalArgumentException("int-mac: operand widths must be 1..16 bits and the accumulator 8..63 bits");
        }
    }

    @Override
    public String name() {
        return "int-mac";
    }

    @Override
    public String describe() {
        return "int-mac " + weightBits + "x" + inputBits + " -> acc" + accumulatorBits;
    }
}
