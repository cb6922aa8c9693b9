package io.quantarch.cli;

import io.quantarch.numerics.format.Formats;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatsCommandTest {

    @Test
    void listPrintsNameBitsKindForEveryFormat() {
        CliRunner r = CliRunner.run("formats", "list");
        assertEquals(0, r.exitCode());
        List<String> lines = Arrays.asList(r.out().strip().split("\n"));
        assertEquals("name,bits,kind", lines.get(0));
        assertEquals(Formats.listed().size() + 1, lines.size());
        assertTrue(lines.contains("fp8_e4m3,8,minifloat"));
        assertTrue(lines.contains("mxfp4,4,mx"));
        assertTrue(lines.contains("int4_sym_g128,4,int"));
        assertTrue(lines.contains("nvfp4,4,nvfp4"));
        for (String line : lines.subList(1, lines.size())) {
            assertEquals(3, line.split(",").length, line);
        }
    }

    @Test
    void showDescribesOneFormat() {
        CliRunner r = CliRunner.run("formats", "show", "fp8_e4m3");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("max finite: 448.0"), r.out());
        assertTrue(r.out().contains("min subnormal: 0.001953125"), r.out());
        assertEquals(2, CliRunner.run("formats", "show", "nope").exitCode());
    }
}
