package io.quantarch.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quantarch components}: every kind and name from the registries; {@code show} prints the declarations that parse YAML. */
class ComponentsCommandTest {

    @Test
    void listsEveryKindAndEveryRegisteredName() {
        CliRunner r = CliRunner.run("components");
        assertEquals(0, r.exitCode(), r.err());
        for (String kind : List.of("pe:", "format:", "cost-table:", "sram-model:", "dram:", "search:", "metric:", "real-model:", "zoo-model:")) {
            assertTrue(r.out().contains("\n" + kind) || r.out().startsWith(kind), kind + " missing:\n" + r.out());
        }
        for (String name : List.of("bit-plane", "bit-fusion", "mx-dot", "horowitz45", "cacti", "lpddr5", "hbm3", "nsga2", "dp", "stories260k")) {
            assertTrue(r.out().contains("  " + name + " "), name + " missing");
        }
    }

    @Test
    void showPrintsKeysDefaultsAndSources() {
        CliRunner r = CliRunner.run("components", "show", "pe", "bit-fusion");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("accumulator_bits") && r.out().contains("32"), r.out());
        r = CliRunner.run("components", "show", "dram", "hbm2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("3.9 pJ/bit") && r.out().contains("O'Connor"), r.out());
    }

    @Test
    void unknownKindsAndNamesExitTwoNamingTheValidOnes() {
        CliRunner r = CliRunner.run("components", "show", "dramm", "hbm2");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("'dramm'") && r.err().contains("dram"), r.err());
        r = CliRunner.run("components", "show", "dram", "hbm4");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("'hbm4'") && r.err().contains("hbm3"), r.err());
    }
}
