package io.quantarch.cost.memory;

/**
 * What an SRAM costs at one node: energy of one word access of one bank, leakage and area of the whole buffer.
 *
 * @param readPj     energy of reading one word, pJ
 * @param writePj    energy of writing one word, pJ
 * @param wordBits   bits per access
 * @param leakageMw  standby leakage of all banks, mW
 * @param areaUm2    area of all banks with their periphery, um^2
 */
public record SramCosts(double readPj, double writePj, int wordBits, double leakageMw, double areaUm2) {

    public double readPjPerBit() {
        return readPj / wordBits;
    }

    public double writePjPerBit() {
        return writePj / wordBits;
    }
}
