package io.quantarch.simulator.pe;

import java.util.List;

/** PE kinds by name (architecture files: {@code pe: {type: NAME, ...}}), with their defaults. */
public final class PeRegistry {

    public static final List<String> NAMES = List.of("int-mac", "bit-serial", "bit-fusion", "shift-add-mixed", "minifloat-mac",
            "mx-dot", "int4-fp8", "ternary", "complex-pm1-pmi");

    private PeRegistry() {
    }

    /** The kind with its default parameters. */
    public static PeSpec defaults(String name) {
        return switch (name) {
            case "int-mac" -> IntMacSpec.INT8;
            case "bit-serial" -> new BitSerialSpec(8, 16, 32);
            case "bit-fusion" -> new BitFusionSpec(32);
            case "shift-add-mixed" -> new ShiftAddMixedSpec(4, 8, 32, false);
            case "minifloat-mac" -> MiniFloatMacSpec.FP32_ACCUMULATOR;
            case "mx-dot" -> new MxDotSpec(1, 32);
            case "int4-fp8" -> new Int4Fp8Spec(32);
            case "ternary" -> new TernarySpec(8, 32, 1.0 / 3);
            case "complex-pm1-pmi" -> new ComplexPm1PmiSpec(8, 32);
            default -> throw new IllegalArgumentException("unknown PE kind '" + name + "'; valid: " + String.join(", ", NAMES));
        };
    }
}
