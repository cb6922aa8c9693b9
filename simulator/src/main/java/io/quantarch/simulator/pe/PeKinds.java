package io.quantarch.simulator.pe;

import io.quantarch.config.ConfigException;
import io.quantarch.config.YamlNode;
import io.quantarch.config.component.Registry;

import java.util.List;

/** The registered PE kinds: one line each. */
public final class PeKinds {

    public static final Registry<PeKind> REGISTRY = new Registry<>("pe", "processing elements: the arithmetic of one array cell",
            List.of(
                    IntMacSpec.KIND,
                    BitSerialSpec.KIND,
                    BitFusionSpec.KIND,
                    ShiftAddMixedSpec.KIND,
                    MiniFloatMacSpec.KIND,
                    MxDotSpec.KIND,
                    Int4Fp8Spec.KIND,
                    TernarySpec.KIND,
                    ComplexPm1PmiSpec.KIND,
                    BitPlaneSpec.KIND));

    private PeKinds() {
    }

    /** Registry names, e.g. for choices in a design space. */
    public static List<String> names() {
        return REGISTRY.names();
    }

    /** The kind called {@code name} with its default parameters. */
    public static PeSpec defaults(String name) {
        return REGISTRY.byName(name).defaults();
    }

    /** A {@code pe:} mapping: {@code type} and that kind's keys. */
    public static PeSpec read(YamlNode pe) throws ConfigException {
        String type = pe.get("type").asChoice(names());
        return REGISTRY.byName(type).read(pe);
    }
}
