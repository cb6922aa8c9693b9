package io.quantarch.cost.actions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An FPGA part's resource budget, from its vendor data sheet. BRAM is counted in 36 Kb blocks as data sheets
 * list it; each holds two independent 18 Kb halves, the unit FINN's estimates use.
 */
public record FpgaDevice(String name, String part, long luts, long flipFlops, long dsps, long bram36, String source) {

    private static final Map<String, FpgaDevice> KNOWN = new LinkedHashMap<>();

    static {
        // AMD DS891 (Zynq UltraScale+ MPSoC data sheet: overview), product table, XCZU7EV column (ZCU104 board)
        register(new FpgaDevice("zcu104", "XCZU7EV", 230_400, 460_800, 1_728, 312,
                "AMD DS891 Zynq UltraScale+ MPSoC product table, XCZU7EV"));
        // AMD DS962 (Alveo U200 and U250 data sheet), table 1, U250 column; UltraRAM not counted
        register(new FpgaDevice("u250", "XCU250", 1_728_000, 3_456_000, 12_288, 2_688,
                "AMD DS962 Alveo U200/U250 data sheet, table 1, U250"));
        // AMD DS190 (Zynq-7000 SoC data sheet: overview), product table, XC7Z020 column (PYNQ-Z1 board)
        register(new FpgaDevice("pynq-z1", "XC7Z020", 53_200, 106_400, 220, 140,
                "AMD DS190 Zynq-7000 product table, XC7Z020"));
    }

    private static void register(FpgaDevice d) {
        KNOWN.put(d.name(), d);
    }

    public static List<String> names() {
        return List.copyOf(KNOWN.keySet());
    }

    /** The device registered under {@code name}; IllegalArgumentException listing the known ones otherwise. */
    public static FpgaDevice byName(String name) {
        FpgaDevice d = KNOWN.get(name);
        if (d == null) {
            throw new IllegalArgumentException("unknown FPGA device '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return d;
    }

    public long bram18() {
        return 2 * bram36;
    }
}
