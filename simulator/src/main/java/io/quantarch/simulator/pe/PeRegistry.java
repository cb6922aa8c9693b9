package io.quantarch.simulator.pe;

import java.util.List;

/** PE kinds by name (as written in architecture files: {@code pe: {type: int-mac, ...}}). */
public final class PeRegistry {

    public static final List<String> NAMES = List.of("int-mac");

    private PeRegistry() {
    }
}
